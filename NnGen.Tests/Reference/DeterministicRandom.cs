namespace NnGen.Tests.Reference;

/// <summary>SplitMix64: the test data's own deterministic generator (independent of the runtime's initializers).</summary>
public sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [-range, range).</summary>
    public double Symmetric(double range) => (2 * NextDouble() - 1) * range;

    /// <summary>A stable 64-bit hash of a string (FNV-1a), for seeding by name.</summary>
    public static ulong Hash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text) hash = unchecked((hash ^ c) * 1099511628211UL);
        return hash;
    }
}

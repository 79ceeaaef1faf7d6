using NnGen.Generator.Model;

namespace NnGen.Generator.Parsing.Weights
{
    /// <summary>What a weights file's reader found: nothing wrong, another network's file (NNG0025), or a damaged one (NNG0026).</summary>
    internal enum WeightsProblem
    {
        None,
        WrongNetwork,
        Damaged,
    }

    /// <summary>
    /// A weights file read against a network's plan: the parameters and the state as the bits of their float32 values, in the
    /// network's layout (<see cref="Planning.NetworkPlan.ParameterCount"/> and <see cref="Planning.NetworkPlan.StateCount"/>
    /// of them), or the problem and a message that says what it is (the first mismatch, or what is damaged).
    /// </summary>
    internal sealed record WeightsReadResult(WeightsProblem Problem, string Message, EquatableArray<uint> ParameterBits, EquatableArray<uint> StateBits)
    {
        public static WeightsReadResult Read(EquatableArray<uint> parameterBits, EquatableArray<uint> stateBits)
            => new(WeightsProblem.None, string.Empty, parameterBits, stateBits);

        /// <summary>The file is sound but holds another network: <paramref name="message"/> names the first mismatch.</summary>
        public static WeightsReadResult WrongNetwork(string message)
            => new(WeightsProblem.WrongNetwork, message, EquatableArray<uint>.Empty, EquatableArray<uint>.Empty);

        /// <summary>The file cannot be read: <paramref name="message"/> says why (truncated, bad magic, checksum, ...).</summary>
        public static WeightsReadResult Damaged(string message)
            => new(WeightsProblem.Damaged, message, EquatableArray<uint>.Empty, EquatableArray<uint>.Empty);
    }
}

using NnGen.Internal;
using Xunit;

namespace NnGen.Tests.Initialization;

/// <summary>The generator's sequences, pinned: every initialization and every dropout mask depends on their bits.</summary>
public sealed class SeededRandomTests
{
    [Fact]
    public void A_seed_starts_SplitMix64_at_that_state()
    {
        // The reference outputs of SplitMix64 from state 0 (Steele, Lea and Flood's splitmix64.c).
        var random = new SeededRandom(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData(42L)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(long.MaxValue)]
    public void The_stochastic_layers_sequence_starts_one_MMIX_step_after_the_seed(long seed)
    {
        // What generated constructors wrote before the factory existed, bit for bit.
        var expected = new SeededRandom(unchecked(seed * 6364136223846793005L + 1442695040888963407L));
        SeededRandom actual = SeededRandom.ForStochasticLayers(seed);
        for (int i = 0; i < 8; i++) Assert.Equal(expected.NextUInt64(), actual.NextUInt64());
    }

    [Fact]
    public void The_stochastic_layers_sequence_of_42_is_pinned()
    {
        SeededRandom random = SeededRandom.ForStochasticLayers(42);
        Assert.Equal(0x335695BE897F3607UL, random.NextUInt64());
        Assert.Equal(0xDE73F94AB400C755UL, random.NextUInt64());
    }
}

using System.IO;
using Xunit;

namespace NnGen.Tests.Weights;

/// <summary>The committed Fixtures/tiny.nngen is what <see cref="WeightsFixture"/> writes (or is written again, on request).</summary>
public sealed class WeightsFixtureTests
{
    [Fact]
    public void The_committed_fixture_is_what_the_helper_writes()
    {
        if (WeightsFixture.Rewrite) File.WriteAllBytes(WeightsFixture.FullPath(), WeightsFixture.Bytes());

        Assert.Equal(WeightsFixture.Bytes(), File.ReadAllBytes(WeightsFixture.FullPath()));
    }
}

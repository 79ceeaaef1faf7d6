using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>Valid declarations in every legal place compile with the generated code with zero errors and zero warnings.</summary>
public sealed class ValidNetworkTests
{
    [Fact]
    public void Network_in_a_namespace_compiles_cleanly()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using NnGen;

            namespace Demo;

            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.Sigmoid)]
            [Dense(1)]
            public partial class Net;
            """);

        GeneratorAssert.CompilesCleanly(run);
        Assert.Equal(new[] { "Demo.Net.g.cs" }, run.GeneratedSources.Keys);
    }
}

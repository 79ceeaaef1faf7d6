extern alias NnGenGenerator;

using System.Globalization;
using System.Linq;
using NnGenGenerator::NnGen.Generator.Parsing;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>NNG0015: the cap on the parameter count (<see cref="NetworkParser.MaxParameters"/>), and overflow.</summary>
public sealed class SizeLimitDiagnosticTests
{
    [Fact]
    public void NNG0015_reported_just_above_the_cap()
    {
        // 10000 * 5000 weights + 5000 biases = 50,005,000 parameters.
        GeneratorRun run = DiagnosticCheck.Reports("""
            using NnGen;
            namespace Demo;

            [Network(Loss.MeanSquaredError)]
            [Input(10000)]
            [Dense(5000)]
            public partial class {|NNG0015:Net|};
            """);

        string message = run.GeneratorDiagnostics.Single().GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("50005000 parameters", message, System.StringComparison.Ordinal);
        Assert.Contains("50000000", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void NNG0015_reported_when_the_count_overflows_an_int() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(int.MaxValue)]
        [Dense(int.MaxValue, Activation.Tanh)]
        [Dense(int.MaxValue)]
        public partial class {|NNG0015:Net|};
        """);

    [Fact]
    public void NNG0015_not_reported_at_exactly_the_cap()
    {
        // 9999 * 5000 weights + 5000 biases = 50,000,000 parameters: generated as loops, not unrolled.
        GeneratorRun run = DiagnosticCheck.IsClean("""
            using NnGen;
            namespace Demo;

            [Network(Loss.MeanSquaredError)]
            [Input(9999)]
            [Dense(5000)]
            public partial class Net;
            """);

        Assert.Contains("public const int ParameterCount = 50000000;", run.GeneratedSources.Values.Single(), System.StringComparison.Ordinal);
    }
}

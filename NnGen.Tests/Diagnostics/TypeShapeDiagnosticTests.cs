using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>NNG0001..NNG0004: the class a network is declared on, and the types around it.</summary>
public sealed class TypeShapeDiagnosticTests
{
    [Fact]
    public void NNG0001_reported_for_a_class_that_is_not_partial() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public class {|NNG0001:Net|};
        """);

    [Fact]
    public void NNG0001_reported_for_a_record_that_is_not_partial() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public record {|NNG0001:Net|};
        """);

    [Fact]
    public void NNG0001_not_reported_for_a_partial_class() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0002_reported_for_a_containing_type_that_is_not_partial() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        internal class {|NNG0002:Outer|}
        {
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1)]
            public partial class Net;
        }
        """);

    [Fact]
    public void NNG0002_reported_for_each_containing_type_that_is_not_partial() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        internal class {|NNG0002:Outer|}
        {
            internal partial class Middle
            {
                internal class {|NNG0002:Inner|}
                {
                    [Network(Loss.MeanSquaredError)]
                    [Input(2)]
                    [Dense(1)]
                    public partial class Net;
                }
            }
        }
        """);

    [Fact]
    public void NNG0002_not_reported_when_every_containing_type_is_partial() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        internal static partial class Outer
        {
            internal partial struct Middle
            {
                [Network(Loss.MeanSquaredError)]
                [Input(2)]
                [Dense(1)]
                public partial class Net;
            }
        }
        """);

    [Fact]
    public void NNG0003_reported_for_a_generic_network() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial class {|NNG0003:Net|}<T>;
        """);

    [Fact]
    public void NNG0003_reported_for_a_network_nested_in_a_generic_type() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        internal partial class Outer<T>
        {
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1)]
            public partial class {|NNG0003:Net|};
        }
        """);

    [Fact]
    public void NNG0003_not_reported_for_a_network_nested_in_a_non_generic_type() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        internal partial class Outer
        {
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1)]
            public partial class Net;
        }
        """);

    [Fact]
    public void NNG0004_reported_for_a_static_class() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public static partial class {|NNG0004:Net|};
        """);

    [Fact]
    public void NNG0004_not_reported_for_a_sealed_class() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public sealed partial class Net;
        """);
}

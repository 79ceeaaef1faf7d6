using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>
/// Found by the generator fuzz test: declarations the generator accepted but whose generated code did not compile
/// (CS0144, CS0111, CS0102) or warned (CS0108, and CS8618 for a constructor that left Parameters unset).
/// NNG0020 now covers generated methods and inherited members too, and the GPU members (Gpu, ToGpu) with or without
/// ILGPU; NNG0021 and NNG0022 are new.
/// </summary>
public sealed class MemberClashDiagnosticTests
{
    [Fact]
    public void NNG0020_reported_for_a_method_with_the_signature_of_a_generated_one() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net
        {
            public void {|NNG0020:Predict|}(System.ReadOnlySpan<float> inputs, System.Span<float> outputs) { }
            public void {|NNG0020:Save|}(string path) { }
        }
        """);

    [Fact]
    public void NNG0020_reported_for_a_field_named_like_a_generated_method() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net
        {
            public int {|NNG0020:TrainStep|};
        }
        """);

    [Fact]
    public void NNG0020_reported_for_inherited_members_the_generated_ones_would_hide() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        internal class Base
        {
            public float[]? State;
            public virtual void Predict(System.ReadOnlySpan<float> inputs, System.Span<float> outputs) { }
            private int Parameters => 0;   // invisible to the derived class: hides nothing
        }

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class {|NNG0020:{|NNG0020:Net|}|} : Base;
        """);

    [Fact]
    public void NNG0020_not_reported_for_overloads_of_generated_methods_here_or_in_a_base() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        internal class Base
        {
            public void Save(System.IO.Stream stream, bool compress) { }
        }

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net : Base
        {
            public void Predict(float[] inputs) { }
            public static Net Load(string path, int seed) => new Net(seed);
        }
        """);

    [Fact]
    public void NNG0020_reported_for_a_nested_type_named_Gpu_and_a_member_named_ToGpu_without_ILGPU() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net
        {
            public sealed class {|NNG0020:Gpu|} { }
            public object {|NNG0020:ToGpu|}(int device) => device;
        }
        """);

    [Fact]
    public void NNG0020_reported_for_members_named_ExportOnnx_LoadOnnx_and_FromOnnx_without_NnGen_Onnx() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net
        {
            public void {|NNG0020:ExportOnnx|}(string path) { }
            public int {|NNG0020:LoadOnnx|} => 1;
            public static Net? {|NNG0020:FromOnnx|}(System.IO.Stream stream) => null;
        }
        """);

    [Fact]
    public void NNG0020_reported_for_members_named_CopyParametersFrom_and_Clone() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net
        {
            public void {|NNG0020:CopyParametersFrom|}(Net other) { }
            public Net {|NNG0020:Clone|}() => this;
        }
        """);

    [Fact]
    public void NNG0020_reported_for_Gpu_and_ToGpu_with_ILGPU_where_the_generated_ones_would_clash()
    {
        // With ILGPU the generator would emit Gpu and ToGpu(Accelerator); it reports the user's instead, and emits nothing.
        MarkedSource source = MarkedSource.Parse("""
            using NnGen;
            namespace Demo;

            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1)]
            internal partial class Net
            {
                public int {|NNG0020:Gpu|} => 1;
                public void {|NNG0020:ToGpu|}() { }
            }
            """);
        GeneratorAssert.ReportsExactly(GeneratorHarness.RunWithIlgpu(source.Text), new[] { source });
    }

    [Fact]
    public void NNG0020_not_reported_for_names_near_Gpu_or_for_a_Gpu_type_outside_the_network()
    {
        const string Source = """
            using NnGen;
            namespace Demo;

            internal sealed class Gpu { }

            internal static class Devices
            {
                public sealed class Gpu { }
            }

            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1)]
            internal partial class Net
            {
                public string GpuName => "none";
                public Net ToCpu() => this;
                public sealed class Gpus { }
            }
            """;
        DiagnosticCheck.IsClean(Source);
        GeneratorAssert.CompilesCleanly(GeneratorHarness.RunWithIlgpu(Source));
    }

    [Fact]
    public void NNG0021_reported_for_an_abstract_class() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public abstract partial class {|NNG0021:Net|};
        """);

    [Fact]
    public void NNG0021_not_reported_for_a_sealed_class_with_an_abstract_base() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        internal abstract class Base
        {
            public abstract string Describe();
        }

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal sealed partial class Net : Base
        {
            public override string Describe() => "net";
        }
        """);

    [Fact]
    public void NNG0022_reported_for_constructors_that_do_not_call_the_generated_one() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net
        {
            public {|NNG0022:Net|}() { }
            public {|NNG0022:Net|}(string name) : base() { }
        }
        """);

    [Fact]
    public void NNG0022_not_reported_for_constructors_that_chain_to_it() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net
        {
            public Net() : this(42) { }
            public Net(string name) : this(name.Length) => Name = name;
            public string Name { get; } = "";
            static Net() { }
        }
        """);
}

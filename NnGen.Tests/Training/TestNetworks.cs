using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using NnGen.Generator;

namespace NnGen.Tests.Training
{
    /// <summary>
    /// The small networks the training and model-file tests use, declared with NnGen's attributes and compiled
    /// once, in memory, by <see cref="NetworkGenerator"/> and Roslyn, then used through <see cref="INetwork"/>
    /// (and reflection for the generated static members, which is fine in tests).
    /// </summary>
    /// <remarks>
    /// They are not declared as partial classes of this project because that does not compile today: NnGen.Tests
    /// references NnGen.Generator's assembly (ReferenceOutputAssembly="true"), which compiles in public copies of
    /// NnGen.Loss, NnGen.Activation and NnGen.Init, so every use of them is ambiguous (CS0433). See
    /// <see cref="KnownIssueTests"/>. Once that is fixed, <see cref="Source"/> can move into a plain .cs file.
    /// </remarks>
    internal static class TestNetworks
    {
        public const string Namespace = "NnGen.Tests.Training.Networks";

        private const string Source = """
            using NnGen;

            namespace NnGen.Tests.Training.Networks
            {
                /// <summary>2 -> 8 (Tanh) -> 3 (Softmax): unrolled code.</summary>
                [Network(Loss.CategoricalCrossEntropy)]
                [Input(2)]
                [Dense(8, Activation.Tanh)]
                [Dense(3, Activation.Softmax)]
                public partial class BlobNet;

                /// <summary>2 -> 16 (ReLU) -> Dropout -> 3 (Softmax): loop code with the network's own random generator.</summary>
                [Network(Loss.CategoricalCrossEntropy)]
                [Input(2)]
                [Dense(16, Activation.ReLU)]
                [Dropout(0.25f)]
                [Dense(3, Activation.Softmax)]
                public partial class DropoutBlobNet;

                /// <summary>y = w x + b, starting from w = 0.</summary>
                [Network(Loss.MeanSquaredError, Init = Init.Zeros)]
                [Input(1)]
                [Dense(1)]
                public partial class LineNet;

                /// <summary>1 -> 2 -> BatchNorm -> 1: a network with state (running statistics).</summary>
                [Network(Loss.MeanSquaredError)]
                [Input(1)]
                [Dense(2)]
                [BatchNorm]
                [Dense(1)]
                public partial class BatchNormLineNet;

                /// <summary>2 -> 2 (Tanh) -> 1: 9 parameters, a 64-byte model file.</summary>
                [Network(Loss.MeanSquaredError)]
                [Input(2)]
                [Dense(2, Activation.Tanh)]
                [Dense(1)]
                public partial class TinyFileNet;

                /// <summary>The same sizes as TinyFileNet with another activation: another network.</summary>
                [Network(Loss.MeanSquaredError)]
                [Input(2)]
                [Dense(2, Activation.Sigmoid)]
                [Dense(1)]
                public partial class TinyFileNetSigmoid;

                /// <summary>3 -> 4 -> BatchNorm (ReLU) -> 2 (Softmax): 34 parameters and 8 state values.</summary>
                [Network(Loss.CategoricalCrossEntropy)]
                [Input(3)]
                [Dense(4)]
                [BatchNorm(Activation.ReLU)]
                [Dense(2, Activation.Softmax)]
                public partial class BatchNormFileNet;
            }
            """;

        private static readonly Lazy<Assembly> s_assembly = new(Compile);

        public static INetwork BlobNet(int seed = 0) => Create("BlobNet", seed);
        public static INetwork DropoutBlobNet(int seed = 0) => Create("DropoutBlobNet", seed);
        public static INetwork LineNet(int seed = 0) => Create("LineNet", seed);
        public static INetwork BatchNormLineNet(int seed = 0) => Create("BatchNormLineNet", seed);
        public static INetwork TinyFileNet(int seed = 0) => Create("TinyFileNet", seed);
        public static INetwork TinyFileNetSigmoid(int seed = 0) => Create("TinyFileNetSigmoid", seed);
        public static INetwork BatchNormFileNet(int seed = 0) => Create("BatchNormFileNet", seed);

        /// <summary>A new instance of the network <paramref name="name"/>, its parameters initialized from <paramref name="seed"/>.</summary>
        public static INetwork Create(string name, int seed = 0) => (INetwork)Activator.CreateInstance(TypeOf(name), seed)!;

        public static Type TypeOf(string name) => s_assembly.Value.GetType(Namespace + "." + name, throwOnError: true)!;

        /// <summary>The generated <c>ModelSignature</c> constant.</summary>
        public static ulong Signature(INetwork network) => (ulong)network.GetType().GetField("ModelSignature")!.GetValue(null)!;

        /// <summary>The generated <c>Save(string path)</c>.</summary>
        public static void Save(INetwork network, string path) => Invoke(network.GetType().GetMethod("Save", [typeof(string)])!, network, path);

        /// <summary>The generated <c>LoadFrom(string path)</c>.</summary>
        public static void LoadFrom(INetwork network, string path) => Invoke(network.GetType().GetMethod("LoadFrom", [typeof(string)])!, network, path);

        /// <summary>The generated static <c>Load(Stream)</c>.</summary>
        public static INetwork Load(string name, Stream stream) => (INetwork)Invoke(TypeOf(name).GetMethod("Load", [typeof(Stream)])!, null, stream)!;

        /// <summary>The generated static <c>Load(string path)</c>.</summary>
        public static INetwork Load(string name, string path) => (INetwork)Invoke(TypeOf(name).GetMethod("Load", [typeof(string)])!, null, path)!;

        /// <summary>Calls a generated member, throwing its own exception rather than a TargetInvocationException.</summary>
        private static object? Invoke(MethodInfo method, object? target, object argument)
        {
            try
            {
                return method.Invoke(target, [argument]);
            }
            catch (TargetInvocationException error) when (error.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerException).Throw();
                throw;
            }
        }

        private static Assembly Compile()
        {
            Compilation output = RunGenerator(Source, References(), out ImmutableArray<Diagnostic> generatorDiagnostics);
            using var image = new MemoryStream();
            EmitResult result = output.Emit(image);
            IEnumerable<Diagnostic> problems = generatorDiagnostics.Concat(result.Diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning);
            if (!result.Success || problems.Any())
                throw new InvalidOperationException("The test networks did not compile cleanly:\n" + string.Join("\n", problems));
            image.Position = 0;
            // The context's default Load returns null, so NnGen.Runtime resolves to the tests' own copy and the instances cast to INetwork.
            return new AssemblyLoadContext("NnGen.Tests.Training.Networks").LoadFromStream(image);
        }

        /// <summary>Compiles <paramref name="source"/> with the generator in memory.</summary>
        internal static Compilation RunGenerator(string source, IEnumerable<MetadataReference> references, out ImmutableArray<Diagnostic> generatorDiagnostics)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "NnGen.Tests.Training.Networks",
                [CSharpSyntaxTree.ParseText(source, parseOptions, "TestNetworks.cs")],
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
            GeneratorDriver driver = CSharpGeneratorDriver.Create([new NetworkGenerator().AsSourceGenerator()], parseOptions: parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out generatorDiagnostics);
            return output;
        }

        /// <summary>The framework's assemblies and NnGen.Runtime.</summary>
        internal static IEnumerable<MetadataReference> References()
        {
            string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            IEnumerable<string> framework = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
            return framework.Append(typeof(INetwork).Assembly.Location).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        }
    }
}

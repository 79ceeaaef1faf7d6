extern alias NnGenGenerator;

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
using NnGenGenerator::NnGen.Generator;

namespace NnGen.Tests.Learning
{
    /// <summary>
    /// The networks the learning tests train, declared with NnGen's attributes and compiled once, in memory, by
    /// <see cref="NetworkGenerator"/> and Roslyn (optimized), then loaded and used through <see cref="INetwork"/>.
    /// </summary>
    /// <remarks>
    /// They are compiled here rather than declared in this project because NnGen.Tests cannot declare a network
    /// today: it references NnGen.Generator's assembly (ReferenceOutputAssembly="true"), which compiles in the
    /// public enums NnGen.Loss, NnGen.Activation and NnGen.Init, so every use of them, in an attribute or in the
    /// generated code, is ambiguous with NnGen.Runtime's (CS0433). Once that is fixed, this source can move into
    /// a plain .cs file of this folder and <see cref="Create"/> can become <c>new Toy16Network(seed)</c> and so on.
    /// </remarks>
    internal static class LearningNetworks
    {
        public const string Toy16 = "NnGen.Tests.Learning.Networks.Toy16Network";
        public const string Xor = "NnGen.Tests.Learning.Networks.XorNetwork";
        public const string Digits = "NnGen.Tests.Learning.Networks.DigitsMlp";

        private const string Source = """
            using NnGen;

            namespace NnGen.Tests.Learning.Networks
            {
                /// <summary>toy16: one 4 -> 2 linear layer with softmax (unrolled code shape).</summary>
                [Network(Loss.CategoricalCrossEntropy)]
                [Input(4)]
                [Dense(2, Activation.Softmax)]
                public partial class Toy16Network;

                /// <summary>XOR: 2 -> 4 tanh -> 1 sigmoid, binary cross-entropy (unrolled code shape).</summary>
                [Network(Loss.BinaryCrossEntropy)]
                [Input(2)]
                [Dense(4, Activation.Tanh)]
                [Dense(1, Activation.Sigmoid)]
                public partial class XorNetwork;

                /// <summary>Digits: 64 pixels / 16 -> 64 ReLU -> 10 softmax (loop code shape).</summary>
                [Network(Loss.CategoricalCrossEntropy)]
                [Input(64)]
                [Dense(64, Activation.ReLU, Init = Init.HeUniform)]
                [Dense(10, Activation.Softmax)]
                public partial class DigitsMlp;
            }
            """;

        private static readonly Lazy<Assembly> s_assembly = new(Compile);

        /// <summary>A new instance of the network <paramref name="fullName"/>, its parameters initialized from <paramref name="seed"/>.</summary>
        public static INetwork Create(string fullName, int seed)
        {
            Type type = s_assembly.Value.GetType(fullName, throwOnError: true)!;
            return (INetwork)Activator.CreateInstance(type, seed)!;
        }

        private static Assembly Compile()
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "NnGen.Tests.LearningNetworks",
                [CSharpSyntaxTree.ParseText(Source, parseOptions, "LearningNetworks.cs")],
                References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
            GeneratorDriver driver = CSharpGeneratorDriver.Create([new NetworkGenerator().AsSourceGenerator()], parseOptions: parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

            using var image = new MemoryStream();
            EmitResult result = output.Emit(image);
            IEnumerable<Diagnostic> problems = generatorDiagnostics.Concat(result.Diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning);
            if (!result.Success || problems.Any())
                throw new InvalidOperationException("The learning networks did not compile cleanly:\n" + string.Join("\n", problems));
            image.Position = 0;
            // The context's default Load returns null, so NnGen.Runtime resolves to the tests' own copy and the instances cast to INetwork.
            return new AssemblyLoadContext("NnGen.Tests.LearningNetworks").LoadFromStream(image);
        }

        /// <summary>The framework's assemblies and NnGen.Runtime.</summary>
        private static IEnumerable<MetadataReference> References()
        {
            string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            IEnumerable<string> framework = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
            return framework.Append(typeof(INetwork).Assembly.Location).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        }
    }
}

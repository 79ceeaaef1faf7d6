using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NnGen.Generator;
using Xunit;

namespace NnGen.Tests.Training
{
    /// <summary>Failing tests for bugs found outside this folder, left for their owners to fix.</summary>
    public class KnownIssueTests
    {
        /// <summary>
        /// NnGen.Tests references NnGen.Generator's assembly as well as NnGen.Runtime (ReferenceOutputAssembly="true"
        /// in NnGen.Tests.csproj), and the generator compiles in linked copies of NnGen.Loss, NnGen.Activation and
        /// NnGen.Init that are public. So a network declared in the test project does not compile: CS0433, the type
        /// exists in both assemblies, at the attributes and in the generated code. This compiles a network with
        /// exactly the test project's references. A fix: make the generator's copies internal (for example
        /// <c>#if NNGEN_GENERATOR internal #else public #endif</c> in the three shared files), or reference the
        /// generator's assembly under an extern alias.
        /// </summary>
        [Fact]
        public void ANetworkDeclaredWithTheTestProjectsReferences_Compiles()
        {
            const string source = """
                using NnGen;
                [Network(Loss.MeanSquaredError)]
                [Input(2)]
                [Dense(1, Activation.Identity)]
                public partial class DeclaredInTests;
                """;
            Compilation output = TestNetworks.RunGenerator(
                source,
                TestNetworks.References().Append(MetadataReference.CreateFromFile(typeof(NetworkGenerator).Assembly.Location)),
                out ImmutableArray<Diagnostic> generatorDiagnostics);
            Diagnostic[] errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, string.Join("\n", errors.Take(5)));
        }
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using NnGen.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.Diagnostics;

/// <summary>
/// Declarations the compiler rejects, or attributes in places they do not belong: the generator must not throw
/// (no CS8784/CS8785/AD0001), and whatever it emits must not add an error of its own.
/// </summary>
public sealed class BrokenInputTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "unclosed attribute argument list", """
            using NnGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.Sigmoid
            public partial class Net;
            """ },
        { "unclosed class body", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial class Net {
            """ },
        { "attribute without a class", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            """ },
        { "missing using", """
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial class Net;
            """ },
        { "qualified attribute with an unbound loss", """
            [NnGen.Network(Loss.MeanSquaredError)] [NnGen.Input(2)] [NnGen.Dense(1)]
            public partial class Net;
            """ },
        { "unknown enum member", """
            using NnGen;
            [Network(Loss.Hinge)] [Input(2)] [Dense(1, Activation.Swish)]
            public partial class Net;
            """ },
        { "non-constant size", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(Width)]
            public partial class Net { public static int Width = 3; }
            """ },
        { "method call as size", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Input(int.Parse("2"))] [Dense(1)]
            public partial class Net;
            """ },
        { "non-constant option", """
            using NnGen;
            [Network(Loss.MeanSquaredError, Init = Net.Default)] [Input(2)] [Dense(3, Activation.LeakyReLU, Alpha = Net.Slope)] [Dense(1)]
            public partial class Net { public static Init Default = Init.Zeros; public static float Slope = 0.1f; }
            """ },
        { "arguments of the wrong type", """
            using NnGen;
            [Network(3)] [Input("two")] [Dense(1.5, Alpha = "x")]
            public partial class Net;
            """ },
        { "missing arguments", """
            using NnGen;
            [Network] [Input()] [Dense]
            public partial class Net;
            """ },
        { "unknown named option", """
            using NnGen;
            [Network(Loss.MeanSquaredError, Optimizer = 1)] [Input(2)] [Dense(1, Dropout = 0.5f)]
            public partial class Net;
            """ },
        { "duplicate network and input attributes", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Network(Loss.MeanAbsoluteError)] [Input(2)] [Input(3)] [Dense(1)]
            public partial class Net;
            """ },
        { "network on two partial declarations", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial class Net;
            [Network(Loss.MeanSquaredError)]
            public partial class Net;
            """ },
        { "network on a struct", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial struct Net;
            """ },
        { "network on a record struct", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial record struct Net;
            """ },
        { "network on an interface", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial interface INet;
            """ },
        { "network on an enum and a delegate", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] public enum Kind { A }
            [Network(Loss.MeanSquaredError)] public delegate void Step();
            """ },
        { "network on a method and its parameter", """
            using NnGen;
            public static class Host
            {
                [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
                public static void Train([Network(Loss.MeanSquaredError)] int epochs) { }
            }
            """ },
        { "network on the assembly", """
            using NnGen;
            [assembly: Network(Loss.MeanSquaredError)]
            [assembly: Input(2)]
            """ },
        { "layers on a class without network", """
            using NnGen;
            [Input(2)] [Dense(1)]
            public partial class Net;
            """ },
        { "network in a generic method's local scope", """
            using NnGen;
            public static class Host
            {
                public static void Run<T>()
                {
                    [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
                    partial class Local { }
                }
            }
            """ },
        { "class with the name of a keyword", """
            using NnGen;
            namespace Demo;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial class @class;
            """ },
        { "namespace with the name of a keyword", """
            using NnGen;
            namespace Demo.@event;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial class Net;
            """ },
        { "contextual keywords as names", """
            using NnGen;
            namespace Demo.var;
            internal partial class record
            {
                [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
                public partial class partial;
            }
            """ },
        { "identifiers beyond ASCII letters", """
            using NnGen;
            namespace Netze;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial class Größé‿Netz­;
            """ },
        { "file-local class", """
            using NnGen;
            namespace Demo;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            file partial class Net;
            """ },
        { "two networks with the same name in two namespaces", """
            using NnGen;
            namespace A { [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)] public partial class Net; }
            namespace B { [Network(Loss.MeanSquaredError)] [Input(3)] [Dense(1)] public partial class Net; }
            """ },
        { "a class and a record of the same name", """
            using NnGen;
            namespace Demo;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial class Net;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial record Net;
            """ },
        { "two networks whose names differ only in case", """
            using NnGen;
            namespace Demo;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial class Net;
            [Network(Loss.MeanSquaredError)] [Input(3)] [Dense(1)]
            public partial class NET;
            """ },
        { "empty file", "" },
        // Found by the generator fuzz test: a stray '[' where the name belongs leaves a record without a name, which
        // the generator emitted as 'partial record  : INetwork' (hint name "Outer..g.cs").
        { "record without a name", """
            using NnGen;
            public partial record struct Outer
            {
                [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
                public partial record[ Net
                {
                }
            }
            """ },
        { "class without a name", """
            using NnGen;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            public partial class
            {
            }
            """ },
        // Found by the fuzz test too: a private class outside any type (CS1527), whose generated Load methods were public.
        { "private class in a namespace", """
            using NnGen;
            namespace Demo;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
            private partial record Net;
            """ },
        { "containing class without a name", """
            using NnGen;
            public partial class
            {
                [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)]
                public partial class Net;
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_does_not_throw(string name, string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        GeneratorAssert.DidNotCrash(run);
        Diagnostic[] inGenerated = run.CompilationDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !run.InputCompilation.SyntaxTrees.Contains(tree))
            .ToArray();
        if (inGenerated.Length > 0)
            throw new XunitException($"{name}: the generated code has errors:\n{GeneratorAssert.Describe(inGenerated)}");
    }
}

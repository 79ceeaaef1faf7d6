using Microsoft.CodeAnalysis;

namespace NnGen.Generator.Diagnostics
{
    /// <summary>Every diagnostic NnGen reports. The README's table lists them; each message says what to write instead.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "NnGen";
        private const string HelpLink = "https://github.com/nngen/nngen#diagnostics";

        public static readonly DiagnosticDescriptor NotPartial = Error(
            "NNG0001", "Network class must be partial",
            "The network class '{0}' must be declared partial so that NnGen can add its members: write 'partial class {0}'");

        public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
            "NNG0002", "Type containing a network must be partial",
            "The type '{0}' contains the network '{1}' and must be declared partial too: write 'partial' on '{0}'");

        public static readonly DiagnosticDescriptor Generic = Error(
            "NNG0003", "Network class cannot be generic or nested in a generic type",
            "The network '{0}' is generic or nested in the generic type '{1}': declare it in a non-generic type");

        public static readonly DiagnosticDescriptor Static = Error(
            "NNG0004", "Network class cannot be static",
            "The network class '{0}' is static, but a network is an object with parameters: remove 'static'");

        public static readonly DiagnosticDescriptor MissingInput = Error(
            "NNG0005", "Network has no [Input]",
            "The network '{0}' declares no input size: add [Input(n)] with the number of input features");

        public static readonly DiagnosticDescriptor MissingDense = Error(
            "NNG0006", "Network has no [Dense] layer",
            "The network '{0}' declares no layer: add at least one [Dense(units, activation)] after [Input]");

        public static readonly DiagnosticDescriptor NonPositiveSize = Error(
            "NNG0007", "Size must be positive",
            "{0} is {1}, but a size must be at least 1: write a positive number");

        public static readonly DiagnosticDescriptor SoftmaxNotLast = Error(
            "NNG0008", "Softmax only on the last layer",
            "Layer {0} uses Softmax, which NnGen allows only on the last layer: use another activation here, or make this the last layer");

        public static readonly DiagnosticDescriptor CategoricalNeedsSoftmax = Error(
            "NNG0009", "CategoricalCrossEntropy needs Softmax on the last layer",
            "Loss.CategoricalCrossEntropy is computed from the logits of a Softmax output, but the last layer uses {0}: write Activation.Softmax on the last [Dense]");

        public static readonly DiagnosticDescriptor BinaryNeedsSigmoid = Error(
            "NNG0010", "BinaryCrossEntropy needs Sigmoid on the last layer",
            "Loss.BinaryCrossEntropy is computed from the logits of a Sigmoid output, but the last layer uses {0}: write Activation.Sigmoid on the last [Dense]");

        public static readonly DiagnosticDescriptor LayersSplit = Error(
            "NNG0011", "Layers split across partial declarations",
            "[{0}] of the network '{1}' is on another partial declaration than [Network]: put [Network], [Input] and every layer on one declaration");

        public static readonly DiagnosticDescriptor OptionDoesNotApply = Error(
            "NNG0012", "Option does not apply",
            "{0}: remove it, or change {1}");

        public static readonly DiagnosticDescriptor InvalidOptionValue = Error(
            "NNG0013", "Invalid option value",
            "{0} is {1}: {2}");

        public static readonly DiagnosticDescriptor UnknownEnumValue = Error(
            "NNG0014", "Unknown enum value",
            "{0} is not a known {1}: use one of the named values of NnGen.{1}");

        public static readonly DiagnosticDescriptor TooLarge = Error(
            "NNG0015", "Network too large",
            "The network '{0}' has {1} parameters, more than NnGen's cap of {2}: declare fewer or smaller layers");

        public static readonly DiagnosticDescriptor LastLayerNotDense = Error(
            "NNG0016", "Network must end with a Dense layer",
            "The last layer is [{0}], but the outputs and the loss come from a dense layer: end the declaration with [Dense(outputs, activation)]");

        public static readonly DiagnosticDescriptor FileLocal = Error(
            "NNG0017", "Network class cannot be file-local",
            "The network '{0}' is file-local, so generated code in another file could not extend it: remove the 'file' modifier");

        public static readonly DiagnosticDescriptor PrimaryConstructor = Error(
            "NNG0018", "Network class cannot have a primary constructor",
            "The network '{0}' has a primary constructor, but NnGen generates its constructor {0}(int seed = 0): remove the parameter list");

        public static readonly DiagnosticDescriptor BaseWithoutParameterlessConstructor = Error(
            "NNG0019", "Base class needs a parameterless constructor",
            "The base class '{1}' of the network '{0}' has no accessible parameterless constructor, which the generated constructor calls: add one, or derive from another class");

        public static readonly DiagnosticDescriptor ReservedMember = Error(
            "NNG0020", "Member name reserved by NnGen",
            "'{0}' is generated by NnGen for every network: rename the member '{0}' of '{1}'");

        public static readonly DiagnosticDescriptor Abstract = Error(
            "NNG0021", "Network class cannot be abstract",
            "The network '{0}' is abstract, but the generated Load methods create instances of it: remove 'abstract' (an abstract base class is fine)");

        public static readonly DiagnosticDescriptor ConstructorNotChained = Error(
            "NNG0022", "Constructor must call the generated constructor",
            "This constructor of '{0}' does not call this(seed), so it would leave Parameters, Gradients and State unset: add ': this(0)' (or another seed) to it");

        public static readonly DiagnosticDescriptor NoGpuKernels = new(
            "NNG0023", "Network gets no GPU kernels",
            "The network '{0}' gets no GPU class: {1} has no GPU kernels yet. It still trains on the CPU; for GPU training declare only [Dense] layers without L1/L2 penalties.",
            Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor WeightsFileMissing = Error(
            "NNG0024", "Weights file is not among the AdditionalFiles",
            "The weights file '{0}' is not among the project's AdditionalFiles: add <AdditionalFiles Include=\"{0}\" /> to the project file, or correct the path");

        public static readonly DiagnosticDescriptor WeightsFileOfAnotherNetwork = Error(
            "NNG0025", "Weights file holds another network",
            "The weights file '{0}' holds another network than '{1}': {2}. Name a file saved from a network declared as '{1}' is.");

        public static readonly DiagnosticDescriptor WeightsFileDamaged = Error(
            "NNG0026", "Weights file is damaged or unreadable",
            "The weights file '{0}' cannot be embedded: {1}. Save it again (N.Save) or name another file.");

        private static DiagnosticDescriptor Error(string id, string title, string message)
            => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);
    }
}

// Networks with [Maxout] for MaxoutGradientTests: LayeredCatalog finds every [Network] of this namespace. The "Mx...Unrolled"
// networks fit the unroll budget (every layer at most 64 weights, a maxout layer's weights being fanIn * units * pieces);
// the "Mx...Loops" ones do not, or have a layer that is not dense or maxout, and get the loop code shape.
namespace NnGen.Tests.GradientChecks.LayeredNetworks;

// Unrolled: on the inputs, after a dense layer, twice in a row, 2 to 4 pieces, under every loss.
[Network(Loss.MeanSquaredError)] [Input(2)] [Maxout(2, 2)] [Dense(1)] public partial class MxInputsMseUnrolled;
[Network(Loss.CategoricalCrossEntropy)] [Input(3)] [Maxout(3, 3)] [Dense(3, Activation.Softmax)] public partial class MxCceUnrolled;
[Network(Loss.BinaryCrossEntropy)] [Input(2)] [Maxout(2, 3)] [Maxout(2, 2)] [Dense(2, Activation.Sigmoid)] public partial class MxTwiceBceUnrolled;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(4, Activation.Tanh)] [Maxout(2, 4)] [Dense(2)] public partial class MxAfterDenseMaeUnrolled;

// Loops: a maxout layer of more than 64 weights, after a ReLU layer, twice in a row, before a LayerNorm.
[Network(Loss.MeanSquaredError)] [Input(5)] [Maxout(7, 2)] [Dense(3)] public partial class MxWideMseLoops;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(9, Activation.ReLU)] [Maxout(5, 3)] [Dense(4, Activation.Softmax)] public partial class MxAfterReLUCceLoops;
[Network(Loss.BinaryCrossEntropy)] [Input(6)] [Maxout(8, 4)] [Maxout(3, 2)] [Dense(2, Activation.Sigmoid)] public partial class MxTwiceBceLoops;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Maxout(4, 2)] [LayerNorm(Activation.Tanh)] [Dense(2)] public partial class MxLayerNormMaeLoops;

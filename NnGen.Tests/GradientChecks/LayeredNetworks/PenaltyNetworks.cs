// Networks with L1/L2 penalties (PenaltyTests), each with a twin of the same shape and no penalty ("...Free"): for the
// same parameters and batch the two differ by exactly the penalty and its gradient. Both code shapes (unrolled: every
// layer at most 64 weights and dense only; loops otherwise) and the per-layer overrides are covered.
namespace NnGen.Tests.GradientChecks.LayeredNetworks;

// network-wide L1 and L2, unrolled
[Network(Loss.MeanSquaredError, L1 = 0.01f, L2 = 0.02f)] [Input(3)] [Dense(4, Activation.Tanh)] [Dense(2)] public partial class PenaltyUnrolled;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.Tanh)] [Dense(2)] public partial class PenaltyUnrolledFree;

// overrides in loop code: layer 1 keeps the network's L1 and sets its own L2; layer 2 turns L1 off and keeps the
// network's L2; layer 3 takes both from the network
[Network(Loss.BinaryCrossEntropy, L1 = 0.003f, L2 = 0.001f)] [Input(6)] [Dense(33, Activation.ELU, L2 = 0.05f)] [Dense(5, Activation.Tanh, L1 = 0f)] [Dense(2, Activation.Sigmoid)] public partial class PenaltyLoopOverrides;
[Network(Loss.BinaryCrossEntropy)] [Input(6)] [Dense(33, Activation.ELU)] [Dense(5, Activation.Tanh)] [Dense(2, Activation.Sigmoid)] public partial class PenaltyLoopOverridesFree;

// penalties on single layers only, none network-wide, one layer without (unrolled)
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.ReLU, L1 = 0.02f)] [Dense(3, Activation.Tanh)] [Dense(2, L2 = 0.1f)] public partial class PenaltyPerLayer;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.ReLU)] [Dense(3, Activation.Tanh)] [Dense(2)] public partial class PenaltyPerLayerFree;

// with BatchNorm: gamma and beta are not penalized
[Network(Loss.CategoricalCrossEntropy, L2 = 0.01f)] [Input(4)] [Dense(7)] [BatchNorm(Activation.ReLU)] [Dense(3, Activation.Softmax, L1 = 0.005f)] public partial class PenaltyBatchNorm;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(7)] [BatchNorm(Activation.ReLU)] [Dense(3, Activation.Softmax)] public partial class PenaltyBatchNormFree;

// The networks of the PyTorch fixtures (Reference/torch_reference.py writes Reference/Fixtures/torch_fixtures.json):
// each class has the fixture's name and shape; TorchFixtureTests checks both against the JSON. They also join the
// catalog, so the finite-difference checks cover them at every batch size.
namespace NnGen.Tests.GradientChecks.Networks;

[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1)] public partial class Torch231SigmoidMse;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(2, Activation.Softmax)] public partial class Torch42SoftmaxCce;
[Network(Loss.BinaryCrossEntropy)] [Input(2)] [Dense(4, Activation.Tanh)] [Dense(1, Activation.Sigmoid)] public partial class Torch241TanhSigmoidBce;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7)] [Dense(3)] public partial class Torch573IdentityMse;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7, Activation.Sigmoid)] [Dense(3, Activation.Sigmoid)] public partial class Torch573SigmoidMse;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Tanh)] public partial class Torch573TanhMse;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7, Activation.ReLU)] [Dense(3, Activation.ReLU)] public partial class Torch573ReLUMse;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7, Activation.LeakyReLU)] [Dense(3, Activation.LeakyReLU)] public partial class Torch573LeakyReLUMse;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7, Activation.LeakyReLU, Alpha = 0.2f)] [Dense(3, Activation.LeakyReLU, Alpha = 0.2f)] public partial class Torch573LeakyReLU02Mse;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7, Activation.ELU)] [Dense(3, Activation.ELU)] public partial class Torch573ELUMse;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7, Activation.ELU, Alpha = 0.5f)] [Dense(3, Activation.ELU, Alpha = 0.5f)] public partial class Torch573ELU05Mse;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7, Activation.SELU)] [Dense(3, Activation.SELU)] public partial class Torch573SELUMse;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class Torch573TanhSoftmaxMse;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7)] [Dense(3)] public partial class Torch573IdentityMae;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7, Activation.Sigmoid)] [Dense(3, Activation.Sigmoid)] public partial class Torch573SigmoidMae;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Tanh)] public partial class Torch573TanhMae;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7, Activation.ReLU)] [Dense(3, Activation.ReLU)] public partial class Torch573ReLUMae;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7, Activation.LeakyReLU)] [Dense(3, Activation.LeakyReLU)] public partial class Torch573LeakyReLUMae;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7, Activation.LeakyReLU, Alpha = 0.2f)] [Dense(3, Activation.LeakyReLU, Alpha = 0.2f)] public partial class Torch573LeakyReLU02Mae;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7, Activation.ELU)] [Dense(3, Activation.ELU)] public partial class Torch573ELUMae;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7, Activation.ELU, Alpha = 0.5f)] [Dense(3, Activation.ELU, Alpha = 0.5f)] public partial class Torch573ELU05Mae;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7, Activation.SELU)] [Dense(3, Activation.SELU)] public partial class Torch573SELUMae;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class Torch573TanhSoftmaxMae;
[Network(Loss.CategoricalCrossEntropy)] [Input(6)] [Dense(33, Activation.ReLU)] [Dense(4, Activation.Softmax)] public partial class Torch6334ReLUSoftmaxCce;
[Network(Loss.BinaryCrossEntropy)] [Input(6)] [Dense(33, Activation.SELU)] [Dense(5, Activation.Sigmoid)] public partial class Torch6335SELUSigmoidBce;
[Network(Loss.MeanSquaredError)] [Input(6)] [Dense(33, Activation.LeakyReLU, Alpha = 0.2f)] [Dense(4)] public partial class Torch6334LeakyReLU02Mse;
[Network(Loss.MeanAbsoluteError)] [Input(6)] [Dense(33, Activation.ELU, Alpha = 0.5f)] [Dense(4, Activation.Tanh)] public partial class Torch6334ELU05TanhMae;
[Network(Loss.CategoricalCrossEntropy)] [Input(6)] [Dense(33, Activation.Tanh)] [Dense(33, Activation.ELU)] [Dense(4, Activation.Softmax)] public partial class Torch633334TanhELUSoftmaxCce;

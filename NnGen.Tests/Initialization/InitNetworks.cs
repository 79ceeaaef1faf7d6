using NnGen;

// The networks of the initializer tests, compiled by the generator like any consumer's: what is checked is the
// WeightInitializer call each generated constructor makes, with the fan-in, fan-out and scale it passes.
//
// Layer-level Init: 784 -> 128 -> 16 -> 300 -> 64 -> 64, so the layers are 784x128 and 128x16 (fan-in >> fan-out),
// 16x300 (fan-in << fan-out), 300x64 and 64x64 (square). Network-level Init: 16 -> 300 -> 64 -> 64.
namespace NnGen.Tests.Initialization.Networks;

/// <summary>Every layer declares Init.Zeros.</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.Zeros)]
[Dense(16, Init = Init.Zeros)]
[Dense(300, Init = Init.Zeros)]
[Dense(64, Init = Init.Zeros)]
[Dense(64, Init = Init.Zeros)]
public partial class LayerZerosNet;

/// <summary>Every layer declares Init.Ones.</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.Ones)]
[Dense(16, Init = Init.Ones)]
[Dense(300, Init = Init.Ones)]
[Dense(64, Init = Init.Ones)]
[Dense(64, Init = Init.Ones)]
public partial class LayerOnesNet;

/// <summary>Every layer declares Init.LeCunUniform.</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.LeCunUniform)]
[Dense(16, Init = Init.LeCunUniform)]
[Dense(300, Init = Init.LeCunUniform)]
[Dense(64, Init = Init.LeCunUniform)]
[Dense(64, Init = Init.LeCunUniform)]
public partial class LayerLeCunUniformNet;

/// <summary>Every layer declares Init.LeCunNormal.</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.LeCunNormal)]
[Dense(16, Init = Init.LeCunNormal)]
[Dense(300, Init = Init.LeCunNormal)]
[Dense(64, Init = Init.LeCunNormal)]
[Dense(64, Init = Init.LeCunNormal)]
public partial class LayerLeCunNormalNet;

/// <summary>Every layer declares Init.GlorotUniform.</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.GlorotUniform)]
[Dense(16, Init = Init.GlorotUniform)]
[Dense(300, Init = Init.GlorotUniform)]
[Dense(64, Init = Init.GlorotUniform)]
[Dense(64, Init = Init.GlorotUniform)]
public partial class LayerGlorotUniformNet;

/// <summary>Every layer declares Init.GlorotNormal.</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.GlorotNormal)]
[Dense(16, Init = Init.GlorotNormal)]
[Dense(300, Init = Init.GlorotNormal)]
[Dense(64, Init = Init.GlorotNormal)]
[Dense(64, Init = Init.GlorotNormal)]
public partial class LayerGlorotNormalNet;

/// <summary>Every layer declares Init.HeUniform.</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.HeUniform)]
[Dense(16, Init = Init.HeUniform)]
[Dense(300, Init = Init.HeUniform)]
[Dense(64, Init = Init.HeUniform)]
[Dense(64, Init = Init.HeUniform)]
public partial class LayerHeUniformNet;

/// <summary>Every layer declares Init.HeNormal.</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.HeNormal)]
[Dense(16, Init = Init.HeNormal)]
[Dense(300, Init = Init.HeNormal)]
[Dense(64, Init = Init.HeNormal)]
[Dense(64, Init = Init.HeNormal)]
public partial class LayerHeNormalNet;

/// <summary>Every layer declares Init.Constant, each with its own InitScale.</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.Constant, InitScale = 0.75f)]
[Dense(16, Init = Init.Constant, InitScale = -2.5f)]
[Dense(300, Init = Init.Constant, InitScale = 0f)]
[Dense(64, Init = Init.Constant, InitScale = 1e-3f)]
[Dense(64, Init = Init.Constant, InitScale = 3f)]
public partial class LayerConstantNet;

/// <summary>Every layer declares Init.Uniform, each with its own InitScale, the third with the default (0.05).</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.Uniform, InitScale = 0.3f)]
[Dense(16, Init = Init.Uniform, InitScale = 1f)]
[Dense(300, Init = Init.Uniform)]
[Dense(64, Init = Init.Uniform, InitScale = 0.01f)]
[Dense(64, Init = Init.Uniform, InitScale = 2f)]
public partial class LayerUniformNet;

/// <summary>Every layer declares Init.Normal, each with its own InitScale, the third with the default (0.05).</summary>
[Network(Loss.MeanSquaredError)]
[Input(784)]
[Dense(128, Init = Init.Normal, InitScale = 0.3f)]
[Dense(16, Init = Init.Normal, InitScale = 1f)]
[Dense(300, Init = Init.Normal)]
[Dense(64, Init = Init.Normal, InitScale = 0.01f)]
[Dense(64, Init = Init.Normal, InitScale = 2f)]
public partial class LayerNormalNet;

/// <summary>Init.Zeros as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.Zeros)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultZerosNet;

/// <summary>Init.Ones as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.Ones)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultOnesNet;

/// <summary>Init.Uniform as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.Uniform)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultUniformNet;

/// <summary>Init.Normal as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.Normal)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultNormalNet;

/// <summary>Init.LeCunUniform as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.LeCunUniform)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultLeCunUniformNet;

/// <summary>Init.LeCunNormal as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.LeCunNormal)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultLeCunNormalNet;

/// <summary>Init.GlorotUniform as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.GlorotUniform)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultGlorotUniformNet;

/// <summary>Init.GlorotNormal as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.GlorotNormal)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultGlorotNormalNet;

/// <summary>Init.HeUniform as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.HeUniform)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultHeUniformNet;

/// <summary>Init.HeNormal as the network's default, no layer declaring its own.</summary>
[Network(Loss.MeanSquaredError, Init = Init.HeNormal)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultHeNormalNet;

/// <summary>No Init anywhere: the network's default, GlorotUniform.</summary>
[Network(Loss.MeanSquaredError)]
[Input(16)]
[Dense(300)]
[Dense(64)]
[Dense(64)]
public partial class DefaultUnstatedNet;

/// <summary>The network's default HeNormal, overridden by the middle layer only.</summary>
[Network(Loss.MeanSquaredError, Init = Init.HeNormal)]
[Input(16)]
[Dense(300)]
[Dense(64, Init = Init.Uniform, InitScale = 0.2f)]
[Dense(64)]
public partial class DefaultOverriddenNet;

/// <summary>Init.Constant without an InitScale: the constant 0 (as Keras' Constant(value=0)).</summary>
[Network(Loss.MeanSquaredError)]
[Input(5)]
[Dense(7, Init = Init.Constant)]
[Dense(2, Init = Init.Constant, InitScale = -0.25f)]
public partial class ConstantDefaultNet;

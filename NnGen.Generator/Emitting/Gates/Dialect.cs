namespace NnGen.Generator.Emitting.Gates
{
    /// <summary>
    /// What a gate's text depends on besides the gate: the math functions of the target and the type its loss
    /// accumulates in. The gates themselves (<see cref="ActivationGates"/>, <see cref="SoftmaxGate"/>,
    /// <see cref="LossGates"/>, <see cref="DenseGate"/>) are written once, for every dialect.
    /// </summary>
    internal sealed class Dialect
    {
        private Dialect(string name, string exp, string tanh, string lossType, string lossZero, string lossExp, string lossLog, bool lossInDouble)
        {
            Name = name;
            _exp = exp;
            _tanh = tanh;
            LossType = lossType;
            LossZero = lossZero;
            _lossExp = lossExp;
            _lossLog = lossLog;
            LossInDouble = lossInDouble;
        }

        private readonly string _exp, _tanh, _lossExp, _lossLog;

        /// <summary>Scalar C# on the CPU: System.MathF, and losses summed in double (as the reference sums them).</summary>
        public static readonly Dialect CpuScalar = new(
            "CPU scalar", "global::System.MathF.Exp", "global::NnGen.Kernels.ActivationMath.Tanh",
            "double", "0", "global::System.Math.Exp", "global::System.Math.Log", lossInDouble: true);

        /// <summary>
        /// ILGPU kernels: System.MathF's Exp, Log and Tanh have no PTX form without ILGPU.Algorithms, so the kernels call
        /// their own functions built from exp2 and log2; a thread's loss sums in float.
        /// </summary>
        public static readonly Dialect Gpu = new(
            "GPU", "NnExp", "NnTanh", "float", "0f", "NnExp", "NnLog", lossInDouble: false);

        public string Name { get; }

        /// <summary>e^x in float.</summary>
        public string Exp(string x) => $"{_exp}({x})";

        public string Tanh(string x) => $"{_tanh}({x})";

        public static string Max(string a, string b) => $"global::System.MathF.Max({a}, {b})";

        public static string Abs(string x) => $"global::System.MathF.Abs({x})";

        /// <summary>The type a loss sum accumulates in, and its zero.</summary>
        public string LossType { get; }

        public string LossZero { get; }

        /// <summary>Whether loss terms are computed in double (CPU) or float (GPU).</summary>
        public bool LossInDouble { get; }

        /// <summary>e^x in the loss's type.</summary>
        public string LossExp(string x) => $"{_lossExp}({x})";

        /// <summary>ln x in the loss's type.</summary>
        public string LossLog(string x) => $"{_lossLog}({x})";

        public override string ToString() => Name;
    }
}

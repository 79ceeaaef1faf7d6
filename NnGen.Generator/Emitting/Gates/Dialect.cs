namespace NnGen.Generator.Emitting.Gates
{
    /// <summary>
    /// What a gate's text depends on besides the gate: the math functions of the target and the type its loss
    /// accumulates in. The gates themselves (<see cref="ActivationGates"/>, <see cref="SoftmaxGate"/>,
    /// <see cref="LossGates"/>, <see cref="DenseGate"/>) are written once, for every dialect.
    /// </summary>
    internal sealed class Dialect
    {
        private Dialect(string name, string? exp, string? tanh, string lossType, string lossZero, string lossExp, string lossLog, bool lossInDouble, string? vector = null, string? activations = null)
        {
            Name = name;
            Activations = activations;
            _vector = vector;
            _exp = exp;
            _tanh = tanh;
            LossType = lossType;
            LossZero = lossZero;
            _lossExp = lossExp;
            _lossLog = lossLog;
            LossInDouble = lossInDouble;
        }

        private readonly string? _exp, _tanh, _vector;
        private readonly string _lossExp, _lossLog;

        /// <summary>
        /// Scalar C# on the CPU: the runtime's e^x and activations (vectorized code gives their bits), and losses summed
        /// in double (as the reference sums them).
        /// </summary>
        public static readonly Dialect CpuScalar = new(
            "CPU scalar", RuntimeActivations + ".Exp", RuntimeActivations + ".Tanh",
            "double", "0", "global::NnGen.Internal.LossMath.Exp", "global::NnGen.Internal.LossMath.Log", lossInDouble: true, activations: RuntimeActivations);

        /// <summary>The runtime's activation functions, the one definition of the CPU's forward gates (the dense kernel's fused activation calls them too).</summary>
        private const string RuntimeActivations = "global::NnGen.Internal.ActivationMath";

        /// <summary>
        /// ILGPU kernels: System.MathF's Exp, Log and Tanh have no PTX form without ILGPU.Algorithms, so the kernels call
        /// NnGen.Gpu's DeviceMath, built from exp2 and log2 (ILGPU compiles the called methods into each kernel); a
        /// thread's loss sums in float.
        /// </summary>
        public static readonly Dialect Gpu = new(
            "GPU", DeviceMath + ".Exp", DeviceMath + ".Tanh", "float", "0f", DeviceMath + ".Exp", DeviceMath + ".Log", lossInDouble: false);

        /// <summary>The device math of the NnGen.Gpu assembly.</summary>
        public const string DeviceMath = "global::NnGen.Gpu.DeviceMath";

        /// <summary>
        /// Whole vectors of floats on the CPU (System.Numerics.Vector&lt;float&gt;: the machine's width, 128-bit on ARM64),
        /// for element-wise passes over a batch and for unrolled gates over a vector of samples. Its functions are the
        /// runtime's Vector&lt;float&gt; overloads of the scalar dialect's, lane for lane the same bits, and its operators
        /// are the scalar ones lane by lane (C# contracts no a * b + c into a fused multiply-add, in either), so a gate
        /// gives each sample the bits the scalar gate gives it.
        /// </summary>
        public static readonly Dialect CpuVector = new(
            "CPU vector", RuntimeActivations + ".Exp", RuntimeActivations + ".Tanh", "double", "0", "global::NnGen.Internal.LossMath.Exp", "global::NnGen.Internal.LossMath.Log", lossInDouble: true,
            vector: VectorOfFloat, activations: RuntimeActivations);

        private const string VectorOfFloat = "global::System.Numerics.Vector<float>";

        private const string VectorMath = "global::System.Numerics.Vector";

        public string Name { get; }

        /// <summary>
        /// The class whose functions (Sigmoid(z), LeakyReLU(z, alpha), ...) are this dialect's forward activation gates, or
        /// null where the gate library writes them as expressions.
        /// </summary>
        public string? Activations { get; }

        /// <summary>The vector type of a vector dialect; null for scalar ones.</summary>
        public string? VectorType => _vector;

        /// <summary>The type of a gate's value: float, or the vector type.</summary>
        public string ValueType => _vector ?? "float";

        /// <summary>A float (a parameter, a constant's name) as a value of the dialect's type.</summary>
        public string Broadcast(string value) => _vector is null ? value : $"new {_vector}({value})";

        /// <summary>Whether the dialect has e^x and tanh, which the sigmoid, tanh, ELU and SELU forward gates need.</summary>
        public bool HasExp => _exp is not null;

        /// <summary>e^x in float.</summary>
        public string Exp(string x) => $"{_exp ?? throw new System.InvalidOperationException($"The {Name} dialect has no exponential.")}({x})";

        public string Tanh(string x) => $"{_tanh ?? throw new System.InvalidOperationException($"The {Name} dialect has no tanh.")}({x})";

        /// <summary>The constant 0 and 1 as values of the dialect's type.</summary>
        public string Zero => _vector is null ? "0f" : $"{_vector}.Zero";

        public string One => _vector is null ? "1f" : $"{_vector}.One";

        /// <summary>A constant as a value of the dialect's type (a literal, or a vector of it).</summary>
        public string Constant(float value) => _vector is null ? Model.Numbers.Literal(value) : $"new {_vector}({Model.Numbers.Literal(value)})";

        /// <summary>A value times a constant (a vector times a float is an operator of its own).</summary>
        public static string Scale(string value, float factor) => $"{value} * {Model.Numbers.Literal(factor)}";

        /// <summary><paramref name="whenPositive"/> where <paramref name="z"/> &gt; 0, else <paramref name="otherwise"/>.</summary>
        public string IfPositive(string z, string whenPositive, string otherwise) => _vector is null
            ? $"{z} > 0f ? {whenPositive} : {otherwise}"
            : $"{VectorMath}.ConditionalSelect({VectorMath}.GreaterThan({z}, {Zero}), {whenPositive}, {otherwise})";

        public static string Max(string a, string b) => $"global::System.MathF.Max({a}, {b})";

        /// <summary>
        /// The larger of two values as <see cref="Max"/> takes it (NaN if either is, +0 above -0), lane by lane in a
        /// vector dialect: System.Numerics.Vector.Max has those semantics since .NET 9 (tested against MathF.Max).
        /// </summary>
        public string Maximum(string a, string b) => _vector is null ? Max(a, b) : $"{VectorMath}.Max({a}, {b})";

        /// <summary>The comparison a op b (op one of &gt;, &gt;=, &lt;): a bool, or a vector dialect's lane mask.</summary>
        public string Compare(string a, string op, string b) => _vector is null ? $"{a} {op} {b}" : op switch
        {
            ">" => $"{VectorMath}.GreaterThan({a}, {b})",
            ">=" => $"{VectorMath}.GreaterThanOrEqual({a}, {b})",
            "<" => $"{VectorMath}.LessThan({a}, {b})",
            _ => throw new System.ArgumentException($"No comparison {op}.", nameof(op)),
        };

        /// <summary><paramref name="whenAll"/> where every one of the comparisons holds (lane by lane), else <paramref name="otherwise"/>.</summary>
        public string Select(System.Collections.Generic.IReadOnlyList<string> comparisons, string whenAll, string otherwise) => _vector is null
            ? $"{string.Join(" && ", comparisons)} ? {whenAll} : {otherwise}"
            : $"{VectorMath}.ConditionalSelect({string.Join(" & ", comparisons)}, {whenAll}, {otherwise})";

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

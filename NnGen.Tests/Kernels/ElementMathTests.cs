using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.Intrinsics;
using NnGen.Internal;
using Xunit;
using Xunit.Abstractions;

namespace NnGen.Tests.Kernels;

/// <summary>
/// The vectorized e^x, e^x - 1, sigmoid, tanh, ELU and SELU of <see cref="ElementMath"/>: (a) their largest error in
/// ulps against the double-precision definition rounded to float, over every 1021st float of [-110, 110] (both
/// signs, so every binade down to the denormals and 0), a few thousand consecutive floats around each threshold, and
/// the special values; (b) the same bits from <see cref="ScalarLane"/> and from every vector width (in registers
/// where this machine has them, else the software fallback); (c) the same bits on every machine (a pinned hash of the
/// sweep's results: no fused multiply-add, whose absence would change them). CI runs this class again with AVX-512 off
/// and with every hardware intrinsic off.
/// </summary>
public sealed class ElementMathTests(ITestOutputHelper output)
{
    /// <summary>The bounds stated in <see cref="ElementMath"/>'s remarks, in ulps of the float result (denormal results in the denormal spacing).</summary>
    private const int ExpUlps = 1, ExpMinusOneUlps = 1, SigmoidUlps = 2, TanhUlps = 1, EluUlps = 2;

    private const float EluAlpha = 0.7f;

    public enum Function { Exp, ExpMinusOne, Sigmoid, Tanh, Elu, Selu, ReLU, LeakyReLU }

    private static TVec Eval<TSimd, TVec>(Function f, TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct => f switch
    {
        Function.Exp => ElementMath.Exp<TSimd, TVec>(x),
        Function.ExpMinusOne => ElementMath.ExpMinusOne<TSimd, TVec>(x),
        Function.Sigmoid => ElementMath.Sigmoid<TSimd, TVec>(x),
        Function.Tanh => ElementMath.Tanh<TSimd, TVec>(x),
        Function.Elu => ElementMath.Elu<TSimd, TVec>(x, EluAlpha),
        Function.Selu => ElementMath.Selu<TSimd, TVec>(x),
        Function.ReLU => ElementMath.ReLU<TSimd, TVec>(x),
        _ => ElementMath.LeakyReLU<TSimd, TVec>(x, 0.01f),
    };

    /// <summary>The definition in double; e^x - 1 by its series near 0, where Math.Exp(x) - 1 would cancel.</summary>
    private static double Reference(Function f, double x) => f switch
    {
        Function.Exp => Math.Exp(x),
        Function.ExpMinusOne => ExpMinusOne(x),
        Function.Sigmoid => 1 / (1 + Math.Exp(-x)),
        Function.Tanh => Math.Tanh(x),
        Function.Elu => x > 0 ? x : EluAlpha * ExpMinusOne(x),
        Function.Selu => x > 0 ? ActivationMath.SeluScale * x : ActivationMath.SeluScaleAlpha * ExpMinusOne(x),
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    private static double ExpMinusOne(double x)
        => Math.Abs(x) < 1e-3 ? x + x * x / 2 + x * x * x / 6 + x * x * x * x / 24 + x * x * x * x * x / 120 : Math.Exp(x) - 1;

    private static readonly float[] Specials =
    [
        0f, -0f, float.Epsilon, -float.Epsilon, 1e-40f, -1e-40f, float.MinValue, float.MaxValue, 1e-30f, -1e-30f,
        float.PositiveInfinity, float.NegativeInfinity, float.NaN, 89f, -104f, 88f, 1f, -1f, 0.5f, -0.5f,
    ];

    /// <summary>The sweep, its length a multiple of 16 so that every width runs it in whole vectors.</summary>
    private static readonly float[] Inputs = MakeInputs();

    private static float[] MakeInputs()
    {
        var values = new List<float>();
        int top = BitConverter.SingleToInt32Bits(110f);
        for (int bits = 0; bits <= top; bits += 1021)
        {
            float v = BitConverter.Int32BitsToSingle(bits);
            values.Add(v);
            values.Add(-v);
        }
        // Thresholds: exp's overflow (88.72) and denormal (-87.34) and zero (-103.97) limits, tanh's series limit and
        // saturation, e^x - 1's clamp and where it rounds to -1, sigmoid's exact 1.
        foreach (float t in new[] { 88.72284f, -87.33655f, -103.97208f, -88.72284f, 0.5625f, -0.5625f, 9.010913f, -9.010913f, -20f, -17.32868f, 16.635532f, 1e-4f, -1e-4f, 0.34657359f, -0.34657359f })
        {
            int b = BitConverter.SingleToInt32Bits(t);
            for (int d = -2048; d <= 2048; d++) values.Add(BitConverter.Int32BitsToSingle(b + d));
        }
        values.AddRange(Specials);
        while (values.Count % 16 != 0) values.Add(0f);
        return values.ToArray();
    }

    /// <summary>Distance in floats between a and b (the two zeros are one point); NaN against NaN is 0.</summary>
    private static long Ulps(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b)) return float.IsNaN(a) && float.IsNaN(b) ? 0 : long.MaxValue;
        return Math.Abs(Ordered(a) - Ordered(b));
        static long Ordered(float f)
        {
            int i = BitConverter.SingleToInt32Bits(f);
            return i < 0 ? -(long)(i & int.MaxValue) : i;
        }
    }

    [Theory]
    [InlineData(Function.Exp, ExpUlps)]
    [InlineData(Function.ExpMinusOne, ExpMinusOneUlps)]
    [InlineData(Function.Sigmoid, SigmoidUlps)]
    [InlineData(Function.Tanh, TanhUlps)]
    [InlineData(Function.Elu, EluUlps)]
    [InlineData(Function.Selu, EluUlps)]
    public void The_error_is_within_the_stated_ulps_of_the_double_definition(Function f, int bound)
    {
        long worst = 0;
        float worstAt = 0f;
        double worstReal = 0;
        foreach (float x in Inputs)
        {
            // e^x - 1 is stated for x <= 88 (ELU and SELU use it where x <= 0).
            if (f == Function.ExpMinusOne && !(x <= 88f) && !float.IsNaN(x)) continue;
            float actual = Eval<ScalarLane, float>(f, x);
            double exact = Reference(f, x);
            long ulps = Ulps(actual, (float)exact);
            if (ulps > worst) (worst, worstAt) = (ulps, x);
            // The real error in ulps of the exact value, for the report (finite, nonzero results).
            if (float.IsFinite((float)exact) && exact != 0 && float.IsFinite(actual))
            {
                double real = Math.Abs(actual - exact) / UlpOf((float)exact);
                if (real > worstReal) worstReal = real;
            }
        }
        output.WriteLine($"{f}: at most {worst} ulps (at x = {worstAt:R}) from the rounded definition, {worstReal:F3} ulps from the exact value");
        Assert.True(worst <= bound, $"{f}: {worst} ulps at x = {worstAt:R} (bound {bound})");
    }

    /// <summary>The spacing of floats at |f| (float.Epsilon for denormals).</summary>
    private static double UlpOf(float f)
    {
        f = Math.Abs(f);
        if (f < 1.17549435e-38f) return float.Epsilon;
        return (double)MathF.BitIncrement(f) - f;
    }

    [Theory]
    [InlineData(Function.Exp)]
    [InlineData(Function.ExpMinusOne)]
    [InlineData(Function.Sigmoid)]
    [InlineData(Function.Tanh)]
    [InlineData(Function.Elu)]
    [InlineData(Function.Selu)]
    [InlineData(Function.ReLU)]
    [InlineData(Function.LeakyReLU)]
    public void Every_vector_width_gives_the_bits_of_the_scalar_lane(Function f)
    {
        float[] scalar = new float[Inputs.Length];
        for (int i = 0; i < Inputs.Length; i++) scalar[i] = Eval<ScalarLane, float>(f, Inputs[i]);
        var checkedWidths = new List<string>();
        // Every width, in registers or not: generated code runs its Vector<float> gates even where the JIT emulates
        // them (DOTNET_EnableHWIntrinsic=0), and a software fallback must give the same bits too.
        Compare(Label("Lanes128", Lanes128.IsAccelerated), Run128(f));
        Compare(Label("Lanes256", Lanes256.IsAccelerated), Run256(f));
        Compare(Label("Lanes512", Lanes512.IsAccelerated), Run512(f));
        Compare(Label($"LanesVector ({Vector<float>.Count} lanes)", LanesVector.IsAccelerated), RunVector(f));
        output.WriteLine($"{f}: the scalar lane's bits on {string.Join(", ", checkedWidths)}");

        static string Label(string width, bool accelerated) => accelerated ? width : width + " (software)";

        void Compare(string width, float[] vector)
        {
            for (int i = 0; i < Inputs.Length; i++)
                if (BitConverter.SingleToInt32Bits(vector[i]) != BitConverter.SingleToInt32Bits(scalar[i]) && !(float.IsNaN(vector[i]) && float.IsNaN(scalar[i])))
                    Assert.Fail($"{f} on {width} at x = {Inputs[i]:R}: {vector[i]:R} against the scalar lane's {scalar[i]:R}");
            checkedWidths.Add(width);
        }
    }

    /// <summary>
    /// The scalar lane's results over the sweep, hashed (FNV-1a over their bits, every NaN as float.NaN) and pinned:
    /// the same on every machine and with every DOTNET_Enable* setting, as unrolled networks promise.
    /// </summary>
    [Theory]
    [InlineData(Function.Exp, "12FEDD90255B58B8")]
    [InlineData(Function.ExpMinusOne, "101635925E5077C7")]
    [InlineData(Function.Sigmoid, "AAB0C5CBD64A9817")]
    [InlineData(Function.Tanh, "18CE5078BC688924")]
    [InlineData(Function.Elu, "0FCB313D603FDFCC")]
    [InlineData(Function.Selu, "6EA81C5BA24396C9")]
    public void The_bits_are_the_same_on_every_machine(Function f, string expected)
    {
        ulong hash = 14695981039346656037;
        foreach (float x in Inputs)
        {
            float y = Eval<ScalarLane, float>(f, x);
            uint bits = (uint)BitConverter.SingleToInt32Bits(float.IsNaN(y) ? float.NaN : y);
            for (int b = 0; b < 4; b++) hash = (hash ^ ((bits >> (8 * b)) & 0xFF)) * 1099511628211;
        }
        output.WriteLine($"{f}: {hash:X16}");
        Assert.Equal(expected, hash.ToString("X16"));
    }

    private static float[] Run128(Function f)
    {
        float[] y = new float[Inputs.Length];
        for (int i = 0; i < Inputs.Length; i += Vector128<float>.Count)
            Eval<Lanes128, Vector128<float>>(f, Vector128.Create(Inputs.AsSpan(i))).CopyTo(y.AsSpan(i));
        return y;
    }

    private static float[] Run256(Function f)
    {
        float[] y = new float[Inputs.Length];
        for (int i = 0; i < Inputs.Length; i += Vector256<float>.Count)
            Eval<Lanes256, Vector256<float>>(f, Vector256.Create(Inputs.AsSpan(i))).CopyTo(y.AsSpan(i));
        return y;
    }

    private static float[] Run512(Function f)
    {
        float[] y = new float[Inputs.Length];
        for (int i = 0; i < Inputs.Length; i += Vector512<float>.Count)
            Eval<Lanes512, Vector512<float>>(f, Vector512.Create(Inputs.AsSpan(i))).CopyTo(y.AsSpan(i));
        return y;
    }

    private static float[] RunVector(Function f)
    {
        float[] y = new float[Inputs.Length];
        for (int i = 0; i < Inputs.Length; i += Vector<float>.Count)
            Eval<LanesVector, Vector<float>>(f, new Vector<float>(Inputs.AsSpan(i))).CopyTo(y.AsSpan(i));
        return y;
    }

    [Theory]
    [InlineData(Activation.Identity, 0f)]
    [InlineData(Activation.Sigmoid, 0f)]
    [InlineData(Activation.Tanh, 0f)]
    [InlineData(Activation.ReLU, 0f)]
    [InlineData(Activation.LeakyReLU, 0.2f)]
    [InlineData(Activation.ELU, 0.7f)]
    [InlineData(Activation.SELU, 0f)]
    public void The_activation_pass_gives_the_bits_of_the_scalar_functions_and_their_vector_overloads(Activation activation, float alpha)
    {
        // An odd length, so the pass has whole vectors of the widest width and a scalar tail.
        float[] z = Inputs.AsSpan(0, Inputs.Length - 13).ToArray(), a = new float[z.Length];
        ActivationFunctions.Apply(activation, alpha, z, a);
        for (int i = 0; i < z.Length; i++)
        {
            float expected = Scalar(activation, alpha, z[i]);
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(expected) && !(float.IsNaN(a[i]) && float.IsNaN(expected)))
                Assert.Fail($"{activation} at z = {z[i]:R}: the pass gives {a[i]:R}, the scalar function {expected:R}");
        }
        for (int i = 0; i + Vector<float>.Count <= z.Length; i += Vector<float>.Count)
        {
            Vector<float> v = Overload(activation, alpha, new Vector<float>(z.AsSpan(i)));
            for (int k = 0; k < Vector<float>.Count; k++)
                if (BitConverter.SingleToInt32Bits(v[k]) != BitConverter.SingleToInt32Bits(a[i + k]) && !(float.IsNaN(v[k]) && float.IsNaN(a[i + k])))
                    Assert.Fail($"{activation} at z = {z[i + k]:R}: the Vector<float> overload gives {v[k]:R}, the scalar function {a[i + k]:R}");
        }
    }

    private static float Scalar(Activation activation, float alpha, float z) => activation switch
    {
        Activation.Sigmoid => ActivationMath.Sigmoid(z),
        Activation.Tanh => ActivationMath.Tanh(z),
        Activation.ReLU => ActivationMath.ReLU(z),
        Activation.LeakyReLU => ActivationMath.LeakyReLU(z, alpha),
        Activation.ELU => ActivationMath.ELU(z, alpha),
        Activation.SELU => ActivationMath.SELU(z),
        _ => z,
    };

    private static Vector<float> Overload(Activation activation, float alpha, Vector<float> z) => activation switch
    {
        Activation.Sigmoid => ActivationMath.Sigmoid(z),
        Activation.Tanh => ActivationMath.Tanh(z),
        Activation.ReLU => ActivationMath.ReLU(z),
        Activation.LeakyReLU => ActivationMath.LeakyReLU(z, alpha),
        Activation.ELU => ActivationMath.ELU(z, alpha),
        Activation.SELU => ActivationMath.SELU(z),
        _ => z,
    };

    /// <summary>
    /// The batch softmax of the generated loops gives the bits of the unrolled gate (row maximum, e^(z - max) by
    /// ActivationMath.Exp, the sum in element order, the divisions), at row widths below, at and above every vector
    /// width, and never overflows.
    /// </summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 3)]
    [InlineData(7, 10)]
    [InlineData(3, 16)]
    [InlineData(5, 17)]
    [InlineData(2, 33)]
    public void The_batch_softmax_gives_the_bits_of_the_unrolled_gate(int rows, int units)
    {
        var random = new Random(rows * 100 + units);
        float[] z = new float[rows * units], a = new float[rows * units];
        for (int i = 0; i < z.Length; i++) z[i] = (float)(random.NextDouble() * 40 - 20);
        z[0] = 1000f; // would overflow without the shift
        ActivationFunctions.Softmax(z, a, rows, units);
        for (int s = 0; s < rows; s++)
        {
            float max = z[s * units];
            for (int k = 1; k < units; k++) max = MathF.Max(max, z[s * units + k]);
            float[] e = new float[units];
            float total = 0f;
            for (int k = 0; k < units; k++) { e[k] = ActivationMath.Exp(z[s * units + k] - max); total += e[k]; }
            for (int k = 0; k < units; k++)
                Assert.Equal(BitConverter.SingleToInt32Bits(e[k] / total), BitConverter.SingleToInt32Bits(a[s * units + k]));
        }
    }

    [Fact]
    public void The_special_values_follow_PyTorch()
    {
        float Exp(float x) => ActivationMath.Exp(x);
        Assert.Equal(1f, Exp(0f));
        Assert.Equal(1f, Exp(-0f));
        Assert.Equal(1f, Exp(1e-40f));
        Assert.Equal(float.PositiveInfinity, Exp(float.PositiveInfinity));
        Assert.Equal(float.PositiveInfinity, Exp(88.7229f));
        Assert.True(float.IsFinite(Exp(88.7228f)));
        Assert.Equal(0f, Exp(float.NegativeInfinity));
        Assert.Equal(0f, Exp(-104f));
        Assert.Equal(float.Epsilon, Exp(-103.9f)); // the smallest denormal, not 0
        Assert.True(float.IsNaN(Exp(float.NaN)));

        Assert.Equal(0.5f, ActivationMath.Sigmoid(0f));
        Assert.Equal(1f, ActivationMath.Sigmoid(17f));
        Assert.Equal(1f, ActivationMath.Sigmoid(float.PositiveInfinity));
        Assert.Equal(0f, ActivationMath.Sigmoid(float.NegativeInfinity));
        Assert.True(ActivationMath.Sigmoid(-100f) is > 0f and < 1e-43f); // e^-100, a denormal
        Assert.Equal(0f, ActivationMath.Sigmoid(-104f));
        Assert.True(float.IsNaN(ActivationMath.Sigmoid(float.NaN)));

        Assert.True(float.IsNegative(ActivationMath.Tanh(-0f)));
        Assert.Equal(1e-40f, ActivationMath.Tanh(1e-40f));
        Assert.Equal(1f, ActivationMath.Tanh(9.1f));
        Assert.Equal(-1f, ActivationMath.Tanh(-9.1f));
        Assert.Equal(1f, ActivationMath.Tanh(float.PositiveInfinity));
        Assert.Equal(-1f, ActivationMath.Tanh(float.NegativeInfinity));
        Assert.True(float.IsNaN(ActivationMath.Tanh(float.NaN)));

        // ELU and SELU: exactly the linear branch above 0, -alpha (times scale) at -inf, e^z - 1 = z for tiny z.
        foreach (float z in new[] { float.Epsilon, 1e-30f, 3f, 1e38f, float.PositiveInfinity })
        {
            Assert.Equal(z, ActivationMath.ELU(z, EluAlpha));
            Assert.Equal(ActivationMath.SeluScale * z, ActivationMath.SELU(z));
        }
        Assert.Equal(-EluAlpha, ActivationMath.ELU(float.NegativeInfinity, EluAlpha));
        Assert.Equal(-ActivationMath.SeluScaleAlpha, ActivationMath.SELU(float.NegativeInfinity));
        Assert.Equal(-1e-30f, ElementMath.ExpMinusOne<ScalarLane, float>(-1e-30f));
        Assert.Equal(-1e-40f, ElementMath.ExpMinusOne<ScalarLane, float>(-1e-40f));
        Assert.True(float.IsNaN(ActivationMath.ELU(float.NaN, EluAlpha)));
        Assert.True(float.IsNaN(ActivationMath.SELU(float.NaN)));

        // ReLU as before: a NaN gives 0.
        Assert.Equal(0f, ActivationMath.ReLU(float.NaN));
        Assert.Equal(0f, ElementMath.ReLU<ScalarLane, float>(float.NaN));
    }
}

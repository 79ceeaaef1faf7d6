using System;

namespace NnGen.Tests.Reference;

/// <summary>
/// A double-precision value together with a first-order bound on the error a float32 evaluation of the same
/// expression can make, in units of float32's unit roundoff u = 2^-24 (Wilkinson's running error analysis;
/// Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., section 3.3).
///
/// <para><see cref="V"/> is the exact-as-double value of the definition, the reference itself. <see cref="E"/>
/// bounds |float evaluation - V| / u to first order: every operation adds the errors its operands carry, scaled
/// by its partial derivatives, plus its own rounding (at most |result| for + - * / and sqrt, a couple of |result|
/// for a library function). A sum of m terms is charged (m - 1) * sum |terms|, which bounds its roundings in any
/// summation order (sequential, pairwise, SIMD lanes), so the bound does not depend on how the implementation
/// orders its loops. Constants that float32 cannot hold (SELU's constants, 1 / (1 - rate)) carry their
/// representation error.</para>
///
/// <para>Cancellation cannot hide behind the bound: x - mean in a normalization charges |x| + |mean|, not
/// |x - mean|, and the bound is then amplified by 1 / std as the value is. The same E with double's unit
/// roundoff 2^-53 bounds the rounding of the reference itself, and of PyTorch's float64 evaluation.</para>
/// </summary>
public readonly struct Tracked
{
    /// <summary>float32's unit roundoff 2^-24.</summary>
    public const double FloatUnit = 1.0 / (1 << 24);

    /// <summary>float64's unit roundoff 2^-53.</summary>
    public static readonly double DoubleUnit = Math.Pow(2, -53);

    public Tracked(double value, double error)
    {
        V = value;
        E = error;
    }

    /// <summary>The value (computed in double from the definition).</summary>
    public double V { get; }

    /// <summary>First-order bound of a float32 evaluation's error, in units of u.</summary>
    public double E { get; }

    /// <summary>A value the implementation holds exactly (an input, a parameter, a float constant).</summary>
    public static Tracked Exact(double value) => new(value, 0);

    /// <summary>A constant of the definition that the implementation holds as the nearest float (error 0 if it is one).</summary>
    public static Tracked Constant(double value) => new(value, (float)value == value ? 0 : Math.Abs(value));

    public static Tracked operator +(Tracked a, Tracked b) => new(a.V + b.V, a.E + b.E + Math.Abs(a.V + b.V));

    public static Tracked operator -(Tracked a, Tracked b) => new(a.V - b.V, a.E + b.E + Math.Abs(a.V - b.V));

    public static Tracked operator -(Tracked a) => new(-a.V, a.E);

    public static Tracked operator *(Tracked a, Tracked b)
        => new(a.V * b.V, Math.Abs(a.V) * b.E + Math.Abs(b.V) * a.E + Math.Abs(a.V * b.V));

    public static Tracked operator /(Tracked a, Tracked b)
    {
        double v = a.V / b.V;
        return new(v, (a.E + Math.Abs(v) * b.E) / Math.Abs(b.V) + Math.Abs(v));
    }

    public static Tracked operator *(Tracked a, double exact) => a * Exact(exact);

    public static Tracked operator *(double exact, Tracked a) => Exact(exact) * a;

    public static Tracked operator /(Tracked a, double exact) => a / Exact(exact);

    public static Tracked Abs(Tracked a) => new(Math.Abs(a.V), a.E);

    public static Tracked Sqrt(Tracked a)
    {
        double v = Math.Sqrt(a.V);
        return new(v, a.E / (2 * v) + v);
    }

    /// <summary>exp, charged 2 ulps of its own (the runtime's e^x is within 1, ElementMathTests).</summary>
    public static Tracked Exp(Tracked a)
    {
        double v = Math.Exp(a.V);
        return new(v, v * a.E + 2 * v);
    }

    public static Tracked Log(Tracked a)
    {
        double v = Math.Log(a.V);
        return new(v, a.E / Math.Abs(a.V) + 2 * Math.Abs(v));
    }

    public static Tracked Log1P(Tracked a)
    {
        double v = ReferenceActivations.Log1P(a.V);
        return new(v, a.E / Math.Abs(1 + a.V) + 2 * Math.Abs(v));
    }

    public static Tracked Tanh(Tracked a)
    {
        double v = Math.Tanh(a.V);
        return new(v, (1 - v * v) * a.E + 2 * Math.Abs(v));
    }

    /// <summary>1 / (1 + exp(-z)): exp's 2 ulps reach the result at most as v (1 - v) * 2, then the add and the divide.</summary>
    public static Tracked Sigmoid(Tracked a)
    {
        double v = ReferenceActivations.Sigmoid(a.V);
        return new(v, v * (1 - v) * a.E + 4 * v);
    }

    /// <summary>The larger of two bounds of one value (two ways an implementation may evaluate it).</summary>
    public static Tracked Either(Tracked a, Tracked b) => new(a.V, Math.Max(a.E, b.E));

    /// <summary>max(a, 0), exact.</summary>
    public static Tracked PositivePart(Tracked a) => a.V > 0 ? a : new(0, a.V == 0 ? a.E : 0);

    public override string ToString() => FormattableString.Invariant($"{V:R} (±{E:G3}u)");
}

/// <summary>
/// A sum of many terms: value, propagated errors, and the roundings of m - 1 additions in any order, each at
/// most u * sum |terms| (<see cref="Tracked"/>).
/// </summary>
public struct TrackedSum
{
    private double _value, _error, _magnitude;
    private int _count;

    public void Add(Tracked term)
    {
        _value += term.V;
        _error += term.E;
        _magnitude += Math.Abs(term.V);
        _count++;
    }

    /// <summary>Adds a * b (the product rounded once).</summary>
    public void AddProduct(Tracked a, Tracked b) => Add(a * b);

    public readonly int Count => _count;

    public readonly Tracked Total => new(_value, _error + Math.Max(_count - 1, 0) * _magnitude);
}

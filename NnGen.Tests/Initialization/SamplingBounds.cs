using System;

namespace NnGen.Tests.Initialization;

/// <summary>
/// The statistics the initializer tests hold a layer's weights to, with acceptance bounds from the sampling
/// distribution of each statistic, so that a correct initializer drawing from an ideal random source fails one
/// check with probability at most <see cref="Alpha"/>.
///
/// <para>With <see cref="Alpha"/> = 1e-6 per check, the initializer tests' 210 checks of generated networks
/// (<see cref="InitCases.StatisticalCheckCount"/>) and the few dozen of the swapped-fan and self tests fail falsely
/// with probability below 3e-4 in all (the union bound; <see cref="SamplingBoundsTests"/> pins the count). The seeds
/// are fixed, so each run draws the same weights and the outcome is deterministic: the probability is over the
/// choice of seeds, and a failure means the initializer (or the random source) is wrong.</para>
///
/// <para>Every bound is a non-asymptotic tail bound for independent samples, so it holds at the smallest layer
/// (2,048 weights) as at the largest:</para>
/// <list type="bullet">
/// <item>mean of U(-a, a): Hoeffding, P(|m| &gt;= t) &lt;= 2 exp(-n t^2 / (2 a^2));</item>
/// <item>mean of N(0, s^2): m ~ N(0, s^2 / n) exactly, and the normal tail P(|Z| &gt;= z) &lt;= 2 exp(-z^2 / 2);</item>
/// <item>mean square of U(-a, a) (each w^2 in [0, a^2], expectation a^2 / 3): Hoeffding,
/// P(|v - a^2/3| &gt;= t) &lt;= 2 exp(-2 n t^2 / a^4);</item>
/// <item>mean square of N(0, s^2): n v / s^2 ~ chi-square(n); Laurent and Massart (2000, Lemma 1),
/// P(X - n &gt;= 2 sqrt(n x) + 2x) &lt;= e^-x and P(n - X &gt;= 2 sqrt(n x)) &lt;= e^-x, with x = ln(2 / alpha);</item>
/// <item>Kolmogorov-Smirnov: D_n = sup |F_n - F| against the stated continuous CDF F; the asymptotic critical value
/// sqrt(ln(2 / alpha) / (2 n)) (the leading term of Kolmogorov's series; the next, 2 exp(-8 t^2), is about
/// 1e-25 here), which the Dvoretzky-Kiefer-Wolfowitz inequality with Massart's constant,
/// P(D_n &gt; e) &lt;= 2 exp(-2 n e^2), makes a bound at every n.</item>
/// </list>
/// The variance is checked as the mean square about the stated mean 0, the variance estimator for a known mean.
/// </summary>
public static class SamplingBounds
{
    /// <summary>The false-failure probability of each statistical check.</summary>
    public const double Alpha = 1e-6;

    /// <summary>x = ln(2 / alpha): each two-sided bound below puts e^-x = alpha / 2 in each tail.</summary>
    private static double TailExponent(double alpha) => Math.Log(2 / alpha);

    /// <summary>Largest |mean| of n draws from U(-a, a) (Hoeffding).</summary>
    public static double UniformMean(double limit, int n, double alpha = Alpha)
        => limit * Math.Sqrt(2 * TailExponent(alpha) / n);

    /// <summary>Largest |mean square - a^2 / 3| of n draws from U(-a, a) (Hoeffding on w^2 in [0, a^2]).</summary>
    public static double UniformMeanSquare(double limit, int n, double alpha = Alpha)
        => limit * limit * Math.Sqrt(TailExponent(alpha) / (2 * n));

    /// <summary>Largest |mean| of n draws from N(0, sd^2) (the mean is N(0, sd^2 / n); Chernoff's normal tail).</summary>
    public static double NormalMean(double deviation, int n, double alpha = Alpha)
        => deviation * Math.Sqrt(2 * TailExponent(alpha) / n);

    /// <summary>The range [low, high] of the mean square of n draws from N(0, sd^2) (Laurent-Massart).</summary>
    public static (double Low, double High) NormalMeanSquare(double deviation, int n, double alpha = Alpha)
    {
        double x = TailExponent(alpha), variance = deviation * deviation;
        double low = (n - 2 * Math.Sqrt(n * x)) / n, high = (n + 2 * Math.Sqrt(n * x) + 2 * x) / n;
        return (variance * low, variance * high);
    }

    /// <summary>The Kolmogorov-Smirnov critical value for n draws: D_n above it has probability at most alpha.</summary>
    public static double KolmogorovSmirnovCritical(int n, double alpha = Alpha) => Math.Sqrt(TailExponent(alpha) / (2 * n));

    /// <summary>Kolmogorov's limiting tail P(sqrt(n) D_n &gt; t) = 2 sum_k (-1)^(k-1) exp(-2 k^2 t^2).</summary>
    public static double KolmogorovTail(double t)
    {
        double sum = 0;
        for (int k = 1; k <= 100; k++)
        {
            double term = Math.Exp(-2.0 * k * k * t * t);
            sum += (k % 2 == 1 ? 2 : -2) * term;
            if (term < 1e-300) break;
        }
        return sum;
    }

    /// <summary>
    /// The KS statistic D_n = max over the sorted sample x_(1) &lt;= ... &lt;= x_(n) of
    /// max(i / n - F(x_(i)), F(x_(i)) - (i - 1) / n). Sorts <paramref name="sample"/> in place.
    /// </summary>
    public static double KolmogorovSmirnov(double[] sample, Func<double, double> cdf)
    {
        Array.Sort(sample);
        int n = sample.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sample[i]);
            if (double.IsNaN(f)) return double.NaN;
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        return d;
    }

    /// <summary>CDF of U(-a, a).</summary>
    public static double UniformCdf(double x, double limit) => x <= -limit ? 0 : x >= limit ? 1 : (x + limit) / (2 * limit);

    /// <summary>CDF of N(0, sd^2).</summary>
    public static double NormalCdf(double x, double deviation) => StandardNormalCdf(x / deviation);

    /// <summary>
    /// Phi(z) = erfc(-z / sqrt 2) / 2 with erfc from Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7 in
    /// erf, so below 7.5e-8 in Phi: five orders of magnitude under the smallest KS critical value here, 0.014).
    /// </summary>
    public static double StandardNormalCdf(double z)
    {
        double x = Math.Abs(z) / Math.Sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erfc = poly * Math.Exp(-x * x);
        return z >= 0 ? 1 - erfc / 2 : erfc / 2;
    }
}

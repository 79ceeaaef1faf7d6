using System;
using System.Collections.Generic;
using System.Globalization;
using NnGen.Benchmarks.Baseline;
using NnGen.Internal;

namespace NnGen.Benchmarks
{
    /// <summary>One comparison of the baseline with the generated network: the worst error relative to its tolerance.</summary>
    public sealed class CheckResult
    {
        public CheckResult(string network, string what, double worstError, double tolerance, int worstIndex)
        {
            Network = network;
            What = what;
            WorstError = worstError;
            Tolerance = tolerance;
            WorstIndex = worstIndex;
        }

        public string Network { get; }

        public string What { get; }

        /// <summary>The largest |generated - baseline| over the compared values.</summary>
        public double WorstError { get; }

        /// <summary>The tolerance at <see cref="WorstIndex"/> (abs + rel * the largest magnitude of the generated values).</summary>
        public double Tolerance { get; }

        public int WorstIndex { get; }

        public bool Passed => WorstError <= Tolerance;

        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture, $"{(Passed ? "ok  " : "FAIL")} {Network,-9} {What,-36} max |diff| {WorstError:0.###e+00} (tolerance {Tolerance:0.###e+00}, at [{WorstIndex}])");
    }

    /// <summary>
    /// Checks that the baseline computes what the generated networks compute, so that their speed ratio compares equal
    /// work: with the same parameters, the same outputs, loss and gradients to float tolerance; with the same gradients,
    /// the same optimizer step; and after a few training steps, the same parameters. Run at startup by the quick mode
    /// and by NnGen.Tests/Benchmarks.
    /// </summary>
    public static class BaselineCheck
    {
        // Tolerances: both sides compute in float with different summation orders (and the generated code may use FMA
        // and SIMD), so values agree to a few ulps of the largest term, not bit for bit. The scale of each comparison is
        // the largest magnitude among the generated values compared.
        private const double OutputRel = 1e-4, OutputAbs = 1e-6;
        private const double GradientRel = 1e-4, GradientAbs = 1e-7;
        private const double OptimizerRel = 1e-6, OptimizerAbs = 1e-7;

        /// <summary>Every check for every network of <see cref="NetSpecs.All"/>.</summary>
        public static IReadOnlyList<CheckResult> RunAll()
        {
            var results = new List<CheckResult>();
            foreach (NetSpec spec in NetSpecs.All) results.AddRange(Run(spec));
            return results;
        }

        /// <summary>Every check for one network.</summary>
        public static IReadOnlyList<CheckResult> Run(NetSpec spec) => spec.Name switch
        {
            "seed231" => Run<Seed231Model>(),
            "toy42" => Run<Toy42Model>(),
            "xor" => Run<XorModel>(),
            "mnist128" => Run<Mnist128Model>(),
            "fashion" => Run<FashionModel>(),
            _ => throw new ArgumentException($"No generated network for '{spec.Name}'.", nameof(spec)),
        };

        private static List<CheckResult> Run<TModel>() where TModel : struct, IGeneratedModel<TModel>
        {
            NetSpec spec = TModel.Spec;
            var results = new List<CheckResult>();
            var random = new SeededRandom(20240604);
            foreach (int batch in new[] { 1, 3, spec.Batch })
            {
                (float[] x, float[] t) = RandomBatch(spec, batch, random);
                TModel generated = TModel.Create(seed: 11);
                BaselineModel baseline = Paired(spec, generated.Network);
                INetwork net = generated.Network;
                string at = $"batch {batch}: ";

                var expected = new float[batch * spec.OutputSize];
                var actual = new float[expected.Length];
                generated.Predict(x, expected);
                baseline.Predict(x, actual);
                results.Add(Compare(spec, at + "Predict", expected, actual, OutputRel, OutputAbs));

                results.Add(Compare(spec, at + "ComputeLoss", new[] { net.ComputeLoss(x, t) }, new[] { baseline.Mlp.ComputeLoss(x, t) }, OutputRel, OutputAbs));

                float lossGenerated = net.ComputeGradients(x, t);
                float lossBaseline = baseline.Mlp.ComputeGradients(x, t);
                results.Add(Compare(spec, at + "ComputeGradients loss", new[] { lossGenerated }, new[] { lossBaseline }, OutputRel, OutputAbs));
                var gradients = new float[net.ParameterCount];
                baseline.Mlp.GetGradients(gradients);
                results.Add(Compare(spec, at + "ComputeGradients gradients", net.Gradients, gradients, GradientRel, GradientAbs));

                // The optimizers alone: the generated network's gradients into both, two steps (Adam's state included).
                baseline.Mlp.SetGradients(net.Gradients);
                for (int step = 0; step < 2; step++)
                {
                    generated.Optimizer.Step(net.Parameters, net.Gradients);
                    baseline.Optimizer.Step(baseline.Mlp.Layers);
                }
                var parameters = new float[net.ParameterCount];
                baseline.Mlp.GetParameters(parameters);
                results.Add(Compare(spec, at + $"{spec.OptimizerName} steps (same gradients)", net.Parameters, parameters, OptimizerRel, OptimizerAbs));

                // End to end: three TrainSteps from the same start on the same batch; the losses they return, then the
                // parameters. SGD moves a parameter by lr * g, so the parameters agree about as well as the gradients do.
                // Adam moves it by about lr * m / sqrt(v) whatever the gradient's size, so a gradient element that is tiny
                // and only agrees to float tolerance can move by a visibly different fraction of lr; its bound is a
                // fraction of lr per step (a missing bias correction or a sign error moves parameters by lr or more).
                TModel fresh = TModel.Create(seed: 12);
                BaselineModel freshBaseline = Paired(spec, fresh.Network);
                var losses = new float[3];
                var baselineLosses = new float[3];
                for (int step = 0; step < 3; step++)
                {
                    losses[step] = fresh.TrainStep(x, t);
                    baselineLosses[step] = freshBaseline.TrainStep(x, t);
                }
                results.Add(Compare(spec, at + "3 TrainSteps (losses)", losses, baselineLosses, GradientRel, OutputAbs));
                freshBaseline.Mlp.GetParameters(parameters);
                double parameterAbs = spec.Optimizer == OptimizerKind.Adam ? 3 * 0.05 * spec.LearningRate : 1e-3 * spec.LearningRate;
                results.Add(Compare(spec, at + "3 TrainSteps (parameters)", fresh.Network.Parameters, parameters, 1e-5, parameterAbs));
            }
            return results;
        }

        private static BaselineModel Paired(NetSpec spec, INetwork network)
        {
            var baseline = new BaselineModel(spec, seed: 0);
            baseline.Mlp.SetParameters(network.Parameters);
            return baseline;
        }

        /// <summary>Inputs U(-1, 1); targets one-hot (CCE), 0/1 (BCE) or U(0, 1) (MSE).</summary>
        private static (float[] X, float[] T) RandomBatch(NetSpec spec, int batch, SeededRandom random)
        {
            var x = new float[batch * spec.InputSize];
            for (int i = 0; i < x.Length; i++) x[i] = (float)(2.0 * random.NextDouble() - 1.0);
            var t = new float[batch * spec.OutputSize];
            for (int s = 0; s < batch; s++)
            {
                if (spec.Loss == Loss.CategoricalCrossEntropy) t[s * spec.OutputSize + random.NextInt(spec.OutputSize)] = 1f;
                else
                    for (int k = 0; k < spec.OutputSize; k++)
                        t[s * spec.OutputSize + k] = spec.Loss == Loss.BinaryCrossEntropy ? random.NextInt(2) : (float)random.NextDouble();
            }
            return (x, t);
        }

        private static CheckResult Compare(NetSpec spec, string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double rel, double abs)
        {
            if (expected.Length != actual.Length) throw new InvalidOperationException($"{spec.Name} {what}: {expected.Length} vs {actual.Length} values.");
            double scale = 0;
            foreach (float v in expected) scale = Math.Max(scale, Math.Abs((double)v));
            double tolerance = abs + rel * scale;
            double worst = -1;
            int worstIndex = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                double e = expected[i], a = actual[i];
                double error = double.IsFinite(e) && double.IsFinite(a) ? Math.Abs(e - a) : double.PositiveInfinity;
                if (error > worst) { worst = error; worstIndex = i; }
            }
            return new CheckResult(spec.Name, what, worst, tolerance, worstIndex);
        }
    }
}

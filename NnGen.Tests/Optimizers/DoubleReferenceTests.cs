using System.Linq;
using Xunit;

namespace NnGen.Tests.Optimizers;

/// <summary>Each optimizer against its published update rule evaluated in double precision.</summary>
public class DoubleReferenceTests
{
    private const int Steps = 20;

    public static TheoryData<string> Cases => OptimizerCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_step_follows_the_published_rule(string name) => Run(name, changeLearningRate: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_learning_rate_set_between_steps_drives_the_next_step(string name) => Run(name, changeLearningRate: true);

    private static void Run(string name, bool changeLearningRate)
    {
        OptimizerCases.Case c = OptimizerCases.All[name];
        IOptimizer optimizer = c.Create();
        IReferenceRule rule = c.Reference();
        double baseRate = rule.LearningRate;
        float[] p = OptimizerData.Initial();
        double[] expected = p.Select(x => (double)x).ToArray();
        for (int t = 1; t <= Steps; t++)
        {
            if (changeLearningRate)
            {
                double rate = baseRate * new[] { 0.5, 1.5, 0.25 }[t % 3];
                rule.LearningRate = rate;
                optimizer.LearningRate = (float)rate;
            }
            float[] g = OptimizerData.Gradient(t);
            optimizer.Step(p, g);
            rule.Step(expected, g.Select(x => (double)x).ToArray());
            Close.Equal(expected, p, Close.Tolerance(t), $"{name}, step {t}");
        }
    }
}

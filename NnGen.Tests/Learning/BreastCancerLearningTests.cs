using System.Globalization;
using NnGen.Training;
using Xunit;
using Xunit.Abstractions;

namespace NnGen.Tests.Learning;

/// <summary>Breast cancer (55/15/30, standardized): 30 -> 16 (ReLU) -> 1 (sigmoid) with binary cross-entropy reaches >= 95 % test accuracy.</summary>
public class BreastCancerLearningTests(ITestOutputHelper output)
{
    private static readonly TabularRecipe Recipe = new(ValidationFraction: 0.15, TestFraction: 0.3, Epochs: 100, BatchSize: 16, LearningRate: 1e-3f, Patience: 10);

    [Fact]
    public void Data_has_569_rows_of_30_features_and_a_binary_label()
    {
        Dataset data = LearningData.Load("breast_cancer.csv", BreastCancerMlp.OutputSize);
        Assert.Equal(569, data.Count);
        Assert.Equal(30, data.InputSize);
        int benign = 0;
        for (int r = 0; r < data.Count; r++) benign += data.Label(r);
        Assert.Equal(357, benign);
    }

    // Over seeds 1 to 200 this recipe scored 94.2 % to 99.4 % on its 171 test rows (mean 97.2 %), below 95 % on 4
    // splits. Seeds 1, 2 and 3 are the first three, not picked: 98.8 %, 97.1 % and 95.9 %. 95 % of 171 rows needs 163
    // right; seed 3 has 164, one row of margin, so .ci/run also runs these with AVX-512 and with every hardware
    // intrinsic off: seeds 1, 2 and 3 get 169, 166 and 164 right on the 512-bit, 256-bit and scalar paths alike (measured).
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mlp_reaches_95_percent_test_accuracy(int seed)
    {
        Evaluation test = Recipe.TrainAndTest(new BreastCancerMlp(seed), LearningData.Load("breast_cancer.csv", BreastCancerMlp.OutputSize), seed);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"breast cancer test accuracy: {test.Accuracy * 100:F1} % ({test.Count} rows)"));
        Assert.True(test.Accuracy >= 0.95, string.Create(CultureInfo.InvariantCulture, $"test accuracy {test.Accuracy:P1} is below 95 %"));
    }
}

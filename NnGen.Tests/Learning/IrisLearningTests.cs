using System.Globalization;
using NnGen.Training;
using Xunit;
using Xunit.Abstractions;

namespace NnGen.Tests.Learning;

/// <summary>Iris (60/20/20, standardized): the 4 -> 8 (tanh) -> 3 (softmax) MLP reaches >= 93 % test accuracy.</summary>
public class IrisLearningTests(ITestOutputHelper output)
{
    private static readonly TabularRecipe Recipe = new(ValidationFraction: 0.2, TestFraction: 0.2, Epochs: 100, BatchSize: 8, LearningRate: 0.01f, Patience: 20);

    [Fact]
    public void Data_has_150_flowers_of_4_measurements_50_per_species()
    {
        Dataset data = LearningData.Load("iris.csv", IrisMlp.OutputSize);
        Assert.Equal(150, data.Count);
        Assert.Equal(4, data.InputSize);
        var perClass = new int[3];
        for (int r = 0; r < data.Count; r++) perClass[data.Label(r)]++;
        Assert.Equal([50, 50, 50], perClass);
    }

    // With 30 test flowers one mistake costs 3.3 points and the split decides much: over seeds 1 to 200 this recipe
    // scored 86.7 % to 100 % (mean 96.2 %), below 93 % on 16 splits (a linear model: 16 too, 10 of them the same).
    // Seeds 1, 2 and 3 are the first three, not picked: 96.7 %, 93.3 % and 96.7 %. 93 % of 30 needs 28 right: seed 2
    // has no row of margin and seeds 1 and 3 have one, so .ci/run also runs these with AVX-512 and with every hardware
    // intrinsic off: seeds 1, 2 and 3 get 29, 28 and 29 right on the 512-bit, 256-bit and scalar paths alike (measured).
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mlp_reaches_93_percent_test_accuracy(int seed)
    {
        Evaluation test = Recipe.TrainAndTest(new IrisMlp(seed), LearningData.Load("iris.csv", IrisMlp.OutputSize), seed);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"iris test accuracy: {test.Accuracy * 100:F1} % ({test.Count} rows)"));
        Assert.True(test.Accuracy >= 0.93, string.Create(CultureInfo.InvariantCulture, $"test accuracy {test.Accuracy:P1} is below 93 %"));
    }
}

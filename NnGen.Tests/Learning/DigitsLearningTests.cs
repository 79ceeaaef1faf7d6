using System.Globalization;
using System.Linq;
using NnGen.Training;
using Xunit;
using Xunit.Abstractions;

namespace NnGen.Tests.Learning;

/// <summary>The 8x8 digits (pixels / 16, stratified splits): a plain MLP reaches >= 95 %, the samples' recipe >= 97 % test accuracy.</summary>
public class DigitsLearningTests(ITestOutputHelper output)
{
    internal static Dataset Digits() => Preprocessing.Scale(LearningData.Load("digits.csv.gz", outputSize: 10), 1f / 16f);

    [Fact]
    public void Data_has_1797_rows_of_64_pixels_and_10_classes()
    {
        Dataset data = LearningData.Load("digits.csv.gz", outputSize: 10);
        Assert.Equal(1797, data.Count);
        Assert.Equal(64, data.InputSize);
        Assert.Equal(Enumerable.Range(0, 10), Enumerable.Range(0, data.Count).Select(data.Label).Distinct().Order());
        Assert.All(data.Features.ToArray(), pixel => Assert.InRange(pixel, 0f, 16f));
    }

    [Fact]
    public void Mlp_with_sgd_reaches_95_percent_test_accuracy()
    {
        DataSplit split = DataSplit.ByFractions(Digits(), validationFraction: 0, testFraction: 0.2, seed: 42, stratify: true);
        var network = new DigitsMlp(seed: 1);
        Assert.True(Trainer.Evaluate(network, split.Test).Accuracy < 0.5, "the untrained network should be near chance");

        new Trainer(new TrainingOptions { Epochs = 25, BatchSize = 32, Seed = 42 }).Train(network, new Sgd(learningRate: 0.05f, momentum: 0.9f), split.Train);

        AssertAccuracy(Trainer.Evaluate(network, split.Test), 0.95);
    }

    /// <summary>
    /// NnGen.Samples' digits recipe: a stratified 70/10/20 split, Adam, cosine decay over 40 epochs, early stopping
    /// with patience 10 that puts back the best epoch's weights. Over seeds 1 to 140 its test accuracy ranged from
    /// 96.4 % to 100 % (mean 98.6 %), below 97 % once; seed 1 gives 98.9 %.
    /// </summary>
    [Fact]
    public void Batch_norm_mlp_with_adam_cosine_decay_and_early_stopping_reaches_97_percent_test_accuracy()
    {
        const int Seed = 1, Epochs = 40;
        DataSplit split = DataSplit.ByFractions(Digits(), validationFraction: 0.1, testFraction: 0.2, Seed, stratify: true);
        var schedule = new CosineDecay(2e-3f, Epochs);
        var network = new DigitsBatchNormMlp(Seed);
        TrainingHistory history = new Trainer(new TrainingOptions
        {
            Epochs = Epochs,
            BatchSize = 32,
            DropLast = true,
            Seed = Seed,
            Schedule = schedule,
            EarlyStopping = new EarlyStopping(Patience: 10),
        }).Train(network, new Adam(schedule.Initial), split.Train, split.Validation);

        for (int e = 0; e < history.Epochs.Count; e++) Assert.Equal(schedule.LearningRate(e), history.Epochs[e].LearningRate);
        Assert.True(history.RestoredBest);
        Assert.Equal(history.BestValidationLoss, Trainer.Evaluate(network, split.Validation).Loss);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{history.Epochs.Count} epochs, best {history.BestEpoch + 1}"));
        AssertAccuracy(Trainer.Evaluate(network, split.Test), 0.97);
    }

    private void AssertAccuracy(Evaluation test, double minimum)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"digits test accuracy: {test.Accuracy * 100:F1} % ({test.Count} rows)"));
        Assert.True(test.Accuracy >= minimum, string.Create(CultureInfo.InvariantCulture, $"test accuracy {test.Accuracy:P1} is below {minimum:P0}"));
    }
}

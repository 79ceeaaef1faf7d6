using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace NnGen.Tests.Learning
{
    /// <summary>The 8x8 digits (pixels / 16, a stratified 80/20 split): the 64 -> 64 (ReLU) -> 10 MLP reaches >= 95 % test accuracy.</summary>
    public class DigitsLearningTests(ITestOutputHelper output)
    {
        [Fact]
        public void Data_has_1797_rows_of_64_pixels_and_10_classes()
        {
            LabelledRows data = LearningData.Load("digits.csv.gz");
            Assert.Equal(1797, data.Count);
            Assert.Equal(64, data.FeatureCount);
            Assert.Equal(10, data.ClassCount);
            Assert.All(data.Features, pixel => Assert.InRange(pixel, 0f, 16f));
        }

        [Fact]
        public void Mlp_reaches_95_percent_test_accuracy()
        {
            (LabelledRows train, LabelledRows test) = LearningData.StratifiedSplit(LearningData.Load("digits.csv.gz").Scale(1f / 16f), testFraction: 0.2, seed: 42);
            var network = LearningNetworks.Create(LearningNetworks.Digits, seed: 1);
            Assert.True(LearningLoop.Accuracy(network, test) < 0.5, "the untrained network should be near chance");

            LearningLoop.Train(network, train, new Sgd(learningRate: 0.05f, momentum: 0.9f), epochs: 25, batchSize: 32, new SeededRandom(42));

            double accuracy = LearningLoop.Accuracy(network, test);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"digits test accuracy: {accuracy * 100:F1} % ({test.Count} rows)"));
            Assert.True(accuracy >= 0.95, $"test accuracy {accuracy:P1} is below 95 %");
        }
    }
}

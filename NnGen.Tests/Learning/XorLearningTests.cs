using Xunit;

namespace NnGen.Tests.Learning
{
    /// <summary>XOR is learned by 2 -> 4 (tanh) -> 1 (sigmoid) with binary cross-entropy: all four points right, loss small.</summary>
    public class XorLearningTests
    {
        private static readonly float[] Inputs = [0, 0, 0, 1, 1, 0, 1, 1];
        private static readonly float[] Targets = [0, 1, 1, 0];

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Learns_xor(int seed)
        {
            var network = LearningNetworks.Create(LearningNetworks.Xor, seed);
            LearningLoop.Train(network, Inputs, Targets, new Sgd(learningRate: 0.5f, momentum: 0.9f), epochs: 500, batchSize: 4, new SeededRandom(seed));

            Assert.Equal([0, 1, 1, 0], LearningLoop.PredictClasses(network, Inputs));
            float loss = network.ComputeLoss(Inputs, Targets);
            Assert.True(loss < 0.02f, $"XOR loss {loss} is not below 0.02");
        }
    }
}

using NnGen.Generator.Model;

namespace NnGen.Generator.Planning
{
    /// <summary>How a loss's sum over the batch becomes its mean: a decision of the plan, read by every target's loss gate.</summary>
    internal static class LossReduction
    {
        /// <summary>
        /// The number the summed loss is divided by, as an expression of the batch size <c>n</c>: PyTorch's mean
        /// reduction (over the samples for categorical cross-entropy, over every output value otherwise).
        /// </summary>
        public static string Count(Loss loss) => loss == Loss.CategoricalCrossEntropy ? "n" : "(n * OutputSize)";
    }
}

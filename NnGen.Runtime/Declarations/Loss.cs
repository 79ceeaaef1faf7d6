// This file is linked into NnGen.Generator as well: the generator reads attribute arguments as these enums.
namespace NnGen
{
    /// <summary>The loss a network is trained on. Each equals the PyTorch loss named, with its default mean reduction.</summary>
    public enum Loss
    {
        /// <summary>Mean over all n*O elements of (y - t)^2; PyTorch <c>MSELoss()</c>.</summary>
        MeanSquaredError = 0,
        /// <summary>Mean over all n*O elements of |y - t|; PyTorch <c>L1Loss()</c>.</summary>
        MeanAbsoluteError = 1,
        /// <summary>Mean over all n*O elements, from the logits; PyTorch <c>BCEWithLogitsLoss()</c>. Last layer Sigmoid.</summary>
        BinaryCrossEntropy = 2,
        /// <summary>Mean over n of -sum_k t_k log softmax(z)_k; PyTorch <c>CrossEntropyLoss()</c> with probability targets. Last layer Softmax.</summary>
        CategoricalCrossEntropy = 3,
    }
}

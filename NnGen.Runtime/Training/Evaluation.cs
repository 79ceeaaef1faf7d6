namespace NnGen.Training
{
    /// <summary>The loss and accuracy of a network on a data set; see <see cref="Trainer.Evaluate"/>.</summary>
    /// <param name="Loss">The mean loss over the samples (inference mode), as <see cref="INetwork.ComputeLoss"/> defines it, penalties included.</param>
    /// <param name="Accuracy">The fraction of samples, in [0, 1], whose predicted class equals their target class.</param>
    /// <param name="Count">The number of samples.</param>
    public readonly record struct Evaluation(double Loss, double Accuracy, int Count);
}

using NnGen.Training;

namespace NnGen.Tests.Learning;

/// <summary>
/// NnGen.Samples' recipe for the small tabular sets: a seeded stratified split, features standardized with the
/// training part's statistics, Adam with cosine decay over the epochs, early stopping on the validation loss that
/// puts back the best epoch's weights. One seed drives the split, the initialization and the batch order.
/// </summary>
internal sealed record TabularRecipe(double ValidationFraction, double TestFraction, int Epochs, int BatchSize, float LearningRate, int Patience)
{
    /// <summary>Trains <paramref name="network"/> (initialized from <paramref name="seed"/>) on <paramref name="data"/> and evaluates it on the test part.</summary>
    public Evaluation TrainAndTest(INetwork network, Dataset data, int seed)
    {
        DataSplit split = DataSplit.ByFractions(data, ValidationFraction, TestFraction, seed, stratify: true);
        (Dataset train, Dataset validation, Dataset test) = Preprocessing.Standardize(split);
        var trainer = new Trainer(new TrainingOptions
        {
            Epochs = Epochs,
            BatchSize = BatchSize,
            Seed = seed,
            Schedule = new CosineDecay(LearningRate, Epochs),
            EarlyStopping = new EarlyStopping(Patience),
        });
        trainer.Train(network, new Adam(LearningRate), train, validation);
        return Trainer.Evaluate(network, test);
    }
}

using System.Collections.Generic;
using NnGen.Training;

namespace NnGen.Samples.Plots
{
    /// <summary>
    /// The per-epoch figures a curves plot draws. After every epoch it evaluates the network on a fixed sample of the
    /// training set in inference mode, so the training curve is measured as the validation curve is (the trainer's own
    /// training loss is a running mean over the epoch in training mode: dropout, batch statistics); it is kept too.
    /// </summary>
    internal sealed class TrainingCurves(INetwork network, Dataset trainingSample)
    {
        private readonly List<double> _runningLoss = [], _trainLoss = [], _trainAccuracy = [], _validationLoss = [], _validationAccuracy = [];

        /// <summary>The number of training samples the training curves are measured on.</summary>
        public int TrainingSampleCount => trainingSample.Count;

        public IReadOnlyList<double> RunningTrainLoss => _runningLoss;
        public IReadOnlyList<double> TrainLoss => _trainLoss;
        public IReadOnlyList<double> TrainAccuracy => _trainAccuracy;
        public IReadOnlyList<double> ValidationLoss => _validationLoss;
        public IReadOnlyList<double> ValidationAccuracy => _validationAccuracy;

        /// <summary>Records an epoch; call it from <see cref="TrainingOptions.Progress"/>, where the network holds the epoch's weights.</summary>
        public void Record(EpochReport report)
        {
            Evaluation train = Trainer.Evaluate(network, trainingSample);
            _runningLoss.Add(report.TrainLoss);
            _trainLoss.Add(train.Loss);
            _trainAccuracy.Add(train.Accuracy);
            _validationLoss.Add(report.ValidationLoss ?? double.NaN);
            _validationAccuracy.Add(report.ValidationAccuracy ?? double.NaN);
        }
    }
}

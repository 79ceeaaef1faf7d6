using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using NnGen.Samples.DataSets;
using NnGen.Training;

namespace NnGen.Samples
{
    /// <summary>
    /// The digits network without BatchNorm (the GPU kernels cover dense layers): 64 -> 128 ReLU -> 64 ReLU -> 10 softmax.
    /// With ILGPU referenced, NnGen also generates its GPU class <c>GpuDigitsNet.Gpu</c>.
    /// </summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(64)]
    [Dense(128, Activation.ReLU)]
    [Dense(64, Activation.ReLU)]
    [Dense(10, Activation.Softmax)]
    public partial class GpuDigitsNet;
}

namespace NnGen.Samples.Commands
{
    /// <summary>
    /// Trains <see cref="GpuDigitsNet"/> on the 8x8 digits on the best accelerator ILGPU finds: the first CUDA device,
    /// else ILGPU's CPU accelerator (which runs the same kernels on CPU threads, slowly), saying which. The training set
    /// is uploaded once and every epoch runs on the device (Trainer's device path); then the trained parameters are
    /// copied back and the host network is tested on the CPU as well.
    /// </summary>
    internal static class GpuCommand
    {
        // batches of 128: few kernel launches per epoch, which is what costs on the CPU accelerator
        private const int Epochs = 25;
        private const int BatchSize = 128;
        private const float LearningRate = 5e-3f;
        private const int Seed = 1;

        public static int Run()
        {
            Dataset digits = FeatureScaling.Scale(CsvDataLoader.LoadEmbedded("digits.csv.gz", GpuDigitsNet.OutputSize), 1f / 16f);
            DataSplit split = DataSplit.ByFractions(digits, validationFraction: 0.1, testFraction: 0.2, Seed, stratify: true);

            using Context context = Context.Create(builder => builder.Cuda().CPU());
            Device device = context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.Cuda)
                ?? context.Devices.First(d => d.AcceleratorType == AcceleratorType.CPU);
            using Accelerator accelerator = device.CreateAccelerator(context);
            Console.WriteLine(device.AcceleratorType == AcceleratorType.Cuda
                ? $"gpu: training on the CUDA device {accelerator.Name}"
                : $"gpu: no CUDA device found; training on ILGPU's CPU accelerator ({accelerator.Name}), which runs the same kernels on CPU threads");
            Console.WriteLine(Invariant($"digits: {split.Train.Count} train, {split.Validation.Count} validation, {split.Test.Count} test rows; 64 -> 128 (ReLU) -> 64 (ReLU) -> 10 (Softmax), {GpuDigitsNet.ParameterCount} parameters"));

            var network = new GpuDigitsNet(Seed);
            using GpuDigitsNet.Gpu gpu = network.ToGpu(accelerator);
            var trainer = new Trainer(new TrainingOptions
            {
                Epochs = Epochs,
                BatchSize = BatchSize,
                Seed = Seed,
                Schedule = new CosineDecay(LearningRate, Epochs),
                EarlyStopping = new EarlyStopping(Patience: 10),
                Progress = report => Console.WriteLine(Invariant(
                    $"epoch {report.Epoch + 1,2}/{Epochs}: train loss {report.TrainLoss:F4}, validation loss {report.ValidationLoss:F4}, accuracy {100 * report.ValidationAccuracy:F1} %{(report.IsBest ? " (best)" : "")}")),
            });
            var watch = Stopwatch.StartNew();
            TrainingHistory history = trainer.Train(gpu, new Adam(LearningRate), split.Train, split.Validation);
            Console.WriteLine(Invariant($"trained {history.Epochs.Count} epochs in {watch.Elapsed.TotalSeconds:F1} s on the device; best epoch {history.BestEpoch + 1}"));

            // the Trainer left the device parameters in the host network; its CPU code must see what the device sees
            double deviceAccuracy = Trainer.Evaluate(gpu, split.Test).Accuracy;
            double hostAccuracy = Trainer.Evaluate(network, split.Test).Accuracy;
            Console.WriteLine(Invariant($"test accuracy: {100 * deviceAccuracy:F1} % on the device, {100 * hostAccuracy:F1} % with the parameters copied back to the CPU network"));
            if (deviceAccuracy != hostAccuracy)
            {
                Console.Error.WriteLine("error: the device and the CPU network disagree on the test set");
                return 1;
            }
            return 0;
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}

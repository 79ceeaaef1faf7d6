using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NnGen.Internal;

namespace NnGen.Benchmarks.Suite
{
    /// <summary>
    /// The BenchmarkDotNet suite of one network: a training step on a batch of the network's batch size, gathered by
    /// random row indices from the pre-made data set (as torch_mlp.py does; the indices are drawn in the setup), and
    /// Predict on 1 and on 256 samples, each for NnGen's generated code and for the baseline. The baseline is each
    /// category's Baseline, so the Ratio column is NnGen / baseline time. The memory diagnoser reports the bytes
    /// allocated per call (0 is the goal for NnGen).
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public abstract class NetworkBenchmarks<TModel> where TModel : struct, IGeneratedModel<TModel>
    {
        private const int RingBatches = 1024;

        private TModel _nngen;
        private BaselineModel _baseline;
        private BenchData _data = null!;
        private int[] _rows = Array.Empty<int>();
        private int _batch, _cursor;
        private float[] _xb = Array.Empty<float>(), _tb = Array.Empty<float>();
        private float[] _x1 = Array.Empty<float>(), _y1 = Array.Empty<float>();
        private float[] _x256 = Array.Empty<float>(), _y256 = Array.Empty<float>();

        [GlobalSetup]
        public void Setup()
        {
            NetSpec spec = TModel.Spec;
            _data = BenchData.For(spec);
            _nngen = TModel.Create(seed: 1);
            _baseline = new BaselineModel(spec, seed: 1);
            _batch = spec.Batch;
            var random = new SeededRandom(1234);
            _rows = new int[RingBatches * _batch];
            for (int i = 0; i < _rows.Length; i++) _rows[i] = random.NextInt(_data.Count);
            _xb = new float[_batch * spec.InputSize];
            _tb = new float[_batch * spec.OutputSize];
            _x1 = _data.Inputs.AsSpan(0, spec.InputSize).ToArray();
            _y1 = new float[spec.OutputSize];
            int[] rows256 = new int[256];
            for (int i = 0; i < rows256.Length; i++) rows256[i] = random.NextInt(_data.Count);
            _x256 = new float[256 * spec.InputSize];
            _y256 = new float[256 * spec.OutputSize];
            _data.Gather(rows256, _x256, new float[256 * spec.OutputSize]);
            // One call of each before measuring, so that the networks' scratch buffers have their steady-state sizes.
            NextBatch();
            _nngen.TrainStep(_xb, _tb);
            _baseline.TrainStep(_xb, _tb);
            _nngen.Predict(_x1, _y1);
            _nngen.Predict(_x256, _y256);
            _baseline.Predict(_x1, _y1);
            _baseline.Predict(_x256, _y256);
        }

        private void NextBatch()
        {
            _data.Gather(new ReadOnlySpan<int>(_rows, _cursor * _batch, _batch), _xb, _tb);
            if (++_cursor == RingBatches) _cursor = 0;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("TrainStep")]
        public float Baseline_TrainStep()
        {
            NextBatch();
            return _baseline.TrainStep(_xb, _tb);
        }

        [Benchmark, BenchmarkCategory("TrainStep")]
        public float NnGen_TrainStep()
        {
            NextBatch();
            return _nngen.TrainStep(_xb, _tb);
        }

        [Benchmark(Baseline = true), BenchmarkCategory("Predict_B1")]
        public float Baseline_Predict_B1()
        {
            _baseline.Predict(_x1, _y1);
            return _y1[0];
        }

        [Benchmark, BenchmarkCategory("Predict_B1")]
        public float NnGen_Predict_B1()
        {
            _nngen.Predict(_x1, _y1);
            return _y1[0];
        }

        [Benchmark(Baseline = true), BenchmarkCategory("Predict_B256")]
        public float Baseline_Predict_B256()
        {
            _baseline.Predict(_x256, _y256);
            return _y256[0];
        }

        [Benchmark, BenchmarkCategory("Predict_B256")]
        public float NnGen_Predict_B256()
        {
            _nngen.Predict(_x256, _y256);
            return _y256[0];
        }
    }

    // One class per network, so that a filter picks a network: --filter '*Mnist128*'.

    public class Seed231Benchmarks : NetworkBenchmarks<Seed231Model> { }

    public class Toy42Benchmarks : NetworkBenchmarks<Toy42Model> { }

    public class XorBenchmarks : NetworkBenchmarks<XorModel> { }

    public class Mnist128Benchmarks : NetworkBenchmarks<Mnist128Model> { }

    public class FashionBenchmarks : NetworkBenchmarks<FashionModel> { }
}

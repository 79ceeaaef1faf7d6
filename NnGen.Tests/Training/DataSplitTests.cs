using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Training;

public class DataSplitTests
{
    [Theory]
    [InlineData(100, 0.2, 0.1, 20, 10)]
    [InlineData(10, 0.25, 0.25, 3, 2)]   // 2.5 -> 3, (5.0) -> 5 held out in all
    [InlineData(7, 0.0, 0.0, 0, 0)]
    [InlineData(7, 0.5, 0.5, 4, 3)]      // 3.5 -> 4, all 7 held out: no sample counted twice
    [InlineData(9, 1.0, 0.0, 9, 0)]
    public void ByFractions_GivesTheRoundedSizes(int n, double validation, double test, int expectedValidation, int expectedTest)
    {
        DataSplit split = DataSplit.ByFractions(TrainingData.Numbered(n, 2, 1), validation, test, seed: 3);
        Assert.Equal(expectedValidation, split.Validation.Count);
        Assert.Equal(expectedTest, split.Test.Count);
        Assert.Equal(n - expectedValidation - expectedTest, split.Train.Count);
    }

    [Fact]
    public void ByCounts_GivesExactSizes()
    {
        DataSplit split = DataSplit.ByCounts(TrainingData.Numbered(50, 2, 1), 7, 11, seed: 1);
        Assert.Equal((32, 7, 11), (split.Train.Count, split.Validation.Count, split.Test.Count));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Parts_AreDisjointCoverEverySampleAndHoldTheirRows(bool stratify)
    {
        Dataset data = Labelled(new[] { 13, 29, 5 });
        DataSplit split = DataSplit.ByFractions(data, 0.3, 0.2, seed: 11, stratify);
        var all = split.TrainIndices.Concat(split.ValidationIndices).Concat(split.TestIndices).ToList();
        Assert.Equal(data.Count, all.Count);
        Assert.Equal(Enumerable.Range(0, data.Count), all.OrderBy(i => i));
        AssertRows(data, split.Train, split.TrainIndices);
        AssertRows(data, split.Validation, split.ValidationIndices);
        AssertRows(data, split.Test, split.TestIndices);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SameSeed_SameSplit_OtherSeed_OtherSplit(bool stratify)
    {
        Dataset data = Labelled(new[] { 20, 20, 20 });
        DataSplit a = DataSplit.ByFractions(data, 0.2, 0.2, seed: 5, stratify);
        DataSplit b = DataSplit.ByFractions(data, 0.2, 0.2, seed: 5, stratify);
        DataSplit c = DataSplit.ByFractions(data, 0.2, 0.2, seed: 6, stratify);
        Assert.Equal(a.TrainIndices, b.TrainIndices);
        Assert.Equal(a.ValidationIndices, b.ValidationIndices);
        Assert.Equal(a.TestIndices, b.TestIndices);
        Assert.NotEqual(a.ValidationIndices, c.ValidationIndices);
    }

    [Fact]
    public void Split_IsShuffled_NotTheFirstRows()
    {
        DataSplit split = DataSplit.ByCounts(TrainingData.Numbered(100, 1, 1), 20, 0, seed: 2);
        Assert.NotEqual(Enumerable.Range(0, 20), split.ValidationIndices);
        Assert.NotEqual(Enumerable.Range(0, 20), split.ValidationIndices.OrderBy(i => i));
    }

    [Fact]
    public void Stratified_KeepsEachClassShareInEveryPart()
    {
        int[] sizes = { 60, 30, 10 };
        Dataset data = Labelled(sizes);
        for (long seed = 0; seed < 5; seed++)
        {
            DataSplit split = DataSplit.ByFractions(data, 0.2, 0.2, seed, stratify: true);
            AssertProportional(split.Validation, sizes, 100, tolerance: 1);
            AssertProportional(split.Test, sizes, 100, tolerance: 1);
            AssertProportional(split.Train, sizes, 100, tolerance: 2);
        }
    }

    [Fact]
    public void Stratified_SmallClassIsSpreadNotLeftToChance()
    {
        // 4 positives among 40: an unstratified 25 % part may hold none of them for some seed; a stratified one always holds one.
        Dataset data = Labelled(new[] { 36, 4 });
        for (long seed = 0; seed < 50; seed++)
        {
            DataSplit split = DataSplit.ByFractions(data, 0.25, 0.25, seed, stratify: true);
            Assert.Equal(1, Count(split.Validation, 1));
            Assert.Equal(1, Count(split.Test, 1));
            Assert.Equal(2, Count(split.Train, 1));
        }
    }

    [Fact]
    public void Stratified_UsesThresholdLabelsForOneOutput()
    {
        var features = new float[30];
        var targets = new float[30];
        for (int i = 0; i < 30; i++) { features[i] = i; targets[i] = i < 10 ? 1f : 0f; }
        var data = new Dataset(features, targets, 1, 1);
        DataSplit split = DataSplit.ByCounts(data, 15, 0, seed: 9, stratify: true);
        Assert.Equal(5, split.Validation.Targets.ToArray().Count(t => t == 1f));
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        Dataset data = TrainingData.Numbered(10, 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.ByFractions(data, -0.1, 0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.ByFractions(data, 0.1, 1.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.ByFractions(data, 0.6, 0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.ByFractions(data, double.NaN, 0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.ByCounts(data, 6, 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.ByCounts(data, -1, 0, 0));
    }

    /// <summary>Samples of classes 0, 1, ... with the given sizes (one-hot targets), interleaved.</summary>
    private static Dataset Labelled(int[] sizes)
    {
        var labels = new List<int>();
        for (int c = 0; c < sizes.Length; c++) labels.AddRange(Enumerable.Repeat(c, sizes[c]));
        int n = labels.Count, k = sizes.Length;
        var features = new float[n];
        var targets = new float[n * k];
        for (int i = 0; i < n; i++)
        {
            features[i] = i;
            targets[i * k + labels[i]] = 1f;
        }
        return new Dataset(features, targets, 1, k);
    }

    private static int Count(Dataset part, int label)
    {
        int count = 0;
        for (int i = 0; i < part.Count; i++) if (part.Label(i) == label) count++;
        return count;
    }

    private static void AssertProportional(Dataset part, int[] sizes, int total, int tolerance)
    {
        for (int c = 0; c < sizes.Length; c++)
        {
            double expected = (double)part.Count * sizes[c] / total;
            int actual = Count(part, c);
            Assert.True(Math.Abs(actual - expected) <= tolerance, $"class {c}: {actual} samples in a part of {part.Count}, expected about {expected}");
        }
    }

    private static void AssertRows(Dataset data, Dataset part, IReadOnlyList<int> indices)
    {
        Assert.Equal(indices.Count, part.Count);
        for (int i = 0; i < part.Count; i++)
        {
            Assert.Equal(data.FeatureRow(indices[i]).ToArray(), part.FeatureRow(i).ToArray());
            Assert.Equal(data.TargetRow(indices[i]).ToArray(), part.TargetRow(i).ToArray());
        }
    }
}

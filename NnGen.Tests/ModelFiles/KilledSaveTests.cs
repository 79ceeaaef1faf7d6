using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NnGen.Tests.Infrastructure;
using NnGen.Tests.Training;
using Xunit;
using Xunit.Abstractions;

namespace NnGen.Tests.ModelFiles;

/// <summary>
/// A process that saves a model over and over to one path is killed (SIGKILL, no chance to clean up): the file at the
/// path is always a whole model, the one before or the one being written, and loads. Some kills are certain to land
/// inside a save: the child stops there (after writing the temporary file, before the rename; see
/// <see cref="SaveLoop"/>) and says so before it is killed. The others come after seeded random delays, wherever the
/// save loop happens to be.
/// </summary>
public class KilledSaveTests(ITestOutputHelper output)
{
    private const int RandomKills = 12, Seed = 16;

    /// <summary>
    /// Killed inside save k: saves 0 to k - 1 completed (save i writes seed 2 when i is even, seed 1 when odd) and save k
    /// did not, so the path holds exactly the model before: seed 1 (the one saved first) for k = 0, else that of save
    /// k - 1. The whole temporary file is left behind, never renamed.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void A_kill_inside_a_save_leaves_the_model_before_it(int save)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.nngen");
        int[] seed1 = ModelBytes.Snapshot(new LargeFileNet(seed: 1)), seed2 = ModelBytes.Snapshot(new LargeFileNet(seed: 2));
        new LargeFileNet(seed: 1).Save(path);
        long length = new FileInfo(path).Length;

        string temporary;
        using (Process child = ChildProcess.Start(null, SaveLoop.Mode, path, save.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            try
            {
                Assert.Equal("saving", child.StandardOutput.ReadLine());
                string? line = child.StandardOutput.ReadLine();
                Assert.True(line is not null && line.StartsWith(SaveLoop.InsideSave, StringComparison.Ordinal), $"the child wrote '{line}', not that it is inside save {save}");
                temporary = line[SaveLoop.InsideSave.Length..];
                // The child waits inside the save: the temporary file is whole and not yet renamed.
                Assert.Equal(length, new FileInfo(temporary).Length);
            }
            finally
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }
        }

        int[] loaded = ModelBytes.Snapshot(LargeFileNet.Load(path));
        Assert.True(loaded.AsSpan().SequenceEqual(save % 2 == 0 ? seed1 : seed2), $"killed inside save {save}: the path does not hold the model of the save before");
        Assert.Equal(Path.GetDirectoryName(path), Path.GetDirectoryName(temporary));
        Assert.Equal(new[] { "model.nngen", Path.GetFileName(temporary) }.Order(StringComparer.Ordinal), folder.Entries().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KillingAProcessWhileItSaves_NeverLeavesABrokenModel()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.nngen");
        int[] seed1 = ModelBytes.Snapshot(new LargeFileNet(seed: 1)), seed2 = ModelBytes.Snapshot(new LargeFileNet(seed: 2));
        new LargeFileNet(seed: 1).Save(path);
        var random = new Random(Seed);
        int midSave = 0, sawSeed2 = 0;
        var clock = Stopwatch.StartNew();

        for (int kill = 1; kill <= RandomKills; kill++)
        {
            using (Process child = ChildProcess.Start(null, SaveLoop.Mode, path))
            {
                Assert.Equal("saving", child.StandardOutput.ReadLine());
                // Delays from 0 to some ten saves' time: some kills come before the first save completes, most after several.
                System.Threading.Thread.Sleep(random.Next(0, 120));
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }

            // The target is a whole model, the old one or the new one, and it loads.
            int[] loaded = ModelBytes.Snapshot(LargeFileNet.Load(path));
            bool isSeed1 = loaded.AsSpan().SequenceEqual(seed1), isSeed2 = loaded.AsSpan().SequenceEqual(seed2);
            Assert.True(isSeed1 || isSeed2, $"kill {kill}: the file at the path is neither model");
            if (isSeed2) sawSeed2++;

            // A temporary file left behind (any other file) shows the kill came in the middle of a save.
            string[] temporaries = Directory.GetFiles(folder.Path).Where(file => Path.GetFileName(file) != "model.nngen").ToArray();
            if (temporaries.Length > 0) midSave++;
            foreach (string temporary in temporaries) File.Delete(temporary);
            Assert.Equal(new[] { "model.nngen" }, folder.Entries());
        }

        // Where these kills land depends on the machine's speed, so nothing is required of it: the kills certain to land
        // inside a save are A_kill_inside_a_save_leaves_the_model_before_it's.
        string line = $"killed save test: {RandomKills} kills in {clock.Elapsed.TotalSeconds:F1} s, {midSave} in the middle of a save " +
                      $"(temporary file left), the path held the new model after {sawSeed2}; every time a whole model loaded";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}

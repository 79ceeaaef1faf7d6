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
/// A process that saves a model over and over to one path is killed (SIGKILL, no chance to clean up) after a random
/// delay, many times: the file at the path is always a whole model, the one before or the one being written, and loads.
/// </summary>
public class KilledSaveTests(ITestOutputHelper output)
{
    private const int MinimumKills = 12, MaximumKills = 120, WantedMidSave = 3;

    [Fact]
    public void KillingAProcessWhileItSaves_NeverLeavesABrokenModel()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.nngen");
        int[] seed1 = ModelBytes.Snapshot(new LargeFileNet(seed: 1)), seed2 = ModelBytes.Snapshot(new LargeFileNet(seed: 2));
        new LargeFileNet(seed: 1).Save(path);
        var random = new Random();
        int kills = 0, midSave = 0, sawSeed2 = 0;
        var clock = Stopwatch.StartNew();

        while (kills < MinimumKills || ((midSave < WantedMidSave || sawSeed2 < 1) && kills < MaximumKills))
        {
            using (Process child = ChildProcess.Start(null, SaveLoop.Mode, path))
            {
                Assert.Equal("saving", child.StandardOutput.ReadLine());
                // On a busy machine a save takes longer: the delays grow with the kills, so some saves complete.
                System.Threading.Thread.Sleep(random.Next(0, 60 * (1 + kills / 10)));
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }
            kills++;

            // The target is a whole model, the old one or the new one, and it loads.
            int[] loaded = ModelBytes.Snapshot(LargeFileNet.Load(path));
            bool isSeed1 = loaded.AsSpan().SequenceEqual(seed1), isSeed2 = loaded.AsSpan().SequenceEqual(seed2);
            Assert.True(isSeed1 || isSeed2, $"kill {kills}: the file at the path is neither model");
            if (isSeed2) sawSeed2++;

            // A temporary file left behind (any other file) shows the kill came in the middle of a save; a crash may leave one.
            string[] temporaries = Directory.GetFiles(folder.Path).Where(file => Path.GetFileName(file) != "model.nngen").ToArray();
            if (temporaries.Length > 0) midSave++;
            foreach (string temporary in temporaries) File.Delete(temporary);
            Assert.Equal(new[] { "model.nngen" }, folder.Entries());
        }

        string line = $"killed save test: {kills} kills in {clock.Elapsed.TotalSeconds:F1} s, {midSave} in the middle of a save " +
                      $"(temporary file left), the path held the new model after {sawSeed2}; every time a whole model loaded";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(midSave >= 1, line);   // else no kill hit a save, and the test showed nothing
        Assert.True(sawSeed2 >= 1, line);  // the child did complete saves
    }
}

using System;

namespace NnGen.Tests.ModelFiles;

/// <summary>A network of about a million parameters, so that one save writes 4 MB and takes long enough to be interrupted.</summary>
[Network(Loss.MeanSquaredError)]
[Input(1000)]
[Dense(1000)]
public partial class LargeFileNet;

/// <summary>
/// The child process of <see cref="KilledSaveTests"/>: saves <see cref="LargeFileNet"/> of seed 2, then of seed 1,
/// and so on, to one path until it is killed; it writes "saving" before its first save.
/// </summary>
internal static class SaveLoop
{
    public const string Mode = "save-loop";

    public static int Run(string path)
    {
        var networks = new[] { new LargeFileNet(seed: 2), new LargeFileNet(seed: 1) };
        Console.Out.WriteLine("saving");
        Console.Out.Flush();
        for (long i = 0; ; i++) networks[i % 2].Save(path);
    }
}

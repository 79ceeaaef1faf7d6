using System;
using System.Reflection;
using System.Threading;
using NnGen.Internal;

namespace NnGen.Tests.ModelFiles;

/// <summary>A network of about a million parameters, so that one save writes 4 MB and takes long enough to be interrupted.</summary>
[Network(Loss.MeanSquaredError)]
[Input(1000)]
[Dense(1000)]
public partial class LargeFileNet;

/// <summary>
/// The child process of <see cref="KilledSaveTests"/>: saves <see cref="LargeFileNet"/> of seed 2, then of seed 1,
/// and so on, to one path until it is killed; it writes "saving" before its first save. Given a save number k
/// (counted from 0), it stops inside save k instead: once the temporary file is written and flushed and before it is
/// renamed over the path (<see cref="ModelFile.AfterTemporaryWritten"/>), it writes "inside-save PATH" (the
/// temporary file) and waits there to be killed.
/// </summary>
internal static class SaveLoop
{
    public const string Mode = "save-loop";

    /// <summary>What the child writes when it waits inside a save, before the temporary file's path.</summary>
    public const string InsideSave = "inside-save ";

    public static int Run(string path, int? pauseInSave = null)
    {
        var networks = new[] { new LargeFileNet(seed: 2), new LargeFileNet(seed: 1) };
        long save = 0;
        if (pauseInSave is int pause)
        {
            Action<string> hook = temporary =>
            {
                if (save != pause) return;
                Console.Out.WriteLine(InsideSave + temporary);
                Console.Out.Flush();
                Thread.Sleep(Timeout.Infinite);
            };
            typeof(ModelFile).GetProperty("AfterTemporaryWritten", BindingFlags.NonPublic | BindingFlags.Static)!.SetValue(null, hook);
        }
        Console.Out.WriteLine("saving");
        Console.Out.Flush();
        for (; ; save++) networks[save % 2].Save(path);
    }
}

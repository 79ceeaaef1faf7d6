using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace NnGen.Tests.Infrastructure;

/// <summary>
/// Starts this test assembly as a separate process, <c>dotnet NnGen.Tests.dll MODE ...</c> (<see cref="Program"/>
/// dispatches the mode), with the same .NET host and runtime the tests run on: what a fresh clone has after its build.
/// </summary>
internal static class ChildProcess
{
    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (KeyValuePair<string, string> variable in environment) start.Environment[variable.Key] = variable.Value;
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
    }

    /// <summary>Runs a child to its end and returns its standard output; throws with its error output if it fails or hangs.</summary>
    public static string Run(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using Process process = Start(environment, arguments);
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The child process '{string.Join(' ', arguments)}' did not finish in 3 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The child process '{string.Join(' ', arguments)}' exited with {process.ExitCode}:\n{output}\n{error.Result}");
        return output;
    }

    /// <summary>The dotnet host: the one running the tests, else the one beside the runtime's shared folder.</summary>
    private static string DotnetHost()
    {
        string executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && Path.GetFileName(current) == executable) return current;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/, the host in <root>.
        string beside = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", executable));
        return File.Exists(beside) ? beside : executable;
    }
}

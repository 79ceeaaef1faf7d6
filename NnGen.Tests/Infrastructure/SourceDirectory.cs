using System;
using System.IO;
using Xunit.Sdk;

namespace NnGen.Tests.Infrastructure;

/// <summary>
/// Finds the directory of a test's source file from its [CallerFilePath]. When the build mapped source paths
/// (deterministic CI builds write /_/...), the path is re-rooted at the repository found above the test binaries.
/// </summary>
internal static class SourceDirectory
{
    private const string ProjectFolder = "NnGen.Tests";

    public static string Of(string callerFile)
    {
        string? directory = Path.GetDirectoryName(callerFile);
        if (directory is not null && Directory.Exists(directory)) return directory;

        string normalized = callerFile.Replace('\\', '/');
        int project = normalized.LastIndexOf("/" + ProjectFolder + "/", StringComparison.Ordinal);
        if (project >= 0)
        {
            string relative = Path.GetDirectoryName(normalized.Substring(project + 1))!;
            for (var root = new DirectoryInfo(AppContext.BaseDirectory); root is not null; root = root.Parent)
            {
                string candidate = Path.Combine(root.FullName, relative);
                if (File.Exists(Path.Combine(root.FullName, ProjectFolder, ProjectFolder + ".csproj")) && Directory.Exists(candidate))
                    return candidate;
            }
        }
        throw new XunitException($"Cannot find the source directory of '{callerFile}' (from {AppContext.BaseDirectory}).");
    }
}

using System;
using System.Collections.Generic;

namespace NnGen.Samples.Commands
{
    /// <summary>The arguments after the command's name: positional values, and <c>--out folder</c> at most once.</summary>
    internal sealed class CommandLine
    {
        private CommandLine(List<string> positional, string? outFolder)
        {
            Positional = positional;
            OutFolder = outFolder;
        }

        public IReadOnlyList<string> Positional { get; }

        /// <summary>The folder given with <c>--out</c>; null when none was.</summary>
        public string? OutFolder { get; }

        public bool IsEmpty => Positional.Count == 0 && OutFolder is null;

        /// <summary>The first positional value, or <paramref name="fallback"/>.</summary>
        public string FirstOr(string fallback) => Positional.Count > 0 ? Positional[0] : fallback;

        /// <summary>Parses <paramref name="args"/>; null when they are malformed (an option without its value, twice, or unknown).</summary>
        public static CommandLine? Parse(ReadOnlySpan<string> args)
        {
            var positional = new List<string>();
            string? outFolder = null;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--out")
                {
                    if (outFolder is not null || i + 1 >= args.Length) return null;
                    outFolder = args[++i];
                }
                else if (args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    return null;
                }
                else
                {
                    positional.Add(args[i]);
                }
            }
            return new CommandLine(positional, outFolder);
        }
    }
}

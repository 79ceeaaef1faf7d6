using System;
using NnGen.Generator.Model;

namespace NnGen.Generator.Parsing.Weights
{
    /// <summary>
    /// Finds the AdditionalFiles item a <c>Weights</c> path names: the item's full path, with '\' as '/', equals the path
    /// (a leading "./" dropped) or ends with '/' and the path, so whole folder names match (case-sensitive). Where several
    /// items match, the first in the project's order is taken.
    /// </summary>
    internal static class WeightsPath
    {
        public static WeightsFile? Find(string requested, EquatableArray<WeightsFile> files)
        {
            string wanted = Normalize(requested);
            while (wanted.StartsWith("./", StringComparison.Ordinal)) wanted = wanted.Substring(2);
            if (wanted.Length == 0) return null;
            foreach (WeightsFile file in files)
            {
                string path = Normalize(file.Path);
                if (path == wanted || (path.EndsWith(wanted, StringComparison.Ordinal) && path[path.Length - wanted.Length - 1] == '/'))
                    return file;
            }
            return null;
        }

        public static string Normalize(string path) => path.Replace('\\', '/');
    }
}

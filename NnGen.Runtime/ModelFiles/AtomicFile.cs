using System;
using System.ComponentModel;
using System.IO;

namespace NnGen.Internal
{
    /// <summary>Writes a file so that a crash never leaves a half-written one where a good one was (model files, ONNX exports).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class AtomicFile
    {
        /// <summary>
        /// Writes <paramref name="bytes"/> to a temporary file beside <paramref name="path"/> (same file system, so the
        /// rename is atomic), flushes it to disk, then renames it over the target; on any error the temporary file is
        /// deleted and the target is as it was. <paramref name="afterTemporaryWritten"/> is a test hook.
        /// </summary>
        public static void Write(string path, ReadOnlySpan<byte> bytes, Action<string>? afterTemporaryWritten = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            string fullPath = Path.GetFullPath(path);
            // A short name beside the target, whatever the target's length.
            string temporary = Path.Combine(Path.GetDirectoryName(fullPath) ?? ".", ".nngen-" + Guid.NewGuid().ToString("N")[..12] + ".tmp");
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    file.Write(bytes);
                    file.Flush(flushToDisk: true);
                }
                afterTemporaryWritten?.Invoke(temporary);
                File.Move(temporary, fullPath, overwrite: true);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        private static void TryDelete(string path)
        {
            try { File.Delete(path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}

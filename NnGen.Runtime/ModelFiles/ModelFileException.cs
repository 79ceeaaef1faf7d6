using System.IO;


namespace NnGen
{
    /// <summary>Why a model file was refused.</summary>
    public enum ModelFileError
    {
        /// <summary>The file does not start with NnGen's magic bytes.</summary>
        NotAModelFile,
        /// <summary>The file was written by a newer, unknown format version.</summary>
        UnsupportedVersion,
        /// <summary>The file holds another network (its signature or sizes differ).</summary>
        WrongNetwork,
        /// <summary>The file ends before its declared content.</summary>
        Truncated,
        /// <summary>The checksum does not match: the file was damaged.</summary>
        Corrupted,
    }

    /// <summary>A model file was refused; nothing was loaded. <see cref="Error"/> says why.</summary>
    public sealed class ModelFileException : IOException
    {
        /// <summary>Creates the exception for <paramref name="error"/>.</summary>
        public ModelFileException(ModelFileError error, string message) : base(message) => Error = error;

        /// <summary>Why the file was refused.</summary>
        public ModelFileError Error { get; }
    }
}

using System;
using System.Text;

namespace NnGen.Generator.Emitting
{
    /// <summary>Writes source text line by line with four-space indentation and brace-delimited blocks.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        public IndentedWriter Line(string line = "")
        {
            if (line.Length > 0) _text.Append(' ', 4 * _depth).Append(line);
            _text.Append('\n');
            return this;
        }

        /// <summary>Writes each line of a multi-line fragment (a raw string) at the current indentation.</summary>
        public IndentedWriter Lines(string fragment)
        {
            foreach (string line in fragment.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
                Line(line);
            return this;
        }

        /// <summary>Writes the header line and an opening brace; disposing the result closes the block.</summary>
        public Block Open(string header)
        {
            Line(header).Line("{");
            _depth++;
            return new Block(this);
        }

        public override string ToString() => _text.ToString();

        internal readonly struct Block : IDisposable
        {
            private readonly IndentedWriter _writer;

            public Block(IndentedWriter writer) => _writer = writer;

            public void Dispose()
            {
                _writer._depth--;
                _writer.Line("}");
            }
        }
    }
}

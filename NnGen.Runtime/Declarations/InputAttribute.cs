using System;

namespace NnGen
{
    /// <summary>Declares the number of input features of a network.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class InputAttribute : Attribute
    {
        /// <summary>Declares <paramref name="size"/> input features.</summary>
        public InputAttribute(int size) => Size = size;

        /// <summary>The number of input features.</summary>
        public int Size { get; }
    }
}

// This file is linked into NnGen.Generator as well: the generator reads attribute arguments as these enums.
namespace NnGen
{
    /// <summary>How a layer's weights are initialized (fanIn = inputs of the layer, fanOut = its units). Biases start at 0.</summary>
    public enum Init
    {
        /// <summary>All weights 0.</summary>
        Zeros = 0,
        /// <summary>All weights 1.</summary>
        Ones = 1,
        /// <summary>All weights InitScale.</summary>
        Constant = 2,
        /// <summary>Uniform in [-InitScale, InitScale) (default 0.05).</summary>
        Uniform = 3,
        /// <summary>Normal with standard deviation InitScale (default 0.05).</summary>
        Normal = 4,
        /// <summary>Uniform in +-sqrt(3 / fanIn).</summary>
        LeCunUniform = 5,
        /// <summary>Normal with standard deviation sqrt(1 / fanIn).</summary>
        LeCunNormal = 6,
        /// <summary>Uniform in +-sqrt(6 / (fanIn + fanOut)).</summary>
        GlorotUniform = 7,
        /// <summary>Normal with standard deviation sqrt(2 / (fanIn + fanOut)).</summary>
        GlorotNormal = 8,
        /// <summary>Uniform in +-sqrt(6 / fanIn).</summary>
        HeUniform = 9,
        /// <summary>Normal with standard deviation sqrt(2 / fanIn).</summary>
        HeNormal = 10,
    }
}

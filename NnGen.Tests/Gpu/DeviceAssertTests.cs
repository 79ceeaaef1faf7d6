using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.Gpu;

/// <summary>
/// The device comparisons fail on a NaN or an infinity in either vector, wherever it sits. A NaN in the CPU result
/// makes the vector's scale, and so every tolerance, NaN, which no error is within; an infinity there made every
/// tolerance infinite, and then any finite device vector passed (fixed in ElementwiseAssert, which now fails an
/// infinite expected value or tolerance).
/// </summary>
public sealed class DeviceAssertTests
{
    private static float[] Values() => new[] { 0.5f, -1.25f, 2f, 0.125f, -3f };

    [Fact]
    public void Equal_vectors_pass()
    {
        DeviceAssert.Close("case", Values(), Values());
        DeviceAssert.CloseChanges("case", new float[5], Values(), Values());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_NaN_on_either_side_fails_wherever_it_is(int at)
    {
        float[] withNaN = Values();
        withNaN[at] = float.NaN;
        Assert.Throws<XunitException>(() => DeviceAssert.Close("case", Values(), withNaN));
        Assert.Throws<XunitException>(() => DeviceAssert.Close("case", withNaN, Values()));
        Assert.Throws<XunitException>(() => DeviceAssert.CloseChanges("case", new float[5], Values(), withNaN));
        Assert.Throws<XunitException>(() => DeviceAssert.CloseChanges("case", new float[5], withNaN, Values()));
    }

    [Fact]
    public void An_infinity_fails()
    {
        float[] withInfinity = Values();
        withInfinity[1] = float.PositiveInfinity;
        Assert.Throws<XunitException>(() => DeviceAssert.Close("case", Values(), withInfinity));
        Assert.Throws<XunitException>(() => DeviceAssert.Close("case", withInfinity, Values()));
    }
}

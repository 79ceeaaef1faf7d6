using System.IO;
using Xunit;

namespace NnGen.Tests.ModelFiles;

[Network(Loss.MeanSquaredError)] [Input(3)] [Maxout(4, 2)] [Dense(2)] public partial class MaxoutTwoPiecesFileNet;
[Network(Loss.MeanSquaredError)] [Input(3)] [Maxout(4, 3)] [Dense(2)] public partial class MaxoutThreePiecesFileNet;

/// <summary>A maxout network's file round-trips, and a file of another maxout shape (other pieces) is refused, loading nothing.</summary>
public sealed class MaxoutModelFileTests
{
    [Fact]
    public void A_maxout_network_round_trips_and_a_file_of_other_pieces_is_another_network()
    {
        var two = new MaxoutTwoPiecesFileNet(seed: 1);
        using var stream = new MemoryStream();
        two.Save(stream);
        byte[] bytes = stream.ToArray();

        MaxoutTwoPiecesFileNet copy = MaxoutTwoPiecesFileNet.Load(new MemoryStream(bytes));
        Assert.Equal(two.Parameters, copy.Parameters);
        Assert.NotEqual(MaxoutTwoPiecesFileNet.ModelSignature, MaxoutThreePiecesFileNet.ModelSignature);

        var three = new MaxoutThreePiecesFileNet(seed: 2);
        float[] before = (float[])three.Parameters.Clone();
        var error = Assert.Throws<ModelFileException>(() => three.LoadFrom(new MemoryStream(bytes)));
        Assert.Equal(ModelFileError.WrongNetwork, error.Error);
        Assert.Equal(before, three.Parameters);
    }
}

using System;
using System.IO;
using NnGen.Tests.Training;
using Xunit;

namespace NnGen.Tests.ModelFiles;

public class AtomicSaveTests
{
    [Fact]
    public void SavingOverAGoodFile_ReplacesIt_AndLeavesNoTemporaryFile()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.nngen");
        INetwork first = ModelBytes.Trained("TinyFileNet", seed: 1), second = ModelBytes.Trained("TinyFileNet", seed: 2);
        TestNetworks.Save(first, path);
        TestNetworks.Save(second, path);
        TestNetworks.Save(second, path);
        Assert.Equal(new[] { "model.nngen" }, folder.Entries());
        Assert.Equal(ModelBytes.Save(second), File.ReadAllBytes(path));
    }

    [Fact]
    public void SavingIntoAMissingFolder_Throws_AndCreatesNothing()
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, "missing", "model.nngen");
        Assert.Throws<DirectoryNotFoundException>(() => TestNetworks.Save(TestNetworks.TinyFileNet(), path));
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void SavingOntoAFolder_Throws_LeavesTheFolderAndItsModelIntact_AndNoTemporaryFile()
    {
        using var folder = new TemporaryFolder();
        string target = folder.File("model.nngen");
        Directory.CreateDirectory(target);
        string inside = Path.Combine(target, "good.nngen");
        INetwork good = ModelBytes.Trained("TinyFileNet", seed: 1);
        TestNetworks.Save(good, inside);
        byte[] goodBytes = File.ReadAllBytes(inside);

        Exception error = Assert.ThrowsAny<Exception>(() => TestNetworks.Save(ModelBytes.Trained("TinyFileNet", seed: 2), target));
        Assert.True(error is IOException or UnauthorizedAccessException, error.ToString());

        Assert.Equal(new[] { "model.nngen" }, folder.Entries());
        Assert.True(Directory.Exists(target));
        Assert.Equal(goodBytes, File.ReadAllBytes(inside));
        Assert.Equal(ModelBytes.Snapshot(good), ModelBytes.Snapshot(TestNetworks.Load("TinyFileNet", inside)));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(200)]
    [InlineData(230)]
    [InlineData(255)]
    public void AFailedOrSucceededSave_LeavesTheOldOrTheNewModel_NeverABrokenOne(int nameLength)
    {
        // Whatever happens to a save, the target holds a whole model (old or new) and no temporary file stays.
        using var folder = new TemporaryFolder();
        string name = new string('m', nameLength - 6) + ".nngen";
        string path = folder.File(name);
        INetwork oldModel = ModelBytes.Trained("TinyFileNet", seed: 1), newModel = ModelBytes.Trained("TinyFileNet", seed: 2);
        File.WriteAllBytes(path, ModelBytes.Save(oldModel));

        bool saved;
        try
        {
            TestNetworks.Save(newModel, path);
            saved = true;
        }
        catch (IOException)
        {
            saved = false;
        }

        Assert.Equal(new[] { name }, folder.Entries());
        Assert.Equal(ModelBytes.Save(saved ? newModel : oldModel), File.ReadAllBytes(path));
    }

    /// <summary>
    /// Bug (NnGen.Runtime/ModelFiles/ModelFile.cs, WriteAtomically): the temporary file is named
    /// target + ".tmp-" + process id + "-" + 32 hex digits, about 45 characters longer than the target's own
    /// name, so saving to a valid file name of more than about 210 characters fails with "File name too long"
    /// (the file system's limit is 255 bytes per name), although writing the file directly would work.
    /// A fix: a short temporary name, e.g. "." + 8 random hex digits + ".tmp" in the same folder.
    /// </summary>
    [Fact]
    public void SaveToALongButValidFileName_Succeeds()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File(new string('m', 240) + ".nngen");
        File.WriteAllBytes(path, Array.Empty<byte>());   // the name itself is valid here
        INetwork network = ModelBytes.Trained("TinyFileNet", seed: 1);
        TestNetworks.Save(network, path);
        Assert.Equal(ModelBytes.Save(network), File.ReadAllBytes(path));
    }
}

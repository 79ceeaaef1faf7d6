namespace NnGen.Tests;

/// <summary>
/// The entry point when a test starts this assembly as a child process, <c>dotnet NnGen.Tests.dll MODE ...</c>
/// (see <see cref="Infrastructure.ChildProcess"/>); the test runner itself never calls it.
/// </summary>
internal static class Program
{
    public static int Main(string[] args) => args.Length == 0 ? 0 : args[0] switch
    {
        ModelFiles.SaveLoop.Mode when args.Length == 2 => ModelFiles.SaveLoop.Run(args[1]),
        ModelFiles.SaveLoop.Mode when args.Length == 3 => ModelFiles.SaveLoop.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
        Learning.DeterminismProbe.Mode => Learning.DeterminismProbe.Print(),
        _ => 2,
    };
}

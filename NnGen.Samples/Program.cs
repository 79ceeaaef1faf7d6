using System;
using System.IO;
using NnGen.Samples.Commands;
using NnGen.Samples.DataSets;

// dotnet run --project NnGen.Samples [-- command [arguments]]: trains one sample network and prints its progress.
string command = args.Length == 0 ? "digits" : args[0];
CommandLine? line = CommandLine.Parse(args.AsSpan(Math.Min(1, args.Length)));
if (line is null) return Usage();
return command switch
{
    // digits [model path] or digits --out folder: the plots go beside the model
    "digits" when line.Positional.Count == 0 || (line.Positional.Count == 1 && line.OutFolder is null) =>
        DigitsCommand.Run(line.FirstOr(Path.Combine(line.OutFolder ?? "", DigitsCommand.DefaultModelPath))),
    "fashion" when line.Positional.Count <= 1 => FashionCommand.Run(line.FirstOr(FashionMnist.DefaultDirectory), line.OutFolder ?? "."),
    "toy" when line.IsEmpty => ToyCommand.Run(),
    "xor" when line.IsEmpty => XorCommand.Run(),
    "maxout-digits" when line.IsEmpty => MaxoutDigitsCommand.Run(),
    "regression" when line.IsEmpty => RegressionCommand.Run(),
    "iris" when line.IsEmpty => IrisCommand.Run(),
    "breast-cancer" when line.IsEmpty => BreastCancerCommand.Run(),
    "gpu" when line.IsEmpty => GpuCommand.Run(),
    "help" or "-h" or "--help" => Usage(exitCode: 0),
    _ => Usage(),
};

static int Usage(int exitCode = 2)
{
    var output = exitCode == 0 ? Console.Out : Console.Error;
    output.WriteLine("usage: dotnet run -c Release --project NnGen.Samples -- [command]");
    output.WriteLine("  digits [model path]       64 -> 128 -> 64 (BatchNorm, ReLU) -> 10 MLP on the 8x8 hand-written digits (the default");
    output.WriteLine("  digits --out folder       command); saves the model (default digits.nngen, or folder/digits.nngen), reloads and");
    output.WriteLine("                            tests it, and writes digits-curves.png and digits-confusion.png beside it");
    output.WriteLine("  fashion [data folder]     784 -> 256 -> 128 -> 100 (ReLU) -> 10 MLP on Fashion-MNIST, read from the folder");
    output.WriteLine("          [--out folder]    (default " + FashionMnist.DefaultDirectory + ", Debian's dataset-fashion-mnist);");
    output.WriteLine("                            writes fashion.nngen, fashion-curves.png and fashion-confusion.png to the out folder (default .)");
    output.WriteLine("  toy                       4 -> 2 softmax layer on the 16-point toy set");
    output.WriteLine("  xor                       2 -> 4 (tanh) -> 1 (sigmoid) network learning XOR");
    output.WriteLine("  maxout-digits             64 -> 64 (Maxout of 2 pieces) -> 10 (softmax) on the 8x8 hand-written digits");
    output.WriteLine("  regression                [2, 3, 1] network fitting y = sin(x0) + 0.5 tanh(x1)");
    output.WriteLine("  iris                      4 -> 8 (tanh) -> 3 MLP on the iris flowers");
    output.WriteLine("  breast-cancer             30 -> 16 (ReLU) -> 1 (sigmoid) MLP on Wisconsin breast cancer");
    output.WriteLine("  gpu                       a dense digits MLP trained with ILGPU: on CUDA if present, else ILGPU's CPU accelerator");
    output.WriteLine("On a terminal training shows a live progress display; redirected, it prints one plain line per epoch.");
    return exitCode;
}

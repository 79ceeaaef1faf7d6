using System;
using NnGen.Samples.Commands;

// dotnet run --project NnGen.Samples [-- command [model path]]: trains one sample network and prints its progress.
string command = args.Length == 0 ? "digits" : args[0];
if (args.Length > (command == "digits" ? 2 : 1)) return Usage();
return command switch
{
    "digits" => DigitsCommand.Run(args.Length > 1 ? args[1] : DigitsCommand.DefaultModelPath),
    "toy" => ToyCommand.Run(),
    "xor" => XorCommand.Run(),
    "regression" => RegressionCommand.Run(),
    "iris" => IrisCommand.Run(),
    "breast-cancer" => BreastCancerCommand.Run(),
    "help" or "-h" or "--help" => Usage(exitCode: 0),
    _ => Usage(),
};

static int Usage(int exitCode = 2)
{
    var output = exitCode == 0 ? Console.Out : Console.Error;
    output.WriteLine("usage: dotnet run -c Release --project NnGen.Samples -- [command]");
    output.WriteLine("  digits [path]  64 -> 128 -> 64 (BatchNorm, ReLU) -> 10 MLP on the 8x8 hand-written digits (default);");
    output.WriteLine("                 saves the trained model to path (default digits.nngen), reloads it and tests the copy");
    output.WriteLine("  toy            4 -> 2 softmax layer on the 16-point toy set");
    output.WriteLine("  xor            2 -> 4 (tanh) -> 1 (sigmoid) network learning XOR");
    output.WriteLine("  regression     [2, 3, 1] network fitting y = sin(x0) + 0.5 tanh(x1)");
    output.WriteLine("  iris           4 -> 8 (tanh) -> 3 MLP on the iris flowers");
    output.WriteLine("  breast-cancer  30 -> 16 (ReLU) -> 1 (sigmoid) MLP on Wisconsin breast cancer");
    return exitCode;
}

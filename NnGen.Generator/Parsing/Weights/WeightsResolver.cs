using System;
using System.Linq;
using NnGen.Generator.Diagnostics;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Parsing.Weights
{
    /// <summary>A network that names a weights file: its plan (what the file must match) and the site of its Weights argument.</summary>
    internal sealed record WeightsRequest(NetworkPlan Plan, DiagnosticSite Site);

    /// <summary>
    /// The weights step's output: the weights file to emit (hint name, plan, path and bits) or the diagnostic that says
    /// why there is none. Values only, so that equal files give equal outcomes and the emission caches.
    /// </summary>
    internal sealed record WeightsOutcome(NetworkPlan Plan, string? HintName, string Path, EquatableArray<uint> ParameterBits, EquatableArray<uint> StateBits, DiagnosticInfo? Diagnostic);

    /// <summary>Finds a network's weights file among the AdditionalFiles, reads it by its kind and checks it against the plan.</summary>
    internal static class WeightsResolver
    {
        public static WeightsOutcome Resolve(WeightsRequest request, EquatableArray<WeightsFile> files, string? hintName)
        {
            NetworkPlan plan = request.Plan;
            string path = plan.Network.Weights!;
            WeightsOutcome Report(DiagnosticInfo diagnostic) => new(plan, hintName, path, EquatableArray<uint>.Empty, EquatableArray<uint>.Empty, diagnostic);

            if (!WeightsFile.IsWeightsPath(path))
                return Report(DiagnosticInfo.At(DiagnosticDescriptors.WeightsFileDamaged, request.Site, path,
                    $"NnGen reads weights from {WeightsFile.NnGenExtension} model files and {WeightsFile.OnnxExtension} files only"));
            WeightsFile? file = WeightsPath.Find(path, files);
            if (file is null)
                return Report(DiagnosticInfo.At(DiagnosticDescriptors.WeightsFileMissing, request.Site, path));
            if (file.ReadError is not null)
                return Report(DiagnosticInfo.At(DiagnosticDescriptors.WeightsFileDamaged, request.Site, path, $"reading '{file.Path}' failed ({file.ReadError})"));

            byte[] bytes = file.Bytes.AsImmutableArray().ToArray();
            WeightsReadResult result = file.Path.EndsWith(WeightsFile.OnnxExtension, StringComparison.OrdinalIgnoreCase)
                ? OnnxWeights.Read(bytes, plan)
                : NnGenWeights.Read(bytes, plan);
            switch (result.Problem)
            {
                case WeightsProblem.WrongNetwork:
                    return Report(DiagnosticInfo.At(DiagnosticDescriptors.WeightsFileOfAnotherNetwork, request.Site, path, plan.FullName, result.Message));
                case WeightsProblem.Damaged:
                    return Report(DiagnosticInfo.At(DiagnosticDescriptors.WeightsFileDamaged, request.Site, path, result.Message));
            }
            if (result.ParameterBits.Count != plan.ParameterCount || result.StateBits.Count != plan.StateCount)
                return Report(DiagnosticInfo.At(DiagnosticDescriptors.WeightsFileOfAnotherNetwork, request.Site, path, plan.FullName,
                    $"it gives {result.ParameterBits.Count} parameters and {result.StateBits.Count} state values, but the network has {plan.ParameterCount} and {plan.StateCount}"));
            return new WeightsOutcome(plan, hintName, path, result.ParameterBits, result.StateBits, null);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NnGen.Tests.Optimizers;

/// <summary>
/// Hyper-parameter settings for every optimizer, each paired with its double-precision published rule.
/// The optimizer receives each value rounded to float; the rule uses the double as written.
/// </summary>
internal static class OptimizerCases
{
    public sealed record Case(Func<IOptimizer> Create, Func<IReferenceRule> Reference);

    public static readonly IReadOnlyDictionary<string, Case> All = new Dictionary<string, Case>
    {
        ["sgd"] = new(() => new Sgd(0.1f), () => new SgdRule(0.1)),
        ["sgd-weight-decay"] = new(() => new Sgd(0.1f, weightDecay: 0.05f), () => new SgdRule(0.1, weightDecay: 0.05)),
        ["sgd-momentum"] = new(() => new Sgd(0.05f, 0.9f), () => new SgdRule(0.05, 0.9)),
        ["sgd-nesterov"] = new(() => new Sgd(0.05f, 0.9f, nesterov: true), () => new SgdRule(0.05, 0.9, nesterov: true)),
        ["sgd-nesterov-weight-decay"] = new(() => new Sgd(0.02f, 0.5f, true, 0.1f), () => new SgdRule(0.02, 0.5, true, 0.1)),
        ["sgd-momentum-weight-decay"] = new(() => new Sgd(0.03f, 0.99f, weightDecay: 0.001f), () => new SgdRule(0.03, 0.99, weightDecay: 0.001)),
        ["rmsprop-defaults"] = new(() => new RmsProp(), () => new RmsPropRule()),
        ["rmsprop-momentum"] = new(() => new RmsProp(0.001f, 0.9f, 1e-6f, 0.9f), () => new RmsPropRule(0.001, 0.9, 1e-6, 0.9)),
        ["rmsprop-lr-momentum"] = new(() => new RmsProp(0.003f, momentum: 0.5f), () => new RmsPropRule(0.003, momentum: 0.5)),
        ["rmsprop-alpha-zero"] = new(() => new RmsProp(0.02f, alpha: 0f, epsilon: 1e-3f), () => new RmsPropRule(0.02, 0, 1e-3)),
        ["rmsprop-large-epsilon"] = new(() => new RmsProp(0.05f, 0.6f, 0.3f, 0.2f), () => new RmsPropRule(0.05, 0.6, 0.3, 0.2)),
        ["adam-defaults"] = new(() => new Adam(), () => new AdamRule(false)),
        ["adam-weight-decay"] = new(() => new Adam(0.01f, 0.8f, 0.99f, 1e-6f, 0.1f), () => new AdamRule(false, 0.01, 0.8, 0.99, 1e-6, 0.1)),
        ["adam-large-epsilon"] = new(() => new Adam(0.05f, 0.5f, 0.75f, 0.5f, 0.02f), () => new AdamRule(false, 0.05, 0.5, 0.75, 0.5, 0.02)),
        ["adam-beta1-zero"] = new(() => new Adam(0.002f, 0f, 0.9f), () => new AdamRule(false, 0.002, 0, 0.9)),
        ["adamw-defaults"] = new(() => new AdamW(), () => new AdamRule(true, weightDecay: 0.01)),
        ["adamw-weight-decay"] = new(() => new AdamW(0.05f, 0.85f, 0.95f, weightDecay: 0.1f), () => new AdamRule(true, 0.05, 0.85, 0.95, weightDecay: 0.1)),
        ["adamw-large-epsilon"] = new(() => new AdamW(0.05f, 0.7f, 0.8f, 0.25f, 0.5f), () => new AdamRule(true, 0.05, 0.7, 0.8, 0.25, 0.5)),
        ["adamw-no-decay"] = new(() => new AdamW(0.01f, weightDecay: 0f), () => new AdamRule(true, 0.01, weightDecay: 0)),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in All.Keys.OrderBy(n => n, StringComparer.Ordinal)) data.Add(name);
        return data;
    }
}

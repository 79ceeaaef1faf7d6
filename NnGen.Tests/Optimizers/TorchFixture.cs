using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NnGen.Tests.Optimizers;

/// <summary>
/// Reads Reference/Fixtures/torch_optimizers.json, written by torch_optimizers.py with torch.optim
/// (CI has no torch: the tests read only the committed file).
/// </summary>
internal static class TorchFixture
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "Fixtures", "torch_optimizers.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    });

    public static float[] Initial => Floats(Root.Value.GetProperty("initial"));

    public static float[][] Gradients => Root.Value.GetProperty("gradients").EnumerateArray().Select(Floats).ToArray();

    public static JsonElement Optimizer(string name) => Find("optimizers", name);

    public static JsonElement Schedule(string name) => Find("schedules", name);

    public static string[] Names(string section)
        => Root.Value.GetProperty(section).EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();

    public static float[] Floats(JsonElement array) => array.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();

    /// <summary>Builds the NnGen optimizer for a fixture case; absent arguments keep NnGen's defaults, which are torch's.</summary>
    public static IOptimizer CreateOptimizer(JsonElement entry)
    {
        JsonElement a = entry.GetProperty("args");
        float F(string key, float fallback) => a.TryGetProperty(key, out JsonElement v) ? (float)v.GetDouble() : fallback;
        float Beta(int index, float fallback) => a.TryGetProperty("betas", out JsonElement v) ? (float)v[index].GetDouble() : fallback;
        bool nesterov = a.TryGetProperty("nesterov", out JsonElement n) && n.GetBoolean();
        return entry.GetProperty("optimizer").GetString() switch
        {
            "SGD" => new Sgd(F("lr", float.NaN), F("momentum", 0f), nesterov, F("weight_decay", 0f)),
            "RMSprop" => a.EnumerateObject().Any() ? new RmsProp(F("lr", 0.01f), F("alpha", 0.99f), F("eps", 1e-8f), F("momentum", 0f)) : new RmsProp(),
            "Adam" => a.EnumerateObject().Any() ? new Adam(F("lr", 1e-3f), Beta(0, 0.9f), Beta(1, 0.999f), F("eps", 1e-8f), F("weight_decay", 0f)) : new Adam(),
            "AdamW" => a.EnumerateObject().Any() ? new AdamW(F("lr", 1e-3f), Beta(0, 0.9f), Beta(1, 0.999f), F("eps", 1e-8f), F("weight_decay", 0.01f)) : new AdamW(),
            var other => throw new InvalidOperationException($"Unknown optimizer {other} in the fixture."),
        };
    }

    private static JsonElement Find(string section, string name)
        => Root.Value.GetProperty(section).EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
}

using System.Text.Json.Serialization;

namespace NnGen.Samples.Service
{
    /// <summary>The body of <c>POST /predict</c>: <c>{"samples": [[64 pixel values], ...]}</c>.</summary>
    /// <remarks>
    /// The server parses requests itself with <see cref="PredictRequestParser"/> (for precise messages); this type is the
    /// contract, and the load test serializes its requests with it.
    /// </remarks>
    public sealed class PredictRequest
    {
        [JsonPropertyName("samples")]
        public float[][] Samples { get; set; } = [];
    }

    /// <summary>One sample's answer: the most probable class (first maximum on ties) and the 10 probabilities.</summary>
    public sealed class Prediction
    {
        [JsonPropertyName("class")]
        public int Class { get; set; }

        [JsonPropertyName("probabilities")]
        public float[] Probabilities { get; set; } = [];
    }

    /// <summary>The answer of <c>POST /predict</c>, one prediction per sample in the order of the request.</summary>
    public sealed class PredictResponse
    {
        [JsonPropertyName("predictions")]
        public Prediction[] Predictions { get; set; } = [];
    }

    /// <summary>The body of every 400: <c>{"error": "..."}</c>.</summary>
    public sealed class ErrorResponse
    {
        [JsonPropertyName("error")]
        public string Error { get; set; } = "";
    }

    /// <summary>The answer of <c>GET /health</c>.</summary>
    public sealed class HealthResponse
    {
        [JsonPropertyName("status")]
        public string Status { get; set; } = "ok";

        [JsonPropertyName("parameters")]
        public int Parameters { get; set; }
    }

    /// <summary>Source-generated JSON for every type the service reads or writes: no reflection, NativeAOT-safe.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(PredictRequest))]
    [JsonSerializable(typeof(PredictResponse))]
    [JsonSerializable(typeof(ErrorResponse))]
    [JsonSerializable(typeof(HealthResponse))]
    public sealed partial class ServiceJsonContext : JsonSerializerContext;
}

using System;
using System.Globalization;
using System.Text.Json;

namespace NnGen.Samples.Service
{
    /// <summary>What <see cref="PredictRequestParser.Parse"/> found: the scaled inputs of every sample, or why the request is refused.</summary>
    /// <param name="Inputs">Row-major <c>Count * 64</c> network inputs (pixel values multiplied by 1/16); empty on error.</param>
    /// <param name="Count">The number of samples; 0 on error.</param>
    /// <param name="Error">Why the request is refused (the message of the 400), or null.</param>
    public readonly record struct ParsedRequest(float[] Inputs, int Count, string? Error)
    {
        public bool IsValid => Error is null;
    }

    /// <summary>
    /// Checks and parses the body of <c>POST /predict</c>, <c>{"samples": [[64 numbers], ...]}</c>, with no server and no
    /// reflection (a <see cref="Utf8JsonReader"/> over the bytes), so that every refusal names what is wrong and where.
    /// </summary>
    /// <remarks>
    /// Accepted: one JSON object whose only property is <c>samples</c>, an array of 1 to <see cref="MaxSamples"/> samples,
    /// each an array of exactly <see cref="InputSize"/> JSON numbers between <see cref="MinPixel"/> and
    /// <see cref="MaxPixel"/> (the digits' pixel range; fractions allowed). Refused: an empty body, invalid JSON, another
    /// shape, a string or any other token where a number belongs (JSON has no NaN or Infinity literal; "NaN" as a string
    /// is refused as a string), a number beyond float's range (1e39), a value outside the pixel range, a wrong sample
    /// length, no samples or too many. Each value is scaled as NnGen.Samples' <c>digits</c> command scales its data:
    /// <c>value * (1f / 16f)</c>.
    /// </remarks>
    public static class PredictRequestParser
    {
        public const int InputSize = DigitsNet.InputSize;
        public const int MaxSamples = 256;
        public const int MaxBodyBytes = 1 << 20;
        public const float MinPixel = 0f;
        public const float MaxPixel = 16f;
        public const float PixelScale = 1f / 16f;

        private const string Shape = "expected {samples: [[64 numbers from 0 to 16], ...]}";

        /// <summary>The message of the 400 for a body over <see cref="MaxBodyBytes"/>.</summary>
        public static string BodyTooLarge(long? declaredLength)
            => declaredLength is long length
                ? string.Create(CultureInfo.InvariantCulture, $"The request body ({length} bytes) is larger than the limit of {MaxBodyBytes} bytes (1 MiB).")
                : string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the limit of {MaxBodyBytes} bytes (1 MiB).");

        /// <summary>Parses and checks <paramref name="body"/>; see the class remarks for what is accepted.</summary>
        public static ParsedRequest Parse(ReadOnlySpan<byte> body)
        {
            if (body.Length > MaxBodyBytes) return Fail(BodyTooLarge(body.Length));
            if (IsBlank(body)) return Fail($"The request body is empty; {Shape}.");
            try
            {
                return ParseJson(body);
            }
            catch (JsonException e)
            {
                return Fail($"The request body is not valid JSON ({FirstSentence(e.Message)}); {Shape}.");
            }
        }

        private static ParsedRequest ParseJson(ReadOnlySpan<byte> body)
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject) return Fail($"The request body is a JSON {Describe(reader.TokenType)}; {Shape}.");
            float[]? inputs = null;
            int count = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("samples"u8)) return Fail($"Unknown property '{reader.GetString()}'; {Shape}.");
                if (inputs is not null) return Fail($"The property 'samples' appears twice; {Shape}.");
                reader.Read();
                ParsedRequest samples = ParseSamples(ref reader);
                if (!samples.IsValid) return samples;
                (inputs, count) = (samples.Inputs, samples.Count);
            }
            // The reader throws (invalid JSON) on anything after the object but whitespace.
            while (reader.Read()) { }
            if (inputs is null) return Fail($"The request has no 'samples'; {Shape}.");
            return new ParsedRequest(inputs, count, null);
        }

        private static ParsedRequest ParseSamples(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray) return Fail($"'samples' is a JSON {Describe(reader.TokenType)}; {Shape}.");
            float[] inputs = new float[InputSize * 4];
            int count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == MaxSamples) return Fail(Invariant($"Too many samples: at most {MaxSamples} per request."));
                if (reader.TokenType != JsonTokenType.StartArray)
                    return Fail(Invariant($"Sample {count} is a JSON {Describe(reader.TokenType)}; each sample is an array of {InputSize} numbers."));
                if (inputs.Length < (count + 1) * InputSize) Array.Resize(ref inputs, Math.Min(inputs.Length * 2, MaxSamples * InputSize));
                int offset = count * InputSize, length = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (length == InputSize) return Fail(Invariant($"Sample {count} has more than {InputSize} values; expected {InputSize}."));
                    if (reader.TokenType != JsonTokenType.Number)
                        return Fail(Invariant($"Sample {count}, value {length} is a JSON {Describe(reader.TokenType)}; expected a number from {MinPixel} to {MaxPixel} (NaN and Infinity are not accepted)."));
                    if (!reader.TryGetSingle(out float value) || !float.IsFinite(value))
                        return Fail(Invariant($"Sample {count}, value {length} is beyond the range of a float; expected a number from {MinPixel} to {MaxPixel}."));
                    if (value < MinPixel || value > MaxPixel)
                        return Fail(Invariant($"Sample {count}, value {length} is {value}; pixel values are from {MinPixel} to {MaxPixel}."));
                    inputs[offset + length++] = value * PixelScale;
                }
                if (length != InputSize) return Fail(Invariant($"Sample {count} has {length} values; expected {InputSize}."));
                count++;
            }
            if (count == 0) return Fail($"'samples' is empty; {Shape}.");
            if (inputs.Length != count * InputSize) Array.Resize(ref inputs, count * InputSize);
            return new ParsedRequest(inputs, count, null);
        }

        private static ParsedRequest Fail(string error) => new([], 0, error);

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private static bool IsBlank(ReadOnlySpan<byte> body)
        {
            foreach (byte b in body)
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
            return true;
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.StartObject => "object",
            JsonTokenType.StartArray => "array",
            JsonTokenType.String => "string",
            JsonTokenType.Number => "number",
            JsonTokenType.True or JsonTokenType.False => "boolean",
            JsonTokenType.Null => "null",
            _ => token.ToString(),
        };

        private static string FirstSentence(string message)
        {
            int end = message.IndexOf(". ", StringComparison.Ordinal);
            return (end < 0 ? message : message[..end]).TrimEnd('.');
        }
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace NnGen.Samples.Service.Tests
{
    public class PredictRequestParserTests
    {
        private static string Row(int length, string? replace = null, int at = 5)
        {
            string[] values = Enumerable.Range(0, length).Select(i => (i % 17).ToString(CultureInfo.InvariantCulture)).ToArray();
            if (replace is not null) values[at] = replace;
            return "[" + string.Join(",", values) + "]";
        }

        private static ParsedRequest Parse(string body) => PredictRequestParser.Parse(Encoding.UTF8.GetBytes(body));

        [Fact]
        public void A_good_request_is_scaled_as_the_digits_command_scales_its_data()
        {
            ParsedRequest request = Parse($"{{\"samples\": [{Row(64)}, {Row(64, "2.5", 0)}]}}");
            Assert.True(request.IsValid, request.Error);
            Assert.Equal(2, request.Count);
            Assert.Equal(128, request.Inputs.Length);
            for (int i = 1; i < 64; i++) Assert.Equal((i % 17) * (1f / 16f), request.Inputs[i]);
            Assert.Equal(2.5f * (1f / 16f), request.Inputs[64]);
            Assert.Equal(1f, Parse($"{{\"samples\": [{Row(64, "16")}]}}").Inputs[5]);
            Assert.Equal(0f, Parse($"{{\"samples\": [{Row(64, "0e0")}]}}").Inputs[5]);
        }

        [Fact]
        public void Up_to_the_sample_limit_is_accepted()
        {
            string body = "{\"samples\": [" + string.Join(",", Enumerable.Repeat(Row(64), PredictRequestParser.MaxSamples)) + "]}";
            ParsedRequest request = Parse(body);
            Assert.True(request.IsValid, request.Error);
            Assert.Equal(PredictRequestParser.MaxSamples, request.Count);
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("  \r\n ", "empty")]
        [InlineData("{\"samples\": [[1, 2,", "not valid JSON")]
        [InlineData("nonsense", "not valid JSON")]
        [InlineData("[]", "is a JSON array")]
        [InlineData("42", "is a JSON number")]
        [InlineData("{}", "has no 'samples'")]
        [InlineData("{\"samples\": []}", "'samples' is empty")]
        [InlineData("{\"samples\": {}}", "'samples' is a JSON object")]
        [InlineData("{\"samples\": [1]}", "Sample 0 is a JSON number")]
        [InlineData("{\"extra\": 1}", "Unknown property 'extra'")]
        public void Malformed_bodies_are_refused_with_a_message(string body, string message)
        {
            ParsedRequest request = Parse(body);
            Assert.False(request.IsValid);
            Assert.Contains(message, request.Error, StringComparison.Ordinal);
            Assert.Equal(0, request.Count);
        }

        [Theory]
        [InlineData(63, null, "Sample 0 has 63 values; expected 64")]
        [InlineData(0, null, "Sample 0 has 0 values; expected 64")]
        [InlineData(65, null, "Sample 0 has more than 64 values")]
        [InlineData(64, "\"NaN\"", "value 5 is a JSON string")]
        [InlineData(64, "\"Infinity\"", "value 5 is a JSON string")]
        [InlineData(64, "NaN", "not valid JSON")]
        [InlineData(64, "Infinity", "not valid JSON")]
        [InlineData(64, "-Infinity", "not valid JSON")]
        [InlineData(64, "null", "value 5 is a JSON null")]
        [InlineData(64, "true", "value 5 is a JSON boolean")]
        [InlineData(64, "[1]", "value 5 is a JSON array")]
        [InlineData(64, "1e39", "beyond the range of a float")]
        [InlineData(64, "-1e39", "beyond the range of a float")]
        [InlineData(64, "17", "value 5 is 17; pixel values are from 0 to 16")]
        [InlineData(64, "16.001", "pixel values are from 0 to 16")]
        [InlineData(64, "-1", "value 5 is -1; pixel values are from 0 to 16")]
        public void Bad_samples_are_refused_with_a_message_naming_the_value(int length, string? replace, string message)
        {
            ParsedRequest request = Parse($"{{\"samples\": [{Row(length, replace)}]}}");
            Assert.False(request.IsValid);
            Assert.Contains(message, request.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Content_after_the_object_is_refused()
        {
            Assert.Contains("not valid JSON", Parse($"{{\"samples\": [{Row(64)}]}} {{}}").Error, StringComparison.Ordinal);
            Assert.True(Parse($"{{\"samples\": [{Row(64)}]}} \n").IsValid);
        }

        [Fact]
        public void The_second_bad_sample_is_named()
        {
            ParsedRequest request = Parse($"{{\"samples\": [{Row(64)}, {Row(64, "20", 7)}]}}");
            Assert.Contains("Sample 1, value 7 is 20", request.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Too_many_samples_are_refused()
        {
            string body = "{\"samples\": [" + string.Join(",", Enumerable.Repeat(Row(64), PredictRequestParser.MaxSamples + 1)) + "]}";
            Assert.Contains("Too many samples: at most 256", Parse(body).Error, StringComparison.Ordinal);
        }

        [Fact]
        public void A_body_over_the_limit_is_refused()
        {
            string body = $"{{\"samples\": [{Row(64)}]}}" + new string(' ', PredictRequestParser.MaxBodyBytes);
            Assert.Contains("larger than the limit of 1048576 bytes", Parse(body).Error, StringComparison.Ordinal);
            Assert.Contains("(2000000 bytes)", PredictRequestParser.BodyTooLarge(2_000_000), StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_or_corrupt_model_stops_with_a_clear_message()
        {
            string missing = Path.Combine(Path.GetTempPath(), "nngen-service-no-such-model.nngen");
            var notFound = Assert.Throws<ModelLoadException>(() => DigitsModel.Load(missing));
            Assert.Contains("not found", notFound.Message, StringComparison.Ordinal);

            string corrupt = Path.GetTempFileName();
            try
            {
                File.WriteAllText(corrupt, "not a model");
                var refused = Assert.Throws<ModelLoadException>(() => DigitsModel.Load(corrupt));
                Assert.Contains("NotAModelFile", refused.Message, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(corrupt);
            }
        }

        [Fact]
        public void The_shipped_model_loads_and_predicts_a_distribution()
        {
            DigitsModel model = DigitsModel.Load(Path.Combine(AppContext.BaseDirectory, "digits.nngen"));
            ParsedRequest request = Parse($"{{\"samples\": [{Row(64)}]}}");
            var outputs = new float[10];
            model.Predict(request.Inputs, outputs);
            Assert.Equal(1f, outputs.Sum(), 3);
            Assert.All(outputs, p => Assert.InRange(p, 0f, 1f));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NnGen.Samples.Service;

// Load test for NnGen.Samples.Service, from a separate process over loopback:
//   NnGen.Samples.Service.LoadTest --url http://127.0.0.1:5077 --model digits.nngen [--seconds 20] [--levels 1,16,64]
// Each level runs `concurrency` workers for a bounded time. Nine requests in ten are good: one of the 1,797 digits
// (every fiftieth request: 64 digits at once), whose class and probabilities must equal what this process
// computes with the same network class from the same model file (equal classes, probabilities within 1e-6; see
// Tolerance). One in ten is bad, cycling through the kinds below,
// and must get a 400 with an {"error": ...} body. Exits 1 on any error (exception, unexpected status) or wrong answer.

var options = ParseArguments(args);
var expectedNetwork = DigitsNet.Load(options.ModelPath);
(float[] pixels, int count) = LoadDigits();
var probabilities = new float[count * DigitsNet.OutputSize];
var scaled = new float[pixels.Length];
for (int i = 0; i < pixels.Length; i++) scaled[i] = pixels[i] * PredictRequestParser.PixelScale;
expectedNetwork.Predict(scaled, probabilities);

var singles = new byte[count][];
for (int s = 0; s < count; s++) singles[s] = Body(pixels, s, 1);
const int BatchSize = 64;
int batches = count / BatchSize;
var batchBodies = new byte[batches][];
for (int b = 0; b < batches; b++) batchBodies[b] = Body(pixels, b * BatchSize, BatchSize);
BadRequest[] badRequests = BadRequests(pixels);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"load test of {options.Url}: {count} digits with known answers, {badRequests.Length} kinds of bad request, {options.Seconds} s per level, {Environment.ProcessorCount} cores"));

// The NativeAOT server's kernels may run at another vector width than this JIT process (the ahead-of-time default is
// 128 bits; the JIT takes the widest the CPU has), and the dense layers' dot products then add in another order: the
// classes must be equal and each probability within 1e-6 of the expected one; the values that are not bit-identical
// are counted and printed.
const float Tolerance = 1e-6f;
long notBitIdentical = 0;
double largestDifference = 0;
var differenceLock = new object();
int failures = 0;
// Warm-up, 1 s at concurrency 1 (not printed; its failures count).
failures += await RunLevel("warm-up", 1, 1.0, print: false);
foreach (int concurrency in options.Levels)
    failures += await RunLevel($"concurrency {concurrency}", concurrency, options.Seconds, print: true);

// The server is still up and still right.
using (var client = new HttpClient { BaseAddress = new Uri(options.Url) })
{
    var health = await client.GetAsync("/health");
    bool right = health.StatusCode == HttpStatusCode.OK && await CheckGood(client, singles[0], 0, 1) is null;
    Console.WriteLine($"after the load: /health {(int)health.StatusCode}, prediction {(right ? "right" : "WRONG")}");
    Console.WriteLine($"probabilities not bit-identical to this process's (all within {Tolerance.ToString(CultureInfo.InvariantCulture)}): {Interlocked.Read(ref notBitIdentical)}, the largest difference {largestDifference.ToString("G3", CultureInfo.InvariantCulture)}");
    if (!right) failures++;
}
Console.WriteLine(failures == 0 ? "load test: passed (0 errors, 0 wrong answers)" : $"load test: FAILED ({failures} errors or wrong answers)");
return failures == 0 ? 0 : 1;

async Task<int> RunLevel(string name, int concurrency, double seconds, bool print)
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) };
    using var client = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
    var workers = new Worker[concurrency];
    var watch = Stopwatch.StartNew();
    long deadline = (long)(seconds * Stopwatch.Frequency);
    var tasks = new Task[concurrency];
    for (int w = 0; w < concurrency; w++)
    {
        var worker = workers[w] = new Worker(w);
        tasks[w] = Task.Run(async () =>
        {
            var random = new Random(1000 + worker.Id);
            for (long i = worker.Id; watch.ElapsedTicks < deadline; i++)
            {
                long start = Stopwatch.GetTimestamp();
                string? problem;
                try
                {
                    if (i % 10 == 9)
                    {
                        BadRequest bad = badRequests[(int)(i / 10 % badRequests.Length)];
                        problem = await CheckBad(client, bad);
                        worker.Bad++;
                    }
                    else if (i % 50 == 0)
                    {
                        int b = random.Next(batches);
                        problem = await CheckGood(client, batchBodies[b], b * BatchSize, BatchSize);
                        worker.Good++;
                    }
                    else
                    {
                        int s = random.Next(count);
                        problem = await CheckGood(client, singles[s], s, 1);
                        worker.Good++;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
                {
                    problem = $"error: {e.GetType().Name}: {e.Message}";
                }
                worker.Latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (problem is not null)
                {
                    if (problem.StartsWith("wrong", StringComparison.Ordinal)) worker.Wrong++; else worker.Errors++;
                    if (worker.Errors + worker.Wrong <= 3) Console.Error.WriteLine($"{name}, worker {worker.Id}, request {i}: {problem}");
                }
            }
        });
    }
    await Task.WhenAll(tasks);
    double elapsed = watch.Elapsed.TotalSeconds;
    var latencies = workers.SelectMany(w => w.Latencies).Order().ToArray();
    long requests = latencies.Length, good = workers.Sum(w => w.Good), badCount = workers.Sum(w => w.Bad);
    long errors = workers.Sum(w => w.Errors), wrong = workers.Sum(w => w.Wrong);
    if (print)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-15} {requests,7} requests in {elapsed:F1} s: {requests / elapsed,8:F0} requests/s, p50 {Percentile(latencies, 0.50),6:F2} ms, p99 {Percentile(latencies, 0.99),6:F2} ms; {good} good, {badCount} bad (400 each); errors {errors}, wrong answers {wrong}"));
    return (int)Math.Min(int.MaxValue, errors + wrong);
}

async Task<string?> CheckGood(HttpClient client, byte[] body, int first, int samples)
{
    using var content = new ByteArrayContent(body);
    content.Headers.ContentType = new("application/json");
    using var response = await client.PostAsync("/predict", content);
    byte[] bytes = await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK) return $"error: status {(int)response.StatusCode} for a good request: {Encoding.UTF8.GetString(bytes)}";
    PredictResponse? answer = JsonSerializer.Deserialize(bytes, ServiceJsonContext.Default.PredictResponse);
    if (answer is null || answer.Predictions.Length != samples) return $"wrong: {answer?.Predictions.Length ?? 0} predictions for {samples} samples";
    for (int s = 0; s < samples; s++)
    {
        Prediction p = answer.Predictions[s];
        ReadOnlySpan<float> expected = probabilities.AsSpan((first + s) * DigitsNet.OutputSize, DigitsNet.OutputSize);
        if (p.Class != ArgMax(expected)) return $"wrong: sample {first + s} class {p.Class}, expected {ArgMax(expected)}";
        if (p.Probabilities.Length != DigitsNet.OutputSize) return $"wrong: sample {first + s} has {p.Probabilities.Length} probabilities";
        for (int k = 0; k < DigitsNet.OutputSize; k++)
        {
            if (BitConverter.SingleToInt32Bits(p.Probabilities[k]) == BitConverter.SingleToInt32Bits(expected[k])) continue;
            Interlocked.Increment(ref notBitIdentical);
            double difference = Math.Abs((double)p.Probabilities[k] - expected[k]);
            lock (differenceLock) largestDifference = Math.Max(largestDifference, difference);
            if (!(Math.Abs(p.Probabilities[k] - expected[k]) <= Tolerance))
                return string.Create(CultureInfo.InvariantCulture, $"wrong: sample {first + s} probability {k} is {p.Probabilities[k]:R}, expected {expected[k]:R} (within {Tolerance})");
        }
    }
    return null;
}

async Task<string?> CheckBad(HttpClient client, BadRequest bad)
{
    using var content = new ByteArrayContent(bad.Body);
    content.Headers.ContentType = new("application/json");
    using var response = await client.PostAsync("/predict", content);
    byte[] bytes = await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.BadRequest) return $"error: status {(int)response.StatusCode} for the bad request '{bad.Name}'";
    ErrorResponse? error = JsonSerializer.Deserialize(bytes, ServiceJsonContext.Default.ErrorResponse);
    return string.IsNullOrEmpty(error?.Error) ? $"error: no message in the 400 for '{bad.Name}'" : null;
}

static int ArgMax(ReadOnlySpan<float> values)
{
    int best = 0;
    for (int i = 1; i < values.Length; i++)
        if (values[i] > values[best]) best = i;
    return best;
}

static double Percentile(double[] sorted, double q)
    => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

static byte[] Body(float[] pixels, int first, int samples)
{
    var request = new PredictRequest { Samples = new float[samples][] };
    for (int s = 0; s < samples; s++) request.Samples[s] = pixels.AsSpan((first + s) * 64, 64).ToArray();
    return JsonSerializer.SerializeToUtf8Bytes(request, ServiceJsonContext.Default.PredictRequest);
}

static BadRequest[] BadRequests(float[] pixels)
{
    string Row(int length, string? replace = null)
    {
        var values = Enumerable.Range(0, length).Select(i => pixels[i % 64].ToString(CultureInfo.InvariantCulture)).ToArray();
        if (replace is not null) values[5] = replace;
        return "[" + string.Join(",", values) + "]";
    }
    string sample = Row(64);
    var cases = new List<(string, string)>
    {
        ("empty body", ""),
        ("invalid JSON", "{\"samples\": [[1, 2,"),
        ("63 values", $"{{\"samples\": [{Row(63)}]}}"),
        ("65 values", $"{{\"samples\": [{Row(65)}]}}"),
        ("NaN as a string", $"{{\"samples\": [{Row(64, "\"NaN\"")}]}}"),
        ("bare NaN", $"{{\"samples\": [{Row(64, "NaN")}]}}"),
        ("bare Infinity", $"{{\"samples\": [{Row(64, "Infinity")}]}}"),
        ("1e39 (beyond float)", $"{{\"samples\": [{Row(64, "1e39")}]}}"),
        ("pixel 17", $"{{\"samples\": [{Row(64, "17")}]}}"),
        ("pixel -1", $"{{\"samples\": [{Row(64, "-1")}]}}"),
        ("null value", $"{{\"samples\": [{Row(64, "null")}]}}"),
        ("no samples", "{\"samples\": []}"),
        ("bare array", $"[{sample}]"),
        ("unknown property", $"{{\"samples\": [{sample}], \"extra\": 1}}"),
        ("257 samples", "{\"samples\": [" + string.Join(",", Enumerable.Repeat(sample, PredictRequestParser.MaxSamples + 1)) + "]}"),
        ("body over 1 MiB", "{\"samples\": [" + sample + "]}" + new string(' ', PredictRequestParser.MaxBodyBytes)),
    };
    return cases.Select(c => new BadRequest(c.Item1, Encoding.UTF8.GetBytes(c.Item2))).ToArray();
}

static (float[] Pixels, int Count) LoadDigits()
{
    using Stream stream = typeof(Worker).Assembly.GetManifestResourceStream("digits.csv.gz")!;
    using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
    var pixels = new List<float>();
    string? line;
    while ((line = reader.ReadLine()) is not null)
    {
        if (line.Length == 0) continue;
        string[] fields = line.Split(',');
        for (int c = 0; c < 64; c++) pixels.Add(float.Parse(fields[c], CultureInfo.InvariantCulture));
    }
    return (pixels.ToArray(), pixels.Count / 64);
}

static Options ParseArguments(string[] args)
{
    string url = "http://127.0.0.1:5077", model = "digits.nngen";
    double seconds = 20;
    int[] levels = [1, 16, 64];
    for (int i = 0; i + 1 < args.Length; i += 2)
    {
        switch (args[i])
        {
            case "--url": url = args[i + 1]; break;
            case "--model": model = args[i + 1]; break;
            case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            case "--levels": levels = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
            default: throw new ArgumentException($"Unknown option {args[i]}; expected --url, --model, --seconds, --levels.");
        }
    }
    return new Options(url, model, seconds, levels);
}

internal sealed record Options(string Url, string ModelPath, double Seconds, int[] Levels);

internal sealed record BadRequest(string Name, byte[] Body);

internal sealed class Worker(int id)
{
    public int Id { get; } = id;
    public List<double> Latencies { get; } = new(1 << 16);
    public long Good, Bad, Errors, Wrong;
}

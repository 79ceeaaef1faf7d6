using System;
using System.Buffers;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NnGen.Samples.Service;

// NnGen.Samples.Service: the digits network behind a minimal API, published as a NativeAOT executable.
//   GET  /         a page to draw an 8x8 digit and see the prediction
//   GET  /health   {"status":"ok","parameters":17610}
//   POST /predict  {"samples": [[64 pixel values 0..16], ...]} -> {"predictions": [{"class": k, "probabilities": [10]}, ...]}
// Options: --model <path> (default: digits.nngen beside the executable), --urls http://127.0.0.1:5000 (ASP.NET Core's).

string modelPath = Path.Combine(AppContext.BaseDirectory, "digits.nngen");
for (int i = 0; i < args.Length - 1; i++)
    if (args[i] == "--model") modelPath = args[i + 1];

DigitsModel model;
try
{
    model = DigitsModel.Load(modelPath);
}
catch (ModelLoadException e)
{
    Console.Error.WriteLine($"NnGen.Samples.Service cannot start: {e.Message}");
    return 1;
}

byte[] page;
using (Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("NnGen.Samples.Service.index.html")
    ?? throw new InvalidOperationException("The page resource NnGen.Samples.Service.index.html is missing."))
using (var copy = new MemoryStream())
{
    stream.CopyTo(copy);
    page = copy.ToArray();
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(options =>
{
    // The transport's own cap, above the service's 1 MiB limit: a body between the two gets the service's 400 (and
    // Kestrel drains the rest, keeping the connection); only a body over 4 MiB meets Kestrel's limit (also a 400, below).
    options.Limits.MaxRequestBodySize = 4L * PredictRequestParser.MaxBodyBytes;
    options.AddServerHeader = false;
});
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ServiceJsonContext.Default));

var app = builder.Build();
app.MapGet("/", (HttpContext context) =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    return context.Response.Body.WriteAsync(page).AsTask();
});
app.MapGet("/health", () => TypedResults.Json(new HealthResponse { Parameters = DigitsModel.ParameterCount }, ServiceJsonContext.Default.HealthResponse));
app.MapPost("/predict", (HttpContext context) => PredictEndpoint.Handle(context, model));

Console.WriteLine($"NnGen.Samples.Service: model {model.Path} ({DigitsModel.ParameterCount} parameters)");
app.Run();
return 0;

namespace NnGen.Samples.Service
{
    /// <summary><c>POST /predict</c>: reads at most 1 MiB, parses with <see cref="PredictRequestParser"/>, predicts, answers.</summary>
    internal static class PredictEndpoint
    {
        public static async Task Handle(HttpContext context, DigitsModel model)
        {
            long? declared = context.Request.ContentLength;
            if (declared > PredictRequestParser.MaxBodyBytes)
            {
                await Refuse(context, PredictRequestParser.BodyTooLarge(declared));
                return;
            }

            byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared ?? 16384, PredictRequestParser.MaxBodyBytes) + 1);
            try
            {
                int length = 0;
                try
                {
                    while (true)
                    {
                        if (length == buffer.Length)
                        {
                            if (length > PredictRequestParser.MaxBodyBytes) break;
                            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, PredictRequestParser.MaxBodyBytes + 1));
                            buffer.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                        int read = await context.Request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, PredictRequestParser.MaxBodyBytes + 1) - length), context.RequestAborted);
                        if (read == 0) break;
                        length += read;
                        if (length > PredictRequestParser.MaxBodyBytes) break;
                    }
                }
                catch (BadHttpRequestException e)
                {
                    // Kestrel's own refusals of the body (over its 4 MiB cap, a malformed chunked body): 400, not 413.
                    await Refuse(context, $"Bad request body: {e.Message}");
                    return;
                }

                if (length > PredictRequestParser.MaxBodyBytes)
                {
                    await Refuse(context, PredictRequestParser.BodyTooLarge(null));
                    return;
                }

                ParsedRequest request = PredictRequestParser.Parse(buffer.AsSpan(0, length));
                if (!request.IsValid)
                {
                    await Refuse(context, request.Error!);
                    return;
                }

                var outputs = new float[request.Count * DigitsNet.OutputSize];
                model.Predict(request.Inputs, outputs);
                var predictions = new Prediction[request.Count];
                for (int s = 0; s < request.Count; s++)
                {
                    float[] probabilities = outputs.AsSpan(s * DigitsNet.OutputSize, DigitsNet.OutputSize).ToArray();
                    predictions[s] = new Prediction { Class = ArgMax(probabilities), Probabilities = probabilities };
                }
                await context.Response.WriteAsJsonAsync(new PredictResponse { Predictions = predictions }, ServiceJsonContext.Default.PredictResponse, contentType: null, context.RequestAborted);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>The first maximum, as NnGen's accuracy counts it.</summary>
        public static int ArgMax(ReadOnlySpan<float> values)
        {
            int best = 0;
            for (int i = 1; i < values.Length; i++)
                if (values[i] > values[best]) best = i;
            return best;
        }

        private static Task Refuse(HttpContext context, string message)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsJsonAsync(new ErrorResponse { Error = message }, ServiceJsonContext.Default.ErrorResponse, contentType: null, context.RequestAborted);
        }
    }
}

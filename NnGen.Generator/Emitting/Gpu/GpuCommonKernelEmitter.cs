using NnGen.Generator.Model;
using static NnGen.Generator.Emitting.Gpu.GpuKernelCatalog;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The kernels every shape shares: the mini-batch gather from the uploaded data set, the two-stage batch
    /// reductions (partial sums over chunks of samples, then over the chunks, each in a fixed order, so the result does
    /// not depend on thread timing), and the optimizer updates, written as the runtime's CPU optimizers compute them.
    /// </summary>
    internal static class GpuCommonKernelEmitter
    {
        public static void Write(IndentedWriter writer, NetworkModel model, GpuKernelCatalog kernels, bool fused)
        {
            int i = model.InputSize, o = model.OutputSize, p = model.ParameterCount, chunk = GpuShape.Chunk;

            writer.Line("// the mini-batch gather: one thread per (sample of the batch, feature or target), rows picked by the epoch's order");
            using (kernels.Open(writer, "GatherBatch", $"{IntView} order", "int start", $"{View} features", $"{View} labels", $"{View} x", $"{View} t"))
            {
                writer.Line($"int k = index.X / {i + o}, f = index.X - k * {i + o};")
                    .Line("int row = order[start + k];")
                    .Line($"if (f < {i}) x[k * {i} + f] = features[row * {i} + f];")
                    .Line($"else t[k * {o} + f - {i}] = labels[row * {o} + f - {i}];");
            }
            writer.Line();

            writer.Line($"// the batch loss, stage 1: one thread per chunk of {chunk} samples sums their losses in double");
            using (kernels.Open(writer, "ChunkLoss", $"{View} sampleLoss", $"{DoubleView} chunkLoss", "int n"))
            {
                writer.Line($"int c = index.X, s0 = c * {chunk}, s1 = global::System.Math.Min(n, s0 + {chunk});")
                    .Line("double sum = 0.0;")
                    .Line("for (int s = s0; s < s1; s++) sum += sampleLoss[s];")
                    .Line("chunkLoss[c] = sum;");
            }
            writer.Line();

            writer.Line("// the batch loss, stage 2: one thread sums the chunks and divides by the count of the mean reduction");
            using (kernels.Open(writer, "ReduceLoss", $"{DoubleView} chunkLoss", $"{View} losses", "int chunks", "int slot", "int count"))
            {
                writer.Line("double sum = 0.0;")
                    .Line("for (int c = 0; c < chunks; c++) sum += chunkLoss[c];")
                    .Line("losses[slot] = (float)(sum / count);");
            }
            writer.Line();

            if (fused)
            {
                writer.Line($"// the batch gradient, stage 1: one thread per (chunk of {chunk} samples, parameter) sums the chunk's gradient rows");
                using (kernels.Open(writer, "ReduceSampleGradients", $"{View} g", $"{View} partials", "int n"))
                {
                    writer.Line($"int c = index.X / {p}, j = index.X - c * {p};")
                        .Line($"int s0 = c * {chunk}, s1 = global::System.Math.Min(n, s0 + {chunk});")
                        .Line("float sum = 0f;")
                        .Line($"for (int s = s0; s < s1; s++) sum += g[s * {p} + j];")
                        .Line("partials[index.X] = sum;");
                }
                writer.Line();
            }

            writer.Line("// the batch gradient, stage 2: one thread per parameter sums the chunks' partial sums");
            using (kernels.Open(writer, "ReduceGradients", $"{View} partials", $"{View} g", "int chunks"))
            {
                writer.Line("int j = index.X;")
                    .Line("float sum = 0f;")
                    .Line($"for (int c = 0; c < chunks; c++) sum += partials[c * {p} + j];")
                    .Line("g[j] = sum;");
            }
            writer.Line();

            writer.Line("// NnGen.Sgd's step, one thread per parameter (mode: 0 plain, 1 the first momentum step, 2 later ones; +4 Nesterov)");
            using (kernels.Open(writer, "SgdStep", $"{View} p", $"{View} g", $"{View} velocity", "float lr", "float wd", "float mu", "int mode"))
            {
                writer.Line("int j = index.X;")
                    .Line("float gi = g[j];")
                    .Line("if (wd != 0f) gi += wd * p[j];");
                using (writer.Open("if (mode == 0)"))
                    writer.Line("p[j] -= lr * gi;");
                using (writer.Open("else"))
                {
                    writer.Line("float bi = (mode & 3) == 1 ? gi : mu * velocity[j] + gi;")
                        .Line("velocity[j] = bi;")
                        .Line("float step = (mode & 4) != 0 ? gi + mu * bi : bi;")
                        .Line("p[j] -= lr * step;");
                }
            }
            writer.Line();

            writer.Line("// NnGen.Adam's and NnGen.AdamW's step, one thread per parameter, the coefficients of this step from the optimizer");
            using (kernels.Open(writer, "AdamStep", $"{View} p", $"{View} g", $"{View} m", $"{View} v", "global::NnGen.Internal.AdamStepCoefficients c"))
            {
                writer.Line("int j = index.X;")
                    .Line("float pi = p[j] * c.Decay;")
                    .Line("float gi = g[j];")
                    .Line("if (c.L2 != 0f) gi += c.L2 * pi;")
                    .Line("float mi = c.Beta1 * m[j] + c.OneMinusBeta1 * gi;")
                    .Line("float vi = c.Beta2 * v[j] + c.OneMinusBeta2 * gi * gi;")
                    .Line("// moments below the smallest normal float are stored as zero, as the CPU optimizer does")
                    .Line("if (mi < 1.17549435E-38f && mi > -1.17549435E-38f) mi = 0f;")
                    .Line("if (vi < 1.17549435E-38f) vi = 0f;")
                    .Line("m[j] = mi;")
                    .Line("v[j] = vi;")
                    .Line("float denom = global::System.MathF.Sqrt(vi) / c.Correction2 + c.Epsilon;")
                    .Line("p[j] = pi + c.NegStepSize * mi / denom;");
            }
            writer.Line();

            GpuDeviceMath.Write(writer);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using TextLens.Corpus;
using TextLens.Extensions.DependencyInjection;
using TextLens.Parquet;
using TextLens.Reports;

namespace TextLens.Benchmarks.Parquet;

/// <summary>
/// <c>dotnet run -c Release -- --parquet-cpu CORPUS [documents] [passes]</c>: analyses the first documents of a corpus with the
/// default analyzers into memory, then times writing their per-annotation output, with the process's CPU time (on a
/// busy machine that is what the writers cost) and wall time: <c>annotations.parquet</c> + <c>documents.parquet</c>
/// (<see cref="ParquetAnnotationsWriter"/>) against <c>annotations.jsonl</c> (<see cref="AnnotationsWriter"/>).
/// <c>--parquet-run CORPUS</c> streams the whole corpus through the default analyzers into the Parquet writer
/// (results are not kept) and reports the files' sizes, rows and the process's CPU time and peak memory.
/// </summary>
internal static class ParquetWriterThroughput
{
    public static async Task RunAsync(string[] args)
    {
        var corpus = args.Length > 1 ? args[1] : throw new ArgumentException("usage: --parquet-cpu CORPUS [documents] [passes]");
        var limit = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : int.MaxValue;
        var passes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var pipeline = DefaultPipeline();
        var descriptors = pipeline.Analyzers.Select(a => a.Descriptor).ToList();
        var results = new List<DocumentResult>();
        await foreach (var r in pipeline.AnalyzeDocumentsAsync(CorpusSources.Open(corpus)))
        {
            results.Add(r);
            if (results.Count >= limit)
            {
                break;
            }
        }

        var annotations = results.Sum(r => (long)r.Annotations.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count:N0} documents, {annotations:N0} annotations ({string.Join(", ", descriptors.Select(d => d.VersionedId))})"));
        Console.WriteLine("| Writer | rows | CPU ms/pass | rows/s (CPU) | wall ms/pass | bytes | bytes/row |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var dir = Path.Combine(Path.GetTempPath(), "textlens-parquet-bench-" + Environment.ProcessId);
        try
        {
            await MeasureAsync("Parquet (annotations + documents)", async () =>
            {
                await using var writer = new ParquetAnnotationsWriter(dir, descriptors);
                foreach (var r in results)
                {
                    await writer.WriteAsync(r);
                }

                await writer.CompleteAsync();
                return writer.Annotations;
            }, ParquetAnnotationsWriter.AnnotationsFileName, ParquetAnnotationsWriter.DocumentsFileName);
            await MeasureAsync("JSONL (annotations.jsonl)", async () =>
            {
                await using var writer = new AnnotationsWriter(dir);
                foreach (var r in results)
                {
                    await writer.WriteAsync(r);
                }

                await writer.CompleteAsync();
                return annotations;
            }, AnnotationsWriter.FileName);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        async Task MeasureAsync(string name, Func<Task<long>> pass, params string[] files)
        {
            var rows = await pass(); // warm-up
            await pass();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < passes; i++)
            {
                await pass();
            }

            var wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / passes;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / passes;
            var bytes = files.Sum(f => new FileInfo(Path.Combine(dir, f)).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {rows:N0} | {cpu:F0} | {rows / cpu * 1e3:N0} | {wall:F0} | {bytes:N0} | {(double)bytes / rows:F1} |"));
        }
    }

    public static async Task RunWholeCorpusAsync(string[] args)
    {
        var corpus = args.Length > 1 ? args[1] : throw new ArgumentException("usage: --parquet-run CORPUS");
        var pipeline = DefaultPipeline();
        var dir = Path.Combine(Path.GetTempPath(), "textlens-parquet-run-" + Environment.ProcessId);
        var t0 = Stopwatch.GetTimestamp();
        long documents, rows;
        await using (var writer = new ParquetAnnotationsWriter(dir, pipeline.Analyzers.Select(a => a.Descriptor)))
        {
            await foreach (var r in pipeline.AnalyzeDocumentsAsync(CorpusSources.Open(corpus)))
            {
                await writer.WriteAsync(r);
            }

            await writer.CompleteAsync();
            documents = writer.Documents;
            rows = writer.Annotations;
        }

        var wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var annotationsBytes = new FileInfo(Path.Combine(dir, ParquetAnnotationsWriter.AnnotationsFileName)).Length;
        var documentsBytes = new FileInfo(Path.Combine(dir, ParquetAnnotationsWriter.DocumentsFileName)).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{documents:N0} documents, {rows:N0} annotation rows; annotations.parquet {annotationsBytes / 1e6:F1} MB ({(double)annotationsBytes / rows:F2} B/row), " +
            $"documents.parquet {documentsBytes / 1e6:F1} MB; wall {wall:F1} s, CPU {process.TotalProcessorTime.TotalSeconds:F1} s, peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        Directory.Delete(dir, recursive: true);
    }

    private static TextLensPipeline DefaultPipeline()
    {
        var builder = new TextLensPipelineBuilder();
        foreach (var registration in new AnalyzerRegistry().Registrations)
        {
            registration.Configure(builder, null);
        }

        return builder.Build();
    }
}

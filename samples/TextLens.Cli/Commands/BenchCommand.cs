using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TextLens.Corpus;
using TextLens.Reports;

namespace TextLens.Cli.Commands;

/// <summary>
/// <c>textlens bench &lt;corpus&gt;</c>: loads a sample of the corpus into memory (so disk speed is not measured),
/// runs the pipeline with warm-up and repeated rounds, and prints throughput of the parse step, of each analyzer
/// and end to end, as median and spread, plus peak memory — enough to estimate how long a full corpus will take.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<string>("corpus") { Description = "The corpus to sample (folder, .jsonl/.jsonl.gz or .csv)." };
        var options = new CorpusCommandOptions();
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds.", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up rounds (not measured).", DefaultValueFactory = _ => 1 };
        var sample = new Option<int>("--sample") { Description = "Documents to load from the start of the corpus (0 = all).", DefaultValueFactory = _ => 2000 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON instead of a table." };
        var command = new Command("bench", "Measure analyzer throughput on your corpus: per analyzer and end to end, median and spread over rounds, peak memory.")
        {
            corpus, rounds, warmup, sample, json,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var run = options.Read(parse);
            var roundCount = parse.GetValue(rounds);
            var warmupCount = parse.GetValue(warmup);
            var sampleSize = parse.GetValue(sample);
            if (roundCount < 1 || warmupCount < 0 || sampleSize < 0)
            {
                throw new ArgumentException("--rounds must be at least 1, --warmup and --sample at least 0.");
            }

            var (pipeline, analysis, lifetime) = run.Build();
            using var _ = lifetime;
            var documents = await LoadSampleAsync(CorpusSources.Open(parse.GetValue(corpus)!, run.Format, run.Fields), sampleSize, ct);
            if (documents.Count == 0)
            {
                throw new ArgumentException($"The corpus '{parse.GetValue(corpus)}' has no readable document to measure.");
            }

            var result = await MeasureAsync(pipeline, documents, analysis, warmupCount, roundCount, ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(result, BenchJsonContext.Default.BenchResult));
            }
            else
            {
                Print(result, output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<List<TextDocument>> LoadSampleAsync(ICorpusSource source, int sample, CancellationToken ct)
    {
        var documents = new List<TextDocument>();
        await foreach (var record in source.ReadAsync(ct))
        {
            if (record.Document is { } d)
            {
                documents.Add(d);
                if (sample > 0 && documents.Count >= sample)
                {
                    break;
                }
            }
        }

        return documents;
    }

    internal static async Task<BenchResult> MeasureAsync(TextLensPipeline pipeline, IReadOnlyList<TextDocument> documents, AnalysisOptions options,
        int warmup, int rounds, CancellationToken ct)
    {
        var corpus = new InMemoryCorpus(documents, "sample");
        var characters = documents.Sum(d => (long)d.Text.Length);
        for (var i = 0; i < warmup; i++)
        {
            await pipeline.AccumulateAsync(corpus, options, null, ct);
        }

        var runs = new List<RunInfo>();
        for (var i = 0; i < rounds; i++)
        {
            runs.Add((await pipeline.AccumulateAsync(corpus, options, null, ct)).Run);
        }

        var steps = runs[0].Timings.Select((t, index) =>
        {
            var seconds = runs.Select(r => r.Timings[index].Seconds).ToArray();
            var rates = seconds.Select(s => s > 0 ? characters / s : 0).ToArray();
            return new BenchStep(t.Step, Median(seconds), Median(rates), rates.Min(), rates.Max(),
                (long)Median(runs.Select(r => (double)r.Timings[index].AllocatedBytes).ToArray()));
        }).ToList();
        var wall = runs.Select(r => r.ElapsedSeconds).ToArray();
        var endToEnd = wall.Select(s => characters / s).ToArray();
        using var process = Process.GetCurrentProcess();
        return new BenchResult(documents.Count, characters, options.MaxDegreeOfParallelism, warmup, rounds, steps,
            Median(wall), Median(endToEnd), endToEnd.Min(), endToEnd.Max(),
            steps.Sum(s => s.MedianSeconds) / (Median(wall) * options.MaxDegreeOfParallelism),
            process.PeakWorkingSet64);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void Print(BenchResult r, TextWriter output)
    {
        var console = ReportConsole.Create(output);
        static string Rate(double charsPerSecond) => (charsPerSecond / 1e6).ToString("F1", CultureInfo.InvariantCulture);
        console.MarkupLine($"[bold]textlens bench[/]: {r.Documents:N0} documents, {r.Characters / 1e6:F1} M characters, {r.Threads} thread(s), " +
            $"{r.WarmupRounds} warm-up + {r.Rounds} measured rounds");
        var table = new Table().AddColumns("step", "time (s, summed over threads)", "share", "M chars/s (median)", "min", "max", "allocated/round");
        var total = r.Steps.Sum(s => s.MedianSeconds);
        foreach (var s in r.Steps)
        {
            table.AddRow(TerminalText.Markup(s.Step), s.MedianSeconds.ToString("F3", CultureInfo.InvariantCulture),
                (total > 0 ? s.MedianSeconds / total : 0).ToString("P0", CultureInfo.InvariantCulture),
                Rate(s.MedianCharsPerSecond), Rate(s.MinCharsPerSecond), Rate(s.MaxCharsPerSecond),
                $"{s.MedianAllocatedBytes / 1048576.0:F1} MB");
        }

        table.AddRow("[bold]end to end[/]", r.MedianWallSeconds.ToString("F3", CultureInfo.InvariantCulture) + " (wall)", "",
            $"[bold]{Rate(r.MedianCharsPerSecond)}[/]", Rate(r.MinCharsPerSecond), Rate(r.MaxCharsPerSecond), "");
        console.Write(table);
        console.MarkupLine($"Steps account for {r.StepsShareOfWall:P0} of wall time × threads (the rest is reading, queueing and merging). " +
            $"Peak memory {r.PeakWorkingSetBytes / 1048576.0:F0} MB.");
        console.MarkupLine($"Estimate: {Rate(r.MedianCharsPerSecond)} M chars/s → a 1 GB (≈1,000 M chars) corpus in about " +
            $"{1e9 / r.MedianCharsPerSecond / 60:F1} minutes at this thread count.");
    }
}

/// <summary>Figures of one bench run.</summary>
internal sealed record BenchResult(int Documents, long Characters, int Threads, int WarmupRounds, int Rounds, IReadOnlyList<BenchStep> Steps,
    double MedianWallSeconds, double MedianCharsPerSecond, double MinCharsPerSecond, double MaxCharsPerSecond, double StepsShareOfWall, long PeakWorkingSetBytes);

/// <summary>Figures of one step (parse or an analyzer).</summary>
internal sealed record BenchStep(string Step, double MedianSeconds, double MedianCharsPerSecond, double MinCharsPerSecond, double MaxCharsPerSecond, long MedianAllocatedBytes);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(BenchResult))]
internal sealed partial class BenchJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

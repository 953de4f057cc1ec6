using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TextLens.Entities;
using TextLens.Entities.Recognition;
using TextLens.Text;

namespace TextLens.Benchmarks.NamedEntities;

/// <summary>
/// Statistical NER throughput: tagging pre-parsed BBC News documents (features, decoding and span collection; the
/// parse is not timed), and loading the embedded model. Reads <c>../shared/data/bbc-news/bbc_news.jsonl</c> relative
/// to the repository root, or generates synthetic text when it is absent.
/// <c>dotnet run -c Release --project benchmarks/TextLens.Benchmarks -- --filter '*StatisticalNer*'</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TokensPerSecondConfig))]
public class StatisticalNerBenchmarks
{
    private ParsedDocument[] _documents = [];
    private StatisticalEntityRecognizer _recognizer = null!;
    private byte[] _modelBytes = [];
    private readonly List<RecognizedEntity> _found = new(1024);

    /// <summary>Word, number and punctuation tokens in the corpus (all tagged).</summary>
    public static long TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _recognizer = StatisticalEntityRecognizer.LoadDefault();
        using (var s = typeof(StatisticalEntityRecognizer).Assembly.GetManifestResourceStream(
            "TextLens.Analyzers.Entities.Recognition.Models." + StatisticalEntityRecognizer.DefaultModelName + ".bin")!)
        {
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            _modelBytes = ms.ToArray();
        }

        var texts = BenchmarkCorpus.BbcTexts();
        _documents = texts.Select((t, i) => DocumentParser.Default.Parse(new TextDocument(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t))).ToArray();
        TokenCount = _documents.Sum(d => (long)d.Tokens.Length);
        var model = _recognizer.Model;
        Console.WriteLine($"// {_documents.Length} documents, {TokenCount:N0} tokens ({BenchmarkCorpus.Source}); model {_modelBytes.Length:N0} bytes, {model.RowCount:N0} rows, lookup table {model.TableBytes / 1048576.0:F1} MiB");
    }

    /// <summary>
    /// The rule-based recognizer of unlisted names (capitalised sequences, cue words) over the same documents: the
    /// cheaper alternative the statistical model replaces when <c>EntityOptions.Recognizer</c> is set.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int RuleBasedRecognize()
    {
        var n = 0;
        foreach (var d in _documents)
        {
            _found.Clear();
            RuleBasedEntityRecognizer.Instance.Recognize(d, ReadOnlySpan<(int Start, int End)>.Empty, _found);
            n += _found.Count;
        }

        return n;
    }

    /// <summary>Tags every document and collects its names (the recognizer's public entry point).</summary>
    [Benchmark]
    public int Recognize()
    {
        var n = 0;
        foreach (var d in _documents)
        {
            _found.Clear();
            _recognizer.Recognize(d, [], _found);
            n += _found.Count;
        }

        return n;
    }

    /// <summary>Reads, verifies (SHA-256) and indexes the embedded model from its bytes.</summary>
    [Benchmark]
    public int LoadModel() => StatisticalEntityRecognizer.FromBytes(_modelBytes, "benchmark").Model.RowCount;

    private sealed class TokensPerSecondConfig : ManualConfig
    {
        public TokensPerSecondConfig() => AddColumn(new TokensPerSecondColumn());
    }

    private sealed class TokensPerSecondColumn : IColumn
    {
        public string Id => "TokensPerSecond";
        public string ColumnName => "Tokens/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Corpus tokens per second on one core (the recognizers; not LoadModel)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (benchmarkCase.Descriptor.WorkloadMethod.Name is not (nameof(Recognize) or nameof(RuleBasedRecognize)) || report?.ResultStatistics is null)
            {
                return "-";
            }

            // The token count is recomputed here: the benchmark ran in another process.
            var tokens = BenchmarkCorpus.BbcTexts().Sum(t => (long)DocumentParser.Default.Parse(new TextDocument("x", t)).Tokens.Length);
            return (tokens / (report.ResultStatistics.Mean / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}

/// <summary>Real benchmark text from <c>../shared/data</c> (never copied into the repository), or a synthetic fallback.</summary>
internal static class BenchmarkCorpus
{
    public static string Source { get; private set; } = "";

    public static IReadOnlyList<string> BbcTexts()
    {
        var path = FindShared("bbc-news/bbc_news.jsonl");
        if (path is not null)
        {
            Source = path;
            return File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "").ToList();
        }

        Source = "synthetic (../shared/data/bbc-news/bbc_news.jsonl not found)";
        var rng = new Random(42);
        string[] words = ["the", "minister", "said", "on", "Tuesday", "that", "Baku", "and", "Yerevan", "would", "meet", "in", "Brussels", "European", "Union", "talks", "Charles", "Michel", ",", ".", "officials", "peace", "agreement", "2023", "of", "a"];
        return Enumerable.Range(0, 2000).Select(_ => string.Join(' ', Enumerable.Range(0, 400).Select(_ => words[rng.Next(words.Length)]))).ToList();
    }

    private static string? FindShared(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

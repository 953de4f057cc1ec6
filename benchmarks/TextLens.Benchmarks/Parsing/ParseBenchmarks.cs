using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TextLens.Text;

namespace TextLens.Benchmarks.Parsing;

/// <summary>
/// Parser throughput over the whole news corpus on one thread, reusing one <see cref="ParsedDocument"/> (as the
/// engine does): tokenizer alone, tokenizer + sentence splitter, and the full parse (tokens, sentences,
/// quotations). One operation is one pass over every document; the <c>MChars/s</c> column is corpus characters
/// divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParseBenchmarks
{
    private readonly ParsedDocument _parsed = new();
    private TextDocument[] _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = NewsCorpus.Instance;
        _documents = corpus.Documents;
        Console.WriteLine($"// Corpus: {corpus.Source}, {_documents.Length} documents, {corpus.TotalChars} chars");

        // Grow the tables once so the measured passes allocate nothing.
        Parse();
    }

    [Benchmark]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var document in _documents)
        {
            _parsed.Reset(document);
            Tokenizer.Tokenize(document.Text, _parsed);
            tokens += _parsed.TokenTableCount;
        }

        return tokens;
    }

    [Benchmark]
    public int TokenizeAndSplit()
    {
        var sentences = 0;
        foreach (var document in _documents)
        {
            _parsed.Reset(document);
            Tokenizer.Tokenize(document.Text, _parsed);
            SentenceSplitter.Split(_parsed);
            sentences += _parsed.SentenceTableCount;
        }

        return sentences;
    }

    [Benchmark(Baseline = true)]
    public int Parse()
    {
        var quotes = 0;
        foreach (var document in _documents)
        {
            DocumentParser.Default.Parse(document, _parsed);
            quotes += _parsed.QuoteTableCount;
        }

        return quotes;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new CharsPerSecondColumn());
    }

    /// <summary>Corpus characters per second of mean time, in millions.</summary>
    private sealed class CharsPerSecondColumn : IColumn
    {
        public string Id => nameof(CharsPerSecondColumn);

        public string ColumnName => "MChars/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Millions of corpus characters parsed per second (total chars / mean time)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0
                ? (NewsCorpus.Instance.TotalChars / (mean.Value / 1e9) / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)
                : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TextLens.Analyzers.Attribution;
using TextLens.Benchmarks.Parsing;
using TextLens.Text;

namespace TextLens.Benchmarks.Attribution;

/// <summary>
/// Attribution throughput over real news (the BBC corpus read at run time from <c>../shared/data</c>, a synthetic
/// corpus when absent), documents parsed once beforehand as the engine does, one thread. The baseline is the framing
/// analyzer with its default lexicon over the same parsed documents (its compiled phrase matcher plus annotation
/// writing); the requirement is attribution at no less than a third of its throughput. <c>AttributionCueMatching</c>
/// is the attribution analyzer's matcher pass alone, the part of its cost that grows with every token.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class AttributionBenchmarks
{
    private ParsedDocument[] _parsed = [];
    private AnalysisContext _context = null!;
    private IAnalyzer _framing = null!;
    private IAnalyzer _attribution = null!;
    private PhraseCueMatcher _matcher = null!;
    private int[] _single = [];
    private int[] _longest = [];
    private byte[] _lengths = [];
    private readonly List<int> _starts = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = NewsCorpus.Instance;
        Console.WriteLine($"// Corpus: {corpus.Source}, {corpus.Documents.Length} documents, {corpus.TotalChars} chars");
        _parsed = corpus.Documents.Select(d => DocumentParser.Default.Parse(d)).ToArray();
        _context = new AnalysisContext(_parsed[0]);
        _framing = new TextLensPipelineBuilder().AddFraming().Build().Analyzers.Single();
        _attribution = new TextLensPipelineBuilder().AddAttribution().Build().Analyzers.Single();
        _matcher = new PhraseCueMatcher(new CueTable([CueLexiconLoader.Default]));
        var most = _parsed.Max(p => p.Tokens.Length);
        _single = new int[most];
        _longest = new int[most];
        _lengths = new byte[most];
        _single.AsSpan().Fill(-1);
        _longest.AsSpan().Fill(-1);

        // Warm the per-thread tables so the measured passes allocate only annotations.
        Attribution();
        Framing();
    }

    [Benchmark(Baseline = true)]
    public int Framing() => Run(_framing);

    [Benchmark]
    public int Attribution() => Run(_attribution);

    [Benchmark]
    public int AttributionCueMatching()
    {
        var hits = 0;
        foreach (var parsed in _parsed)
        {
            _matcher.Match(parsed, _single, _longest, _lengths, _starts);
            hits += _starts.Count;
            foreach (var t in _starts)
            {
                (_single[t], _longest[t], _lengths[t]) = (-1, -1, 0);
            }

            _starts.Clear();
        }

        return hits;
    }

    private int Run(IAnalyzer analyzer)
    {
        var annotations = 0;
        foreach (var parsed in _parsed)
        {
            _context.Reset(parsed, default);
            analyzer.Analyze(_context);
            annotations += _context.Count;
        }

        return annotations;
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

        public string Legend => "Millions of corpus characters analysed per second (total chars / mean time)";

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

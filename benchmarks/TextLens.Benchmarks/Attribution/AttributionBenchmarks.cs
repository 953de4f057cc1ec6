using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TextLens.Analyzers.Attribution;
using TextLens.Benchmarks.Framing;
using TextLens.Text;

namespace TextLens.Benchmarks.Attribution;

/// <summary>
/// Attribution throughput over real news: the documents of <see cref="FramingWorkload"/> (BBC news read at run time
/// from <c>../shared/data</c>, synthetic fallback, white space collapsed), parsed once beforehand as the engine does,
/// one thread, one reused context. The baseline is the framing matcher at 10,000 patterns, match only, on the same
/// parsed documents (the baseline of the entity benchmarks too); the framing matcher at 1,000 patterns and the framing
/// analyzer with its default lexicon are further references. The requirement is attribution at no less than a third
/// of the framing matcher's throughput. <c>AttributionCueMatching</c> is the attribution analyzer's matcher pass alone.
/// One operation is one pass over every document; <c>MChars/s</c> is corpus characters divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class AttributionBenchmarks
{
    private ParsedDocument[] _parsed = [];
    private FramingWorkload _workload10k = null!;
    private FramingWorkload _workload1k = null!;
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
        _workload10k = FramingWorkload.For(10_000);
        _workload1k = FramingWorkload.For(1_000);
        _parsed = _workload10k.ParseAll();
        Console.WriteLine($"// Corpus: {_workload10k.Source}, {_parsed.Length} documents, {_workload10k.TotalChars} chars");
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
        Console.WriteLine($"// Per pass: framing matcher 10k {FramingMatcher10k()} hits, 1k {FramingMatcher1k()} hits, framing analyzer {FramingAnalyzer()} annotations, " +
                          $"attribution {Attribution()} annotations, cue matcher {AttributionCueMatching()} starts");
    }

    [Benchmark(Baseline = true)]
    public int FramingMatcher10k() => _workload10k.CountMatchOnly(_parsed);

    [Benchmark]
    public int FramingMatcher1k() => _workload1k.CountMatchOnly(_parsed);

    [Benchmark]
    public int FramingAnalyzer() => Run(_framing);

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

    /// <summary>Throughput over the framing workload's documents, which every operation analyses once.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn("FramingWorkloadThroughput", static _ => FramingWorkload.For(10_000).TotalChars));
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TextLens.Text;

namespace TextLens.Benchmarks.Framing;

/// <summary>
/// Lexicon matching over the news corpus on one thread, at 50, 1,000 and 10,000 patterns: TextLens with tokenization
/// (parse + match, as the engine runs it), TextLens on documents parsed beforehand (match only),
/// <c>Regex</c> alternation with <see cref="RegexOptions.NonBacktracking"/>, and <c>SearchValues&lt;string&gt;</c> with a
/// word-boundary check. One operation is one pass over every document; <c>MChars/s</c> is corpus characters divided
/// by the mean time. <see cref="GlobalSetup"/> throws unless every contender counts the same hits.
/// <c>Regex</c> with <see cref="RegexOptions.Compiled"/> is in <see cref="FramingRegexCompiledBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FramingThroughputConfig))]
public class FramingMatcherBenchmarks
{
    private readonly ParsedDocument _reused = new();
    private FramingWorkload _workload = null!;
    private ParsedDocument[] _parsed = [];
    private Regex _nonBacktracking = null!;

    [Params(50, 1_000, 10_000)]
    public int Patterns { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _workload = FramingWorkload.For(Patterns);
        _parsed = _workload.ParseAll();
        _nonBacktracking = _workload.CreateRegex(RegexOptions.NonBacktracking);
        var counts = new Dictionary<string, int>
        {
            [nameof(TextLens_ParseAndMatch)] = TextLens_ParseAndMatch(),
            [nameof(TextLens_MatchOnly)] = TextLens_MatchOnly(),
            [nameof(Regex_NonBacktracking)] = Regex_NonBacktracking(),
            [nameof(SearchValues_WordBoundary)] = SearchValues_WordBoundary(),
        };
        FramingThroughputConfig.CheckSameHits(counts, $"{Patterns} patterns");
        Console.WriteLine($"// Corpus: {_workload.Source}, {_workload.Documents.Length} documents, {_workload.TotalChars} chars; {Patterns} patterns; {counts.Values.First()} hits");
    }

    [Benchmark(Baseline = true)]
    public int TextLens_ParseAndMatch() => _workload.CountParseAndMatch(_reused);

    [Benchmark]
    public int TextLens_MatchOnly() => _workload.CountMatchOnly(_parsed);

    [Benchmark]
    public int Regex_NonBacktracking() => _workload.CountRegex(_nonBacktracking);

    [Benchmark]
    public int SearchValues_WordBoundary() => _workload.CountSearchValues();
}

/// <summary>
/// <c>Regex</c> alternation with <see cref="RegexOptions.Compiled"/> against TextLens parse + match. At 10,000 patterns
/// <c>Regex</c> Compiled runs near 0.1 M chars/s (one pass over the corpus would take about a minute a run), so that
/// case uses the first 1/<see cref="FramingWorkload.ReducedShare"/> of the documents, for both contenders.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FramingThroughputConfig))]
public class FramingRegexCompiledBenchmarks
{
    private readonly ParsedDocument _reused = new();
    private FramingWorkload _workload = null!;
    private Regex _compiled = null!;

    [Params(50, 1_000, 10_000)]
    public int Patterns { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _workload = FramingWorkload.For(Patterns, reduced: Patterns >= 10_000);
        _compiled = _workload.CreateRegex(RegexOptions.Compiled);
        var counts = new Dictionary<string, int>
        {
            [nameof(TextLens_ParseAndMatch)] = TextLens_ParseAndMatch(),
            [nameof(Regex_Compiled)] = Regex_Compiled(),
        };
        FramingThroughputConfig.CheckSameHits(counts, $"{Patterns} patterns (Regex Compiled)");
        Console.WriteLine($"// Corpus: {_workload.Source}, {_workload.Documents.Length} documents, {_workload.TotalChars} chars; {Patterns} patterns; {counts.Values.First()} hits");
    }

    [Benchmark(Baseline = true)]
    public int TextLens_ParseAndMatch() => _workload.CountParseAndMatch(_reused);

    [Benchmark]
    public int Regex_Compiled() => _workload.CountRegex(_compiled);
}

/// <summary>Adds the <c>MChars/s</c> column (the input's characters divided by the mean time).</summary>
internal sealed class FramingThroughputConfig : ManualConfig
{
    public FramingThroughputConfig() => AddColumn(new ThroughputColumn("FramingInputThroughput", InputCharacters));

    /// <summary>
    /// The input of a case: the workload at its pattern count (the reduced one for Regex Compiled at 10,000 patterns);
    /// none for cases without a Patterns parameter (other classes' cases in a joined summary).
    /// </summary>
    private static long? InputCharacters(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Patterns"] is not int patterns)
        {
            return null;
        }

        var reduced = benchmarkCase.Descriptor.Type == typeof(FramingRegexCompiledBenchmarks) && patterns >= 10_000;
        return FramingWorkload.For(patterns, reduced).TotalChars;
    }

    /// <summary>Throws unless every contender counted the same hits.</summary>
    public static void CheckSameHits(Dictionary<string, int> counts, string what)
    {
        if (counts.Values.Distinct().Count() != 1)
        {
            throw new InvalidOperationException($"Contenders disagree at {what}: {string.Join(", ", counts.Select(kv => $"{kv.Key}={kv.Value}"))}.");
        }
    }
}

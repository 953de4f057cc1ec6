using BenchmarkDotNet.Attributes;
using TextLens.Framing;
using TextLens.Tests.Pathological;

namespace TextLens.Benchmarks.Pathological;

/// <summary>
/// The pathological generators of issue 19 at two sizes, n and 4n: time linear in the input shows as a 4× ratio
/// between the two (the unit tests pin the same ratio with deterministic work counters; this measures the time).
/// Each benchmark analyses one generated document (or builds one lexicon) with the analyzers the issue found
/// super-linear: a title-case line (entities; was cubic), attributed quotations (attribution then framing; was
/// quadratic), one long news-like document (every built-in analyzer), and a framing lexicon of many patterns
/// (validation and matcher build; was quadratic, and stopped at 2,097,151 characters of words).
/// </summary>
[MemoryDiagnoser]
public class Pathological
{
    private TextLensPipeline _entities = null!;
    private TextLensPipeline _attributionFraming = null!;
    private TextLensPipeline _all = null!;
    private TextDocument _capitalised = null!;
    private TextDocument _quotations = null!;
    private TextDocument _long = null!;
    private FramingLexicon _lexicon = null!;

    /// <summary>1 for n, 4 for 4n.</summary>
    [Params(1, 4)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _entities = new TextLensPipelineBuilder().AddEntities().Build();
        _attributionFraming = new TextLensPipelineBuilder().AddAttribution().AddFraming().Build();
        _all = new TextLensPipelineBuilder().AddEntities().AddAttribution().AddFraming().AddEntityFramingCooccurrence().Build();
        _capitalised = new TextDocument("capitalised", "Officials met Alpha Beta on Monday.\n" + Generators.CapitalisedRun(5_000 * Scale));
        _quotations = new TextDocument("quotations", Generators.AttributedQuotations(5_000 * Scale));
        _long = new TextDocument("long", Generators.RealisticDocument(5_000 * Scale));
        _lexicon = Generators.Lexicon(50_000 * Scale);
    }

    /// <summary>A title-case line of 5,000 × Scale words (no final period) after a sentence naming two of them.</summary>
    [Benchmark]
    public int CapitalisedRun() => _entities.Analyze(_capitalised).Annotations.Count;

    /// <summary>5,000 × Scale attributed quotations, each holding a framing label.</summary>
    [Benchmark]
    public int QuotationMarks() => _attributionFraming.Analyze(_quotations).Annotations.Count;

    /// <summary>One news-like document of 5,000 × Scale sentences (0.55 M characters × Scale), every built-in analyzer.</summary>
    [Benchmark]
    public int LongDocument() => _all.Analyze(_long).Annotations.Count;

    /// <summary>Validating a lexicon of 50,000 × Scale patterns (overlaps through a word trie).</summary>
    [Benchmark]
    public int LexiconValidate() => FramingLexiconValidator.Validate(_lexicon).Count;

    /// <summary>Building the framing analyzer (its matcher) from a lexicon of 50,000 × Scale patterns.</summary>
    [Benchmark]
    public int LexiconBuild() => new TextLensPipelineBuilder().AddFraming(o => o.AddLexicon(_lexicon)).Build().Analyzers.Count;
}

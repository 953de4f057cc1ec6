using BenchmarkDotNet.Attributes;
using TextLens.Text;

namespace TextLens.Benchmarks;

/// <summary>
/// A BenchmarkDotNet base class for analyzer authors: times one analyzer over every document of
/// <see cref="BenchmarkCorpus.Instance"/>, pre-parsed once in <see cref="Setup"/> (so only the analyzer is measured,
/// as in the pipeline, where a document is parsed once for all analyzers), against a baseline analyzer over the
/// same documents. One operation is one pass over the corpus; the <c>MChars/s</c> column is corpus characters
/// divided by the mean time, and <c>Ratio</c> compares with the baseline.
/// </summary>
/// <remarks>
/// <para>Derive, implement <see cref="CreateAnalyzer"/>, and run with BenchmarkSwitcher:</para>
/// <code>
/// public class HedgingBenchmark : AnalyzerBenchmark
/// {
///     protected override IAnalyzer CreateAnalyzer() => new TextLensPipelineBuilder().AddHedging().Build().Analyzers[0];
/// }
/// </code>
/// <para>Each document gets a fresh <see cref="AnalysisContext"/> per operation (the engine reuses one per worker,
/// but its reset is internal): both benchmarks pay the same small allocation for it (a context and its annotation
/// list, about 0.6 KB a document), plus whatever annotations the analyzer writes. An analyzer that reads earlier
/// layers (the required layers of its <see cref="AnalyzerDescriptor"/>) sees none here: benchmark such an analyzer
/// through the pipeline instead.</para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public abstract class AnalyzerBenchmark
{
    private ParsedDocument[] _documents = [];
    private IAnalyzer? _analyzer;
    private IAnalyzer? _baseline;

    /// <summary>The corpus (documents and characters).</summary>
    protected BenchmarkCorpus Corpus { get; private set; } = null!;

    /// <summary>Characters processed by one operation (one pass over the corpus).</summary>
    public long CharactersProcessed => Corpus.TotalChars;

    /// <summary>Creates the analyzer under test.</summary>
    protected abstract IAnalyzer CreateAnalyzer();

    /// <summary>
    /// Analyzers to compare with; the first is measured by <see cref="Baseline"/>. By default the built-in framing
    /// analyzer with its default lexicon.
    /// </summary>
    protected virtual IEnumerable<IAnalyzer> Baselines() => new TextLensPipelineBuilder().AddFraming().Build().Analyzers;

    /// <summary>The parser that prepares the documents; the default parser unless overridden.</summary>
    protected virtual DocumentParser Parser => DocumentParser.Default;

    /// <summary>Loads the corpus, parses every document once and creates the analyzers.</summary>
    [GlobalSetup]
    public virtual void Setup()
    {
        Corpus = BenchmarkCorpus.Instance;
        _documents = Corpus.Documents.Select(Parser.Parse).ToArray();
        _analyzer = CreateAnalyzer() ?? throw new InvalidOperationException($"{GetType().Name}.CreateAnalyzer() returned null.");
        _baseline = Baselines().FirstOrDefault() ?? throw new InvalidOperationException($"{GetType().Name}.Baselines() is empty.");
        Console.WriteLine($"// Corpus: {Corpus}; analyzer {_analyzer.Descriptor.Id}, baseline {_baseline.Descriptor.Id}");
    }

    /// <summary>The analyzer under test over every pre-parsed document; returns the annotations written.</summary>
    [Benchmark]
    public int Analyzer() => Run(_analyzer!);

    /// <summary>The first of <see cref="Baselines"/> over the same documents; returns the annotations written.</summary>
    [Benchmark(Baseline = true)]
    public int Baseline() => Run(_baseline!);

    private int Run(IAnalyzer analyzer)
    {
        var annotations = 0;
        foreach (var document in _documents)
        {
            var context = new AnalysisContext(document);
            analyzer.Analyze(context);
            annotations += context.Annotations.Count;
        }

        return annotations;
    }
}

/// <summary>
/// <see cref="AnalyzerBenchmark"/> with a typed factory, for authors whose analyzer type is public:
/// <c>class MyBenchmark : AnalyzerBenchmark&lt;MyAnalyzer&gt;</c>. When the analyzer is internal (the usual case for a
/// plugin: only its builder extension is public), derive from <c>AnalyzerBenchmark&lt;IAnalyzer&gt;</c> or
/// <see cref="AnalyzerBenchmark"/> and take it from a pipeline: <c>new TextLensPipelineBuilder().AddHedging().Build().Analyzers[0]</c>.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer type.</typeparam>
public abstract class AnalyzerBenchmark<TAnalyzer> : AnalyzerBenchmark
    where TAnalyzer : class, IAnalyzer
{
    /// <summary>Creates the analyzer under test.</summary>
    protected abstract override TAnalyzer CreateAnalyzer();
}

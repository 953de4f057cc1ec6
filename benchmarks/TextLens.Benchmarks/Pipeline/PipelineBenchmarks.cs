using BenchmarkDotNet.Attributes;
using TextLens.Corpus;

namespace TextLens.Benchmarks.Pipeline;

/// <summary>
/// End to end: <see cref="TextLensPipeline.AnalyzeAsync"/> with the console's default analyzers (every built-in
/// registered in <see cref="AnalyzerRegistry"/>, default options) over every document of
/// <see cref="BenchmarkCorpus.Instance"/> held in memory (an <see cref="InMemoryCorpus"/>, so disk and decoding are
/// not measured: see <c>CorpusReadingBenchmarks</c> for those), grouped by outlet: parse once, analyzers in order,
/// per-worker accumulators, merge, statistics and the report. <c>OneCore</c> (baseline) runs with
/// <see cref="AnalysisOptions.MaxDegreeOfParallelism"/> 1, <c>AllCores</c> with <see cref="Environment.ProcessorCount"/>;
/// the Ratio column is the parallel speed-up. <c>MChars/s</c> is corpus characters divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class PipelineBenchmarks
{
    private TextLensPipeline _pipeline = null!;
    private InMemoryCorpus _corpus = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = BenchmarkCorpus.Instance;
        _corpus = new InMemoryCorpus(corpus.Documents, "benchmark");
        var builder = new TextLensPipelineBuilder();
        foreach (var registration in new AnalyzerRegistry().Registrations)
        {
            registration.Configure(builder, null);
        }

        _pipeline = builder.Build();
        Console.WriteLine($"// Corpus: {corpus}; analyzers: {string.Join(", ", _pipeline.Analyzers.Select(a => a.Descriptor.Id))}; " +
            $"{Environment.ProcessorCount} processors");
    }

    [Benchmark(Baseline = true)]
    public Task<long> OneCore() => RunAsync(1);

    [Benchmark]
    public Task<long> AllCores() => RunAsync(Environment.ProcessorCount);

    private async Task<long> RunAsync(int threads)
    {
        var report = await _pipeline.AnalyzeAsync(_corpus, new AnalysisOptions { MaxDegreeOfParallelism = threads });
        return report.Manifest.Counts.DocumentsAnalyzed;
    }
}

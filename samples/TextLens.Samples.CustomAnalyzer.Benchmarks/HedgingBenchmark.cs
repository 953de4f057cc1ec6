using BenchmarkDotNet.Attributes;
using TextLens.Benchmarks;

namespace TextLens.Samples.CustomAnalyzer.Benchmarks;

/// <summary>
/// The hedging analyzer over the benchmark corpus (pre-parsed once), against the built-in framing analyzer as
/// baseline: <c>Analyzer</c> and <c>Baseline</c> rows, MChars/s, allocations, ratio. The analyzer type is internal to
/// the plugin, so it is taken from a pipeline built with the plugin's public builder extension.
/// </summary>
[MemoryDiagnoser]
public class HedgingBenchmark : AnalyzerBenchmark<IAnalyzer>
{
    protected override IAnalyzer CreateAnalyzer() => new TextLensPipelineBuilder().AddHedging().Build().Analyzers[0];
}

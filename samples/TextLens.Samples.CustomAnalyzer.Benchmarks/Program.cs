// dotnet run -c Release -- --filter '*Hedging*' --job short
// Exit code 1 when a benchmark fails (BenchmarkSuite.Run), so CI can run it in dry mode.
return TextLens.Benchmarks.BenchmarkSuite.Run(typeof(TextLens.Samples.CustomAnalyzer.Benchmarks.HedgingBenchmark).Assembly, args);

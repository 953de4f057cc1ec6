using TextLens.Benchmarks.Entities;
using TextLens.Benchmarks.Framing;
using TextLens.Benchmarks.Parsing;

namespace TextLens.Benchmarks;

/// <summary>
/// One suite: pick benchmarks with <c>--filter</c>, e.g. <c>dotnet run -c Release -- --filter '*Pipeline*' --job short</c>.
/// CPU-time probes that do not need BenchmarkDotNet: <c>--parse-cpu</c>, <c>--framing-cpu</c>, <c>--entities-cpu</c>,
/// <c>--parquet-cpu</c> and <c>--parquet-run</c> (the per-annotation writers);
/// <c>--parse-digest</c> prints digests of the parser's and the framing matcher's output, to check a change keeps them.
/// See benchmarks/README.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case ["--parse-cpu", ..]:
                ParseThroughput.Run(args);
                return 0;
            case ["--parse-digest", ..]:
                ParseDigest.Run();
                return 0;
            case ["--framing-cpu", ..]:
                FramingThroughput.Run(args);
                return 0;
            case ["--entities-cpu", ..]:
                EntityThroughput.Run(args);
                return 0;
            case ["--parquet-cpu", ..]:
                Parquet.ParquetWriterThroughput.RunAsync(args).GetAwaiter().GetResult();
                return 0;
            case ["--parquet-run", ..]:
                Parquet.ParquetWriterThroughput.RunWholeCorpusAsync(args).GetAwaiter().GetResult();
                return 0;
            default:
                return BenchmarkSuite.Run(typeof(Program).Assembly, args);
        }
    }
}

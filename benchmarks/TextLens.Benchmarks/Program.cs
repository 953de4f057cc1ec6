using TextLens.Benchmarks.Parsing;

namespace TextLens.Benchmarks;

/// <summary>
/// One suite: pick benchmarks with <c>--filter</c>, e.g. <c>dotnet run -c Release -- --filter '*Pipeline*' --job short</c>;
/// <c>-- --parse-cpu</c> for the parser's CPU-time throughput. See benchmarks/README.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--parse-cpu", ..])
        {
            ParseThroughput.Run(args);
            return 0;
        }

        return BenchmarkSuite.Run(typeof(Program).Assembly, args);
    }
}

using BenchmarkDotNet.Running;
using TextLens.Benchmarks.Parsing;

namespace TextLens.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*Framing*'</c>; <c>-- --parse-cpu</c> for the parser's CPU-time throughput.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--parse-cpu", ..])
        {
            ParseThroughput.Run(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

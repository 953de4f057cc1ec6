using BenchmarkDotNet.Running;
using TextLens.Benchmarks.Entities;
using TextLens.Benchmarks.Framing;
using TextLens.Benchmarks.Parsing;

namespace TextLens.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*Framing*'</c>; <c>-- --parse-cpu</c> for the parser's CPU-time throughput, <c>-- --framing-cpu</c> for the framing matcher's, <c>-- --entities-cpu</c> for the entity analyzer's.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--parse-cpu", ..])
        {
            ParseThroughput.Run(args);
            return;
        }


        if (args is ["--framing-cpu", ..])
        {
            FramingThroughput.Run(args);
            return;
        }

        if (args is ["--entities-cpu", ..])
        {
            EntityThroughput.Run(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

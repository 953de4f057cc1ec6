using BenchmarkDotNet.Running;

namespace TextLens.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*Framing*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

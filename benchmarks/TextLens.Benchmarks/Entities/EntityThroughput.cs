using System.Globalization;

namespace TextLens.Benchmarks.Entities;

/// <summary>
/// <c>dotnet run -c Release -- --entities-cpu [seconds]</c>: the passes of <see cref="EntityBenchmarks"/> timed with the
/// process's CPU time as well as wall time, and their allocations per pass. On a shared, busy machine the CPU time of
/// a single-threaded loop is what one core delivers. Not a replacement for BenchmarkDotNet.
/// </summary>
internal static class EntityThroughput
{
    public static void Run(string[] args)
    {
        var seconds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 3;
        var bench = new EntityBenchmarks();
        bench.Setup();
        var chars = Framing.FramingWorkload.For(10_000).TotalChars;
        Console.WriteLine("| Pass | hits or annotations | CPU ms/pass | M chars/s (CPU) | wall ms/pass | bytes allocated/pass |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Measure("Framing matcher, 10,000 patterns (baseline)", bench.FramingMatcher10k);
        Measure("Framing analyzer, default lexicon", bench.FramingAnalyzer);
        Measure("Entities, 10,000-alias gazetteer", bench.EntitiesGazetteer10k);
        Measure("Entities, 10,000-alias gazetteer + unlisted names", bench.EntitiesGazetteer10kAndUnlisted);
        Measure("Entities, world + karabakh + unlisted names", bench.EntitiesDefaultsAndUnlisted);
        Measure("Entities, world + karabakh + statistical model", bench.EntitiesDefaultsAndModel);

        void Measure(string name, Func<int> pass)
        {
            var t = CpuTimedPass.Measure(pass, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {t.Result:N0} | {t.CpuMilliseconds:F1} | {chars / t.CpuMilliseconds / 1e3:F1} | {t.WallMilliseconds:F1} | {t.AllocatedBytes:N0} |"));
        }
    }
}

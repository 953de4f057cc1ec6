using System.Diagnostics;

namespace TextLens.Benchmarks;

/// <summary>
/// One single-threaded pass timed with the process's CPU time as well as wall time, and its allocations: on a shared,
/// busy machine the CPU time of a single-threaded loop is what one core delivers. Used by the <c>--*-cpu</c> probes;
/// not a replacement for BenchmarkDotNet.
/// </summary>
/// <param name="Result">What the first pass returned (hits, annotations).</param>
/// <param name="CpuMilliseconds">CPU time per pass.</param>
/// <param name="WallMilliseconds">Wall time per pass.</param>
/// <param name="AllocatedBytes">Bytes allocated on the thread per pass.</param>
internal readonly record struct CpuTimedPass(int Result, double CpuMilliseconds, double WallMilliseconds, long AllocatedBytes)
{
    /// <summary>
    /// Warms <paramref name="pass"/> up for <paramref name="warmUpSeconds"/> (and at least two passes, so tiered
    /// compilation reaches optimised code), then times <paramref name="passes"/> passes, or as many as fit in the
    /// warm-up time when none is given.
    /// </summary>
    public static CpuTimedPass Measure(Func<int> pass, double warmUpSeconds, int? passes = null)
    {
        var warm = Stopwatch.StartNew();
        var result = pass();
        var runs = 1;
        while (warm.Elapsed.TotalSeconds < warmUpSeconds || runs < 2)
        {
            pass();
            runs++;
        }

        var count = passes ?? Math.Max(2, (int)(warmUpSeconds * 1000 / Math.Max(1, warm.Elapsed.TotalMilliseconds / runs)));
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var t0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            pass();
        }

        var wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / count;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / count;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / count;
        return new CpuTimedPass(result, cpu, wall, allocated);
    }
}

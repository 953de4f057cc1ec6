using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TextLens.Benchmarks;

/// <summary>
/// Entry point helper for a benchmark program: runs <see cref="BenchmarkSwitcher"/> over an assembly and turns the
/// outcome into an exit code, so scripts (the CI dry run) fail when a benchmark does not build, throws, or is
/// rejected by validation.
/// </summary>
public static class BenchmarkSuite
{
    /// <summary>Runs the benchmarks selected by <paramref name="args"/>; returns 0, or 1 when any of them failed.</summary>
    /// <param name="assembly">The assembly holding the benchmark classes.</param>
    /// <param name="args">BenchmarkDotNet's command line (<c>--filter</c>, <c>--job</c>, ...).</param>
    public static int Run(Assembly assembly, string[] args)
    {
        // BenchmarkDotNet builds a boilerplate project per run and kills the build after 2 minutes by default; on a
        // shared 2-core machine under load that build alone can take longer, so allow 10.
        var config = ManualConfig.Create(DefaultConfig.Instance);
        config.BuildTimeout = TimeSpan.FromMinutes(10);
        var summaries = BenchmarkSwitcher.FromAssembly(assembly).Run(args, config).ToArray();
        var failures = Failures(summaries).ToList();
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("// BENCHMARK FAILED: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Why each failed benchmark failed (empty when all ran).</summary>
    /// <param name="summaries">The summaries of a run.</param>
    public static IEnumerable<string> Failures(IEnumerable<Summary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        foreach (var summary in summaries)
        {
            foreach (var error in summary.ValidationErrors.Where(e => e.IsCritical))
            {
                yield return $"{summary.Title}: validation: {error.Message}";
            }

            foreach (var benchmark in summary.BenchmarksCases)
            {
                var report = summary[benchmark];
                if (report is null || !report.Success || report.ResultStatistics is null)
                {
                    yield return $"{benchmark.DisplayInfo}: " + (report is null ? "no report" : !report.BuildResult.IsBuildSuccess ? "build failed" : "did not run to completion");
                }
            }
        }
    }
}

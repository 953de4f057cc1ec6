using System.Globalization;
using System.Text.RegularExpressions;
using TextLens.Text;

namespace TextLens.Benchmarks.Framing;

/// <summary>
/// <c>dotnet run -c Release -- --framing-cpu [seconds] [textlens|all] [patterns]</c> (<c>textlens</c>: only the TextLens
/// passes; <c>patterns</c>: one lexicon size only): the contenders of <see cref="FramingMatcherBenchmarks"/> and
/// <see cref="FramingRegexCompiledBenchmarks"/> timed with the process's CPU time as well as wall time, and their
/// allocations per pass. On a shared, busy machine the CPU time of a single-threaded loop is what one core
/// delivers. Not a replacement for BenchmarkDotNet.
/// </summary>
internal static class FramingThroughput
{
    public static void Run(string[] args)
    {
        var seconds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 3;
        var textLensOnly = args.Length > 2 && args[2] == "textlens";
        Console.WriteLine("| Patterns | Contender | input chars | hits | CPU ms/pass | M chars/s (CPU) | wall ms/pass | bytes allocated/pass |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        var sizes = args.Length > 3 && int.TryParse(args[3], CultureInfo.InvariantCulture, out var only) ? new[] { only } : [50, 1_000, 10_000];
        foreach (var patterns in sizes)
        {
            var w = FramingWorkload.For(patterns);
            var reused = new ParsedDocument();
            var parsed = w.ParseAll();
            var nonBacktracking = textLensOnly ? null! : w.CreateRegex(RegexOptions.NonBacktracking);
            Measure(patterns, "TextLens parse + match", w, () => w.CountParseAndMatch(reused));
            Measure(patterns, "TextLens match only", w, () => w.CountMatchOnly(parsed));
            Measure(patterns, "Parse only (for reference)", w, () => ParseOnly(w, reused));
            if (textLensOnly)
            {
                continue;
            }

            Measure(patterns, "Regex NonBacktracking", w, () => w.CountRegex(nonBacktracking));
            Measure(patterns, "SearchValues + boundary", w, w.CountSearchValues);
            var small = FramingWorkload.For(patterns, reduced: patterns >= 10_000);
            var compiled = small.CreateRegex(RegexOptions.Compiled);
            var smallReused = new ParsedDocument();
            Measure(patterns, patterns >= 10_000 ? "TextLens parse + match (1/20 input)" : "TextLens parse + match (again)", small, () => small.CountParseAndMatch(smallReused));
            Measure(patterns, patterns >= 10_000 ? "Regex Compiled (1/20 input)" : "Regex Compiled", small, () => small.CountRegex(compiled));
        }

        void Measure(int patterns, string name, FramingWorkload w, Func<int> pass)
        {
            var t = CpuTimedPass.Measure(pass, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {patterns:N0} | {name} | {w.TotalChars:N0} | {t.Result:N0} | {t.CpuMilliseconds:F1} | {w.TotalChars / t.CpuMilliseconds / 1e3:F1} | {t.WallMilliseconds:F1} | {t.AllocatedBytes:N0} |"));
        }
    }

    private static int ParseOnly(FramingWorkload w, ParsedDocument reused)
    {
        var tokens = 0;
        foreach (var d in w.Documents)
        {
            DocumentParser.Default.Parse(d, reused);
            tokens += reused.Tokens.Length;
        }

        return tokens;
    }
}

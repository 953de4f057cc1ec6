using System.Globalization;
using TextLens.Text;

namespace TextLens.Benchmarks.Parsing;

/// <summary>
/// <c>dotnet run -c Release -- --parse-cpu [passes]</c>: the parse passes of <see cref="ParseBenchmarks"/> timed with
/// the process's CPU time as well as wall time. On a shared machine other processes stretch the wall time of every
/// benchmark; the CPU time of a single-threaded loop is what one core delivers. Not a replacement for
/// BenchmarkDotNet: use it to read single-core throughput when the machine is busy.
/// </summary>
internal static class ParseThroughput
{
    public static void Run(string[] args)
    {
        var passes = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var p) ? p : 40;
        var corpus = BenchmarkCorpus.Instance;
        var parsed = new ParsedDocument();
        Console.WriteLine($"Corpus: {corpus.Source}, {corpus.Documents.Length} documents, {corpus.TotalChars} chars; {passes} passes each");
        Console.WriteLine("| Pass | CPU ms/pass | M chars/s (CPU) | wall ms/pass | M chars/s (wall) | bytes allocated/pass |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Measure("Tokenize", 0);
        Measure("TokenizeAndSplit", 1);
        Measure("Parse", 2);

        void Measure(string name, int level)
        {
            // Three seconds of warm-up: long enough for tiered compilation to reach its optimized code.
            var t = CpuTimedPass.Measure(() => Pass(level), warmUpSeconds: 3, passes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {t.CpuMilliseconds:F1} | {corpus.TotalChars / t.CpuMilliseconds / 1e3:F1} | {t.WallMilliseconds:F1} | {corpus.TotalChars / t.WallMilliseconds / 1e3:F1} | {t.AllocatedBytes} |"));
        }

        int Pass(int level)
        {
            foreach (var document in corpus.Documents)
            {
                if (level == 2)
                {
                    DocumentParser.Default.Parse(document, parsed);
                    continue;
                }

                parsed.Reset(document);
                Tokenizer.Tokenize(document.Text, parsed);
                if (level == 1)
                {
                    SentenceSplitter.Split(parsed);
                }
            }

            return parsed.Tokens.Length;
        }
    }
}

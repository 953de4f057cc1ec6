using System.Diagnostics;
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
        var corpus = NewsCorpus.Instance;
        var parsed = new ParsedDocument();
        Console.WriteLine($"Corpus: {corpus.Source}, {corpus.Documents.Length} documents, {corpus.TotalChars} chars; {passes} passes each");
        Console.WriteLine("| Pass | CPU ms/pass | M chars/s (CPU) | wall ms/pass | M chars/s (wall) | bytes allocated/pass |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Measure("Tokenize", 0);
        Measure("TokenizeAndSplit", 1);
        Measure("Parse", 2);

        void Measure(string name, int level)
        {
            // Long enough for tiered compilation to reach its optimized code.
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 3000)
            {
                Pass(level);
            }

            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var alloc0 = GC.GetAllocatedBytesForCurrentThread();
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < passes; i++)
            {
                Pass(level);
            }

            var wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / passes;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / passes;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / passes;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {cpu:F1} | {corpus.TotalChars / cpu / 1e3:F1} | {wall:F1} | {corpus.TotalChars / wall / 1e3:F1} | {allocated} |"));
        }

        void Pass(int level)
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
        }
    }
}

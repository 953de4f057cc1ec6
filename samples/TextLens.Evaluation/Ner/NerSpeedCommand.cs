using System.Diagnostics;
using System.Text.Json;
using TextLens.Entities;
using TextLens.Entities.Recognition;
using TextLens.Text;

namespace TextLens.Evaluation.Ner;

/// <summary><c>ner-speed</c>: a quick single-thread tagging throughput probe on BBC News (the BenchmarkDotNet suite has the real figures).</summary>
internal sealed class NerSpeedCommand : IEvaluationCommand
{
    public string Name => "ner-speed";

    public string Description => "Quick tagging throughput probe on bbc-news (--model file, --rounds N)";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var cl = NerCommandLine.Parse(args, "model", "rounds", "data");
        var path = cl.DataPath("data", "bbc-news/bbc_news.jsonl");
        var recognizer = cl["model"] is { } m ? StatisticalEntityRecognizer.Load(m) : StatisticalEntityRecognizer.LoadDefault();
        var docs = File.ReadLines(path)
            .Select((l, i) => DocumentParser.Default.Parse(new TextDocument($"bbc-{i}", JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "")))
            .ToArray();
        var tokens = docs.Sum(d => (long)d.Tokens.Length);
        var found = new List<RecognizedEntity>(1024);
        var rounds = cl.Int("rounds", 5);
        for (var r = 0; r < rounds; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var names = 0;
            foreach (var d in docs)
            {
                found.Clear();
                recognizer.Recognize(d, [], found);
                names += found.Count;
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine($"round {r + 1}: {tokens:N0} tokens in {elapsed * 1000:F0} ms = {tokens / elapsed:N0} tokens/s wall, {tokens / cpuSeconds:N0} tokens per CPU second, {names:N0} names, {allocated:N0} bytes allocated");
        }

        return Task.FromResult(0);
    }
}

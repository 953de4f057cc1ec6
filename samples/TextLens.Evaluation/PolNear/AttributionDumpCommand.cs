namespace TextLens.Evaluation.PolNear;

/// <summary><c>attribution-dump &lt;file&gt;...</c>: prints every attribution found in text files, to check them by eye.</summary>
internal sealed class AttributionDumpCommand : IEvaluationCommand
{
    public string Name => "attribution-dump";

    public string Description => "Print the attributions found in text files (source, cue, content, label, facets).";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count == 0)
        {
            Console.Error.WriteLine("usage: textlens-eval attribution-dump [--entities] <file.txt>...");
            return Task.FromResult(2);
        }

        var builder = new TextLensPipelineBuilder();
        if (args.Contains("--entities"))
        {
            builder.AddEntities();
        }

        var pipeline = builder.AddAttribution().Build();
        foreach (var path in args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(path);
            var result = pipeline.Analyze(new TextDocument(Path.GetFileName(path), text), cancellationToken: cancellationToken);
            Console.WriteLine($"=== {path}");
            foreach (var f in result.DocumentFacets)
            {
                Console.WriteLine($"  [doc] {f.Key}={f.Value}");
            }

            foreach (var a in result.Annotations.Where(a => a.Layer == "attribution"))
            {
                string Part(string role) => string.Join(" + ", a.Spans.Where(s => s.Role == role).Select(s => Clip(text.Substring(s.Start, s.Length))));
                Console.WriteLine($"- {a.Category} | {a.Label} | {string.Join(" ", a.Facets.Select(f => $"{f.Key}={f.Value}"))}");
                Console.WriteLine($"    source: {Part("source")}");
                Console.WriteLine($"    cue:    {Part("cue")}");
                Console.WriteLine($"    content:{Part("content")}");
            }
        }

        return Task.FromResult(0);
    }

    private static string Clip(string s)
    {
        s = s.Replace('\n', ' ');
        return s.Length <= 110 ? s : string.Concat(s.AsSpan(0, 60), " … ", s.AsSpan(s.Length - 45));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TextLens.Entities;

namespace TextLens.Evaluation.Conll;

/// <summary>
/// <c>textlens-eval conll-entities [--data file.jsonl] [--errors N]</c>: precision, recall and F1 of the entity analyzer
/// against CoNLL-2003 (<c>../shared/data/conll2003/conll2003_testa_docs.jsonl</c> by default), exact span and type,
/// once with the gazetteers only and once with gazetteers plus the recognizer of unlisted names.
/// </summary>
/// <remarks>
/// Types are mapped to CoNLL's: PERSON → PER; GPE, LOC and FAC → LOC; ORG → ORG; NORP, EVENT and custom types →
/// MISC. Unlisted names typed UNKNOWN make no claim about a type and are left out (their count is printed).
/// PER, LOC and ORG are micro-averaged together; MISC is reported on its own.
/// </remarks>
internal sealed class ConllEntitiesCommand : IEvaluationCommand
{
    private static readonly string[] Types = ["PER", "LOC", "ORG", "MISC"];

    public string Name => "conll-entities";

    public string Description => "Entity analyzer vs CoNLL-2003 testa: P/R/F1 per type, gazetteer only and gazetteer + unlisted names.";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var data = Option(args, "--data") ?? Path.Combine(RepositoryRoot(), "..", "shared", "data", "conll2003", "conll2003_testa_docs.jsonl");
        var errors = int.Parse(Option(args, "--errors") ?? "0", CultureInfo.InvariantCulture);
        if (!File.Exists(data))
        {
            Console.Error.WriteLine($"conll-entities: {data} not found (pass --data <conll2003_testa_docs.jsonl>).");
            return Task.FromResult(2);
        }

        var documents = File.ReadLines(data).Where(l => l.Length > 0).Select(Parse).ToList();
        Console.WriteLine($"CoNLL-2003 {Path.GetFileName(data)}: {documents.Count} documents, {documents.Sum(d => d.Gold.Count)} gold entities " +
                          $"({string.Join(", ", Types.Select(t => $"{t} {documents.Sum(d => d.Gold.Count(g => g.Type == t))}"))}).");
        Console.WriteLine();
        foreach (var (title, mode) in new[] { ("Gazetteer only", EntityMode.GazetteerOnly), ("Gazetteer + unlisted names", EntityMode.Both) })
        {
            cancellationToken.ThrowIfCancellationRequested();
            Evaluate(title, mode, documents, errors);
        }

        return Task.FromResult(0);
    }

    private static void Evaluate(string title, EntityMode mode, List<ConllDocument> documents, int errors)
    {
        var pipeline = new TextLensPipelineBuilder().AddEntities(o => o.Mode = mode).Build();
        var counts = Types.ToDictionary(t => t, _ => (Tp: 0, Fp: 0, Fn: 0), StringComparer.Ordinal);
        var unknown = 0;
        var mistakes = new List<string>();
        var watch = Stopwatch.StartNew();
        foreach (var doc in documents)
        {
            var result = pipeline.Analyze(new TextDocument(doc.Id, doc.Text));
            var predicted = new HashSet<(int, int, string)>();
            foreach (var a in result.Annotations.Where(a => a.Layer == "entity"))
            {
                if (a.Category == EntityTypes.Unknown)
                {
                    unknown++;
                    continue;
                }

                predicted.Add((a.Start, a.End, Map(a.Category)));
            }

            var gold = doc.Gold.Select(g => (g.Start, g.End, g.Type)).ToHashSet();
            foreach (var p in predicted)
            {
                var c = counts[p.Item3];
                counts[p.Item3] = gold.Contains(p) ? c with { Tp = c.Tp + 1 } : c with { Fp = c.Fp + 1 };
                if (!gold.Contains(p) && mistakes.Count < errors)
                {
                    mistakes.Add($"FP {p.Item3,-4} '{doc.Text[p.Item1..p.Item2]}'");
                }
            }

            foreach (var g in gold.Where(g => !predicted.Contains(g)))
            {
                var c = counts[g.Type];
                counts[g.Type] = c with { Fn = c.Fn + 1 };
                if (mistakes.Count < errors)
                {
                    mistakes.Add($"FN {g.Type,-4} '{doc.Text[g.Start..g.End]}'");
                }
            }
        }

        Console.WriteLine($"## {title}  ({watch.Elapsed.TotalSeconds:F1} s; {unknown} UNKNOWN-typed unlisted names not scored)");
        Console.WriteLine();
        Console.WriteLine("| type | gold | predicted | correct | precision | recall | F1 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var t in Types)
        {
            Row(t, counts[t]);
        }

        var main = counts.Where(kv => kv.Key != "MISC").Select(kv => kv.Value).Aggregate((a, b) => (a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn));
        Row("PER+LOC+ORG (micro)", main);
        Console.WriteLine();
        foreach (var m in mistakes)
        {
            Console.WriteLine(m);
        }
    }

    private static void Row(string type, (int Tp, int Fp, int Fn) c)
    {
        var p = c.Tp + c.Fp == 0 ? 0 : (double)c.Tp / (c.Tp + c.Fp);
        var r = c.Tp + c.Fn == 0 ? 0 : (double)c.Tp / (c.Tp + c.Fn);
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {type} | {c.Tp + c.Fn} | {c.Tp + c.Fp} | {c.Tp} | {p:P1} | {r:P1} | {f:P1} |"));
    }

    /// <summary>TextLens types to CoNLL's four.</summary>
    internal static string Map(string type) => type switch
    {
        EntityTypes.Person => "PER",
        EntityTypes.GeopoliticalEntity or EntityTypes.Location or EntityTypes.Facility => "LOC",
        EntityTypes.Organization => "ORG",
        _ => "MISC",
    };

    private static ConllDocument Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var gold = root.GetProperty("entities").EnumerateArray()
            .Select(e => new ConllEntity(e.GetProperty("type").GetString()!, e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32()))
            .ToList();
        return new ConllDocument(root.GetProperty("doc_index").GetInt32().ToString(CultureInfo.InvariantCulture), root.GetProperty("text").GetString()!, gold);
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (string.Equals(args[i], name, StringComparison.Ordinal))
            {
                return args[i + 1];
            }
        }

        return null;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private sealed record ConllEntity(string Type, int Start, int End);

    private sealed record ConllDocument(string Id, string Text, List<ConllEntity> Gold);
}

using System.Globalization;
using System.Text.Json;

namespace TextLens.Evaluation.Quotes;

/// <summary>
/// <c>quotes [--data DIR] [--errors]</c>: scores the attribution analyzer as a quotation extractor (the Gender Gap
/// Tracker's measures) against hand-checked gold: every attribution annotation is a predicted quotation (its content
/// spans together); it matches a gold quotation when their content overlaps by at least 0.3 of the gold content
/// (one-to-one, greedy, largest overlap first). Prints quotation precision, recall and F1, and the speaker accuracy on
/// the matched quotations (the prediction's label or written source contains the last word of a gold speaker). The
/// default data is the self-written set in <c>Quotes/news</c>; it was used while writing the rules, so its figures
/// check the rules and are not an estimate for unseen news.
/// </summary>
internal sealed class QuotesCommand : IEvaluationCommand
{
    private const double MinOverlap = 0.3;

    public string Name => "quotes";

    public string Description => "Score quotations and speakers against hand-checked gold (--data DIR with gold.json and the texts; --errors).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var data = Path.Combine("samples", "TextLens.Evaluation", "Quotes", "news");
        var errors = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Count:
                    data = args[++i];
                    break;
                case "--errors":
                    errors = true;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"quotes: unknown argument '{args[i]}'.");
                    return 2;
            }
        }

        var goldPath = Path.Combine(data, "gold.json");
        if (!File.Exists(goldPath))
        {
            await Console.Error.WriteLineAsync($"quotes: {goldPath} not found (run from the repository root or pass --data).");
            return 1;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(goldPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var pipeline = new TextLensPipelineBuilder().AddAttribution().Build();
        int gold = 0, matchedGold = 0, predicted = 0, matchedPredicted = 0, speakerRight = 0;
        foreach (var article in json.RootElement.EnumerateArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = article.GetProperty("file").GetString()!;
            var text = File.ReadAllText(Path.Combine(data, file));
            var golds = new List<GoldQuote>();
            foreach (var q in article.GetProperty("quotes").EnumerateArray())
            {
                var parts = new List<(int Start, int End)>();
                foreach (var part in q.GetProperty("content").EnumerateArray())
                {
                    var s = part.GetString()!;
                    var at = text.IndexOf(s, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        await Console.Error.WriteLineAsync($"quotes: {file}: gold content not found in the text: {s}");
                        return 1;
                    }

                    parts.Add((at, at + s.Length));
                }

                var optional = q.TryGetProperty("optional", out var o) && o.GetBoolean();
                golds.Add(new GoldQuote(parts, q.GetProperty("speaker").GetString()!.Split('|'), optional));
            }

            var result = pipeline.Analyze(new TextDocument(file, text), cancellationToken: cancellationToken);
            var predictions = result.Annotations.Where(a => a.Layer == "attribution").Select(a => new PredictedQuote(
                a.Spans.Where(s => s.Role == "content").Select(s => (s.Start, s.End)).ToList(),
                a.Label,
                a.Span("source") is { } src ? text.Substring(src.Start, src.Length) : "")).ToList();
            var matches = Match(golds, predictions);
            var matchedPredictions = new HashSet<int>(matches.Where(m => m >= 0));
            for (var g = 0; g < golds.Count; g++)
            {
                var right = matches[g] >= 0 && SpeakerMatches(golds[g], predictions[matches[g]]);
                if (!golds[g].Optional)
                {
                    gold++;
                    if (matches[g] >= 0)
                    {
                        matchedGold++;
                        speakerRight += right ? 1 : 0;
                    }
                }

                if (errors && !golds[g].Optional && (matches[g] < 0 || !right))
                {
                    var what = matches[g] < 0 ? "missed" : $"wrong speaker '{predictions[matches[g]].Label}'";
                    Console.WriteLine($"{file}: {what}: [{string.Join("|", golds[g].Speakers)}] {Clip(text, golds[g].Content)}");
                }
            }

            for (var p = 0; p < predictions.Count; p++)
            {
                var m = Array.IndexOf(matches, p);
                if (m >= 0 && golds[m].Optional)
                {
                    continue;
                }

                predicted++;
                if (matchedPredictions.Contains(p))
                {
                    matchedPredicted++;
                }
                else if (errors)
                {
                    Console.WriteLine($"{file}: spurious: [{predictions[p].Label}] {Clip(text, predictions[p].Content)}");
                }
            }
        }

        var precision = Ratio(matchedPredicted, predicted);
        var recall = Ratio(matchedGold, gold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"quotations: gold {gold}, predicted {predicted}; P {precision:0.000} R {recall:0.000} F1 {F1(precision, recall):0.000}; speaker accuracy {Ratio(speakerRight, matchedGold):0.000} ({speakerRight}/{matchedGold})"));
        return 0;
    }

    /// <summary>One-to-one greedy matching on content overlap (a share of the gold content), largest share first.</summary>
    internal static int[] Match(List<GoldQuote> golds, List<PredictedQuote> predicted)
    {
        var candidates = new List<(int Gold, int Predicted, double Share)>();
        for (var g = 0; g < golds.Count; g++)
        {
            var length = golds[g].Content.Sum(c => c.End - c.Start);
            for (var p = 0; p < predicted.Count; p++)
            {
                var overlap = 0;
                foreach (var a in golds[g].Content)
                {
                    foreach (var b in predicted[p].Content)
                    {
                        overlap += Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
                    }
                }

                var share = length > 0 ? (double)overlap / length : 0;
                if (share >= MinOverlap)
                {
                    candidates.Add((g, p, share));
                }
            }
        }

        var matches = Enumerable.Repeat(-1, golds.Count).ToArray();
        var used = new HashSet<int>();
        foreach (var (g, p, _) in candidates.OrderByDescending(c => c.Share))
        {
            if (matches[g] < 0 && used.Add(p))
            {
                matches[g] = p;
            }
        }

        return matches;
    }

    private static bool SpeakerMatches(GoldQuote gold, PredictedQuote predicted)
    {
        foreach (var speaker in gold.Speakers)
        {
            var last = speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            if (predicted.Label.Contains(last, StringComparison.OrdinalIgnoreCase) || predicted.Source.Contains(last, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clip(string text, List<(int Start, int End)> spans)
    {
        var s = string.Join(" … ", spans.Select(c => text[c.Start..c.End])).Replace('\n', ' ');
        return s.Length <= 120 ? s : string.Concat(s.AsSpan(0, 117), "...");
    }

    private static double Ratio(int a, int b) => b > 0 ? (double)a / b : 0;

    private static double F1(double p, double r) => p + r > 0 ? 2 * p * r / (p + r) : 0;

    internal sealed record GoldQuote(List<(int Start, int End)> Content, string[] Speakers, bool Optional);

    internal sealed record PredictedQuote(List<(int Start, int End)> Content, string Label, string Source);
}

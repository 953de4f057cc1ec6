using System.Globalization;
using System.Text.Json;
using TextLens.Text;

namespace TextLens.Evaluation.PolNear;

/// <summary>
/// <c>polnear [--split dev|train] [--data DIR] [--errors N]</c>: scores the attribution analyzer against PolNeAR
/// (<c>../shared/data/polnear</c>) following <c>../shared/data/README.md</c>: gold = attributions with
/// <c>is_primary == true</c>; a prediction matches a gold attribution when their cue spans overlap or their contents
/// overlap by at least half of the gold content (one-to-one, greedy, cue overlaps first); the source is correct when
/// the predicted source span contains the last word of the gold source (lenient) or equals it (strict, both trimmed
/// of surrounding punctuation and spaces). Precision, recall and F1 for detection and sources, overall and for speech
/// cues, with and without pronoun sources; for quotation spans and indirect speech separately (an attribution is a
/// quotation when at least half of its content's letters lie inside quotation marks, gold and predicted alike); and the
/// source measures CofeNet reports on all cues: exact match (the trimmed spans are equal) and begin match (they start at
/// the same character).
/// </summary>
internal sealed class PolNearCommand : IEvaluationCommand
{
    /// <summary>Speech verbs (any inflection) that make a gold cue a speech cue; also <c>according to</c> and a colon.</summary>
    internal static readonly HashSet<string> SpeechLemmas = new(StringComparer.Ordinal)
    {
        "say", "tell", "add", "write", "note", "report", "announce", "state", "explain", "tweet", "reply", "declare", "ask",
        "claim", "comment", "insist", "argue", "respond", "confirm", "deny", "warn", "urge", "accuse", "blame", "demand",
        "acknowledge", "admit", "reveal", "allege", "assert", "maintain", "contend", "suggest", "predict", "recall",
        "reiterate", "stress", "emphasize", "continue", "answer", "quip", "joke", "promise", "pledge", "vow", "testify",
        "remark", "mention", "observe", "conclude", "indicate", "disclose", "concede", "complain", "criticize", "condemn",
        "according to", "colon",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "he", "she", "they", "who", "i", "we", "it", "you" };

    public string Name => "polnear";

    public string Description => "Score attribution against PolNeAR (detection and source P/R/F1; --split dev|train, --errors N).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var split = "dev";
        var data = Path.Combine("..", "shared", "data", "polnear");
        var errors = 0;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--split" when i + 1 < args.Count:
                    split = args[++i];
                    break;
                case "--data" when i + 1 < args.Count:
                    data = args[++i];
                    break;
                case "--errors" when i + 1 < args.Count:
                    errors = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    await Console.Error.WriteLineAsync($"polnear: unknown argument '{args[i]}'.");
                    return 2;
            }
        }

        var docsPath = Path.Combine(data, "polnear_docs.jsonl");
        var attributionsPath = Path.Combine(data, "polnear_attributions.jsonl");
        if (!File.Exists(docsPath) || !File.Exists(attributionsPath))
        {
            await Console.Error.WriteLineAsync($"polnear: {docsPath} or {attributionsPath} not found (run from the repository root next to ../shared).");
            return 1;
        }

        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(docsPath))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.GetProperty("compartment").GetString() == split)
            {
                docs[root.GetProperty("doc").GetString()!] = root.GetProperty("text").GetString()!;
            }
        }

        var gold = new Dictionary<string, List<Gold>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(attributionsPath))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.GetProperty("compartment").GetString() != split || !root.GetProperty("is_primary").GetBoolean())
            {
                continue;
            }

            var doc = root.GetProperty("doc").GetString()!;
            if (!docs.ContainsKey(doc))
            {
                continue;
            }

            if (!gold.TryGetValue(doc, out var list))
            {
                gold[doc] = list = [];
            }

            list.Add(new Gold(Spans(root, "source"), Spans(root, "cue"), Spans(root, "content"), Text(root, "source"), Text(root, "cue")));
        }

        var pipeline = new TextLensPipelineBuilder().AddAttribution().Build();
        var scores = new Scores();
        var missed = new List<string>();
        var spurious = new List<string>();
        var wrongSource = new List<string>();
        foreach (var (id, text) in docs.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = pipeline.Analyze(new TextDocument(id, text), cancellationToken: cancellationToken);
            var predicted = result.Annotations.Where(a => a.Layer == "attribution").Select(a => new Predicted(
                a.Spans.Where(s => s.Role == "source").Select(s => (s.Start, s.End)).ToList(),
                a.Spans.Where(s => s.Role == "cue").Select(s => (s.Start, s.End)).ToList(),
                a.Spans.Where(s => s.Role == "content").Select(s => (s.Start, s.End)).ToList(),
                a.Facet("cue") ?? "")).ToList();
            predicted = ByCue(predicted);
            var golds = gold.GetValueOrDefault(id) ?? [];
            var matches = Match(golds, predicted);
            var quotes = DocumentParser.Default.Parse(new TextDocument(id, text)).Quotes.ToArray();
            scores.Add(text, golds, predicted, matches, content => IsQuotation(text, quotes, content));
            if (errors > 0)
            {
                Collect(id, text, golds, predicted, matches, missed, spurious, wrongSource);
            }
        }

        Console.WriteLine($"PolNeAR {split}: {docs.Count} documents, {gold.Values.Sum(g => g.Count)} primary gold attributions");
        scores.Print();
        if (errors > 0)
        {
            var random = new Random(7);
            Print("missed gold", missed, errors, random);
            Print("spurious predictions", spurious, errors, random);
            Print("wrong sources (lenient)", wrongSource, errors, random);
        }

        return 0;
    }

    /// <summary>
    /// PolNeAR's unit is the attribution (one cue, one source, all its content spans); the analyzer writes one
    /// attribution per quotation span, so a continued quotation (same cue and source) is merged back into the
    /// attribution it continues before matching.
    /// </summary>
    internal static List<Predicted> ByCue(List<Predicted> predicted)
    {
        var merged = new List<Predicted>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in predicted)
        {
            var key = string.Join(";", p.Cue.Concat(p.Source).Select(s => $"{s.Start}-{s.End}"));
            if (p.Cue.Count > 0 && byKey.TryGetValue(key, out var at))
            {
                merged[at].Content.AddRange(p.Content);
                continue;
            }

            byKey[key] = merged.Count;
            merged.Add(p with { Content = [.. p.Content] });
        }

        return merged;
    }

    private static void Print(string title, List<string> lines, int count, Random random)
    {
        Console.WriteLine($"--- {title}: {lines.Count}");
        foreach (var line in lines.OrderBy(_ => random.Next()).Take(count))
        {
            Console.WriteLine(line);
        }
    }

    private static void Collect(string id, string text, List<Gold> golds, List<Predicted> predicted, int[] matches,
        List<string> missed, List<string> spurious, List<string> wrongSource)
    {
        var matchedPredictions = new HashSet<int>(matches.Where(m => m >= 0));
        for (var g = 0; g < golds.Count; g++)
        {
            var gd = golds[g];
            if (!IsSpeech(gd.CueText))
            {
                continue;
            }

            if (matches[g] < 0)
            {
                missed.Add($"{id}: cue '{gd.CueText}' source '{gd.SourceText}' | {Context(text, gd.Cue)}");
            }
            else if (gd.Source.Count > 0 && !Lenient(text, gd, predicted[matches[g]]))
            {
                var p = predicted[matches[g]];
                var ps = p.Source.Count > 0 ? text[p.Source[0].Start..p.Source[0].End] : "(none)";
                wrongSource.Add($"{id}: gold '{gd.SourceText}' predicted '{ps}' cue '{gd.CueText}' | {Context(text, gd.Cue)}");
            }
        }

        for (var p = 0; p < predicted.Count; p++)
        {
            if (!matchedPredictions.Contains(p) && SpeechLemmas.Contains(predicted[p].Lemma))
            {
                var pr = predicted[p];
                var ps = pr.Source.Count > 0 ? text[pr.Source[0].Start..pr.Source[0].End] : "(none)";
                spurious.Add($"{id}: cue '{pr.Lemma}' source '{ps}' | {Context(text, pr.Cue)}");
            }
        }
    }

    private static string Context(string text, List<(int Start, int End)> spans)
    {
        if (spans.Count == 0)
        {
            return "";
        }

        var at = spans[0].Start;
        var from = Math.Max(0, at - 120);
        var to = Math.Min(text.Length, spans[0].End + 100);
        return (text[from..at] + "[[" + text[at..spans[0].End] + "]]" + text[spans[0].End..to]).Replace('\n', ' ');
    }

    private static List<(int Start, int End)> Spans(JsonElement root, string field)
    {
        var list = new List<(int, int)>();
        if (root.TryGetProperty(field, out var part) && part.ValueKind == JsonValueKind.Object && part.TryGetProperty("spans", out var spans))
        {
            foreach (var s in spans.EnumerateArray())
            {
                list.Add((s[0].GetInt32(), s[1].GetInt32()));
            }
        }

        return list;
    }

    private static string Text(JsonElement root, string field) =>
        root.TryGetProperty(field, out var part) && part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";

    /// <summary>One-to-one greedy matching: cue overlaps first, then content overlaps of at least half the gold content.</summary>
    internal static int[] Match(List<Gold> golds, List<Predicted> predicted)
    {
        var candidates = new List<(int Gold, int Predicted, double Score)>();
        for (var g = 0; g < golds.Count; g++)
        {
            var goldContent = Length(golds[g].Content);
            for (var p = 0; p < predicted.Count; p++)
            {
                if (Overlap(golds[g].Cue, predicted[p].Cue) > 0)
                {
                    candidates.Add((g, p, 2 + Overlap(golds[g].Content, predicted[p].Content) / Math.Max(1.0, goldContent)));
                    continue;
                }

                var content = Overlap(golds[g].Content, predicted[p].Content);
                if (goldContent > 0 && content * 2 >= goldContent)
                {
                    candidates.Add((g, p, (double)content / goldContent));
                }
            }
        }

        var matches = Enumerable.Repeat(-1, golds.Count).ToArray();
        var used = new HashSet<int>();
        foreach (var (g, p, _) in candidates.OrderByDescending(c => c.Score))
        {
            if (matches[g] < 0 && used.Add(p))
            {
                matches[g] = p;
            }
        }

        return matches;
    }

    private static int Length(List<(int Start, int End)> spans) => spans.Sum(s => s.End - s.Start);

    private static int Overlap(List<(int Start, int End)> a, List<(int Start, int End)> b)
    {
        var total = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                total += Math.Max(0, Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start));
            }
        }

        return total;
    }

    internal static bool IsSpeech(string cue)
    {
        var words = cue.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal)
            .Split([' ', '\n', ',', '.', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries);
        if (cue.Trim() == ":" || cue.Trim().EndsWith(':'))
        {
            return true;
        }

        if (cue.Contains("according to", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var w in words)
        {
            foreach (var lemma in SpeechLemmas)
            {
                if (lemma.Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                if (IsFormOf(w.TrimEnd(':'), lemma))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsFormOf(string word, string lemma)
    {
        if (word == lemma)
        {
            return true;
        }

        var irregular = lemma switch
        {
            "say" => new[] { "says", "said", "saying" },
            "tell" => ["tells", "told", "telling"],
            "write" => ["writes", "wrote", "writing", "written"],
            _ => [],
        };
        if (irregular.Contains(word))
        {
            return true;
        }

        var stem = lemma.EndsWith('e') ? lemma[..^1] : lemma.EndsWith('y') ? lemma[..^1] : lemma;
        string[] suffixes = lemma.EndsWith('y') ? ["ies", "ied", "ying", "y"] : lemma.EndsWith('e') ? ["es", "ed", "ing"] : ["s", "es", "ed", "ing", lemma[^1] + "ed", lemma[^1] + "ing"];
        return suffixes.Any(s => word == (lemma.EndsWith('y') && s == "ying" ? lemma + "ing" : stem + s));
    }

    /// <summary>
    /// Whether a content is a quotation: at least half of its letters and digits lie inside the content of a
    /// quotation that is not a short in-sentence term (a scare quote inside indirect speech leaves it indirect).
    /// </summary>
    internal static bool IsQuotation(string text, QuoteSpan[] quotes, List<(int Start, int End)> content)
    {
        int letters = 0, quoted = 0;
        foreach (var (start, end) in content)
        {
            for (var i = start; i < end && i < text.Length; i++)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    continue;
                }

                letters++;
                foreach (var q in quotes)
                {
                    if ((q.Flags & QuoteFlags.Short) == 0 && q.ContainsContent(i))
                    {
                        quoted++;
                        break;
                    }
                }
            }
        }

        return letters > 0 && quoted * 2 >= letters;
    }

    internal static bool IsPronoun(string source) => Pronouns.Contains(source.Trim().ToLowerInvariant());

    /// <summary>The last word of the gold source (letters, digits, inner apostrophes and hyphens; a possessive 's dropped).</summary>
    private static (int Start, int End)? LastWord(string text, Gold gold)
    {
        var (start, end) = (gold.Source.Min(s => s.Start), gold.Source.Max(s => s.End));
        var j = end;
        while (j > start && !char.IsLetterOrDigit(text[j - 1]))
        {
            j--;
        }

        // A trailing possessive ('s, ’s) is not the word.
        if (j - 2 > start && (text[j - 1] is 's' or 'S') && text[j - 2] is '\'' or '’')
        {
            j -= 2;
        }

        var i = j;
        while (i > start && (char.IsLetterOrDigit(text[i - 1]) || ((text[i - 1] is '\'' or '’' or '-' or '.') && i - 1 > start && char.IsLetterOrDigit(text[i - 2]))))
        {
            i--;
        }

        return j > i ? (i, j) : null;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || char.IsPunctuation(text[start])))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || char.IsPunctuation(text[end - 1])))
        {
            end--;
        }

        return (start, end);
    }

    internal static bool Lenient(string text, Gold gold, Predicted p)
    {
        if (p.Source.Count == 0 || LastWord(text, gold) is not { } word)
        {
            return false;
        }

        return p.Source.Any(s => s.Start <= word.Start && s.End >= word.End);
    }

    internal static bool Strict(string text, Gold gold, Predicted p)
    {
        if (p.Source.Count == 0)
        {
            return false;
        }

        var g = Trim(text, gold.Source.Min(s => s.Start), gold.Source.Max(s => s.End));
        var q = Trim(text, p.Source.Min(s => s.Start), p.Source.Max(s => s.End));
        return g == q;
    }

    /// <summary>CofeNet's begin match: the trimmed predicted source starts where the trimmed gold source starts.</summary>
    internal static bool BeginMatch(string text, Gold gold, Predicted p)
    {
        if (p.Source.Count == 0)
        {
            return false;
        }

        var g = Trim(text, gold.Source.Min(s => s.Start), gold.Source.Max(s => s.End));
        var q = Trim(text, p.Source.Min(s => s.Start), p.Source.Max(s => s.End));
        return g.Start == q.Start;
    }

    internal sealed record Gold(List<(int Start, int End)> Source, List<(int Start, int End)> Cue, List<(int Start, int End)> Content, string SourceText, string CueText);

    internal sealed record Predicted(List<(int Start, int End)> Source, List<(int Start, int End)> Cue, List<(int Start, int End)> Content, string Lemma);

    /// <summary>
    /// Counts for every slice: all/speech cues × with/without pronoun sources (a prediction matched to a gold
    /// attribution belongs to the gold's slice; an unmatched one by its own cue and source), and quotation spans and
    /// indirect speech (gold and predictions each by their own content).
    /// </summary>
    private sealed class Scores
    {
        private readonly Dictionary<string, Counts> _slices = new(StringComparer.Ordinal);

        public void Add(string text, List<Gold> golds, List<Predicted> predicted, int[] matches, Func<List<(int Start, int End)>, bool> isQuotation)
        {
            var matchOf = new int[predicted.Count];
            Array.Fill(matchOf, -1);
            for (var g = 0; g < golds.Count; g++)
            {
                if (matches[g] >= 0)
                {
                    matchOf[matches[g]] = g;
                }
            }

            foreach (var speech in new[] { false, true })
            {
                foreach (var noPronouns in new[] { false, true })
                {
                    var name = (speech ? "speech cues" : "all cues") + (noPronouns ? ", without pronoun sources" : "");
                    bool GoldIn(Gold g) => (!speech || IsSpeech(g.CueText)) && (!noPronouns || !IsPronoun(g.SourceText));
                    bool PredictedIn(Predicted p) =>
                        (!speech || SpeechLemmas.Contains(p.Lemma))
                        && (!noPronouns || p.Source.Count == 0 || !IsPronoun(text[p.Source[0].Start..p.Source[0].End]));
                    Count(Slice(name), text, golds, predicted, matches, matchOf, g => GoldIn(golds[g]),
                        p => matchOf[p] >= 0 ? GoldIn(golds[matchOf[p]]) : PredictedIn(predicted[p]));
                }
            }

            var goldQuoted = golds.Select(g => isQuotation(g.Content)).ToArray();
            var predictedQuoted = predicted.Select(p => isQuotation(p.Content)).ToArray();
            foreach (var quoted in new[] { true, false })
            {
                Count(Slice(quoted ? "quotation spans" : "indirect speech"), text, golds, predicted, matches, matchOf,
                    g => goldQuoted[g] == quoted, p => predictedQuoted[p] == quoted);
            }
        }

        private Counts Slice(string name)
        {
            if (!_slices.TryGetValue(name, out var c))
            {
                _slices[name] = c = new Counts();
            }

            return c;
        }

        private static void Count(Counts c, string text, List<Gold> golds, List<Predicted> predicted, int[] matches, int[] matchOf,
            Func<int, bool> goldIn, Func<int, bool> predictedIn)
        {
            for (var g = 0; g < golds.Count; g++)
            {
                if (!goldIn(g))
                {
                    continue;
                }

                c.Gold++;
                c.GoldWithSource += golds[g].Source.Count > 0 ? 1 : 0;
                if (matches[g] >= 0)
                {
                    c.MatchedGold++;
                    var p = predicted[matches[g]];
                    if (golds[g].Source.Count > 0)
                    {
                        c.Lenient += Lenient(text, golds[g], p) ? 1 : 0;
                        c.Strict += Strict(text, golds[g], p) ? 1 : 0;
                        c.Begin += BeginMatch(text, golds[g], p) ? 1 : 0;
                    }
                }
            }

            for (var p = 0; p < predicted.Count; p++)
            {
                if (!predictedIn(p))
                {
                    continue;
                }

                c.Predicted++;
                c.MatchedPredicted += matchOf[p] >= 0 ? 1 : 0;
                c.PredictedWithSource += predicted[p].Source.Count > 0 ? 1 : 0;
            }
        }

        public void Print()
        {
            Console.WriteLine($"{"slice",-42} {"det P",6} {"det R",6} {"det F1",6} | {"srcL P",6} {"srcL R",6} {"srcL F1",7} | {"exact P",7} {"exact R",7} {"exact F1",8} | {"begin F1",8} | {"gold",5} {"pred",5}");
            foreach (var (name, c) in _slices)
            {
                var dp = Ratio(c.MatchedPredicted, c.Predicted);
                var dr = Ratio(c.MatchedGold, c.Gold);
                var lp = Ratio(c.Lenient, c.PredictedWithSource);
                var lr = Ratio(c.Lenient, c.GoldWithSource);
                var sp = Ratio(c.Strict, c.PredictedWithSource);
                var sr = Ratio(c.Strict, c.GoldWithSource);
                var bp = Ratio(c.Begin, c.PredictedWithSource);
                var br = Ratio(c.Begin, c.GoldWithSource);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-42} {dp,6:0.000} {dr,6:0.000} {F1(dp, dr),6:0.000} | {lp,6:0.000} {lr,6:0.000} {F1(lp, lr),7:0.000} | {sp,7:0.000} {sr,7:0.000} {F1(sp, sr),8:0.000} | {F1(bp, br),8:0.000} | {c.Gold,5} {c.Predicted,5}"));
            }
        }

        private static double Ratio(long a, long b) => b > 0 ? (double)a / b : 0;

        private static double F1(double p, double r) => p + r > 0 ? 2 * p * r / (p + r) : 0;
    }

    private sealed class Counts
    {
        public long Gold;
        public long GoldWithSource;
        public long MatchedGold;
        public long Predicted;
        public long PredictedWithSource;
        public long MatchedPredicted;
        public long Lenient;
        public long Strict;
        public long Begin;
    }
}

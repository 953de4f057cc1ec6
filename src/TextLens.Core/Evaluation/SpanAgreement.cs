namespace TextLens.Evaluation;

/// <summary>When a found span matches a gold span of the same document, layer and label.</summary>
public enum SpanMatch
{
    /// <summary>Same start and end.</summary>
    Exact,

    /// <summary>The spans share at least one character. Matching is one to one: the pairs with the longest shared text are
    /// matched first, so a found span counts for at most one gold span and the other way round.</summary>
    Overlap,
}

/// <summary>
/// Span-level comparison of found spans with gold spans: precision, recall and F1 per layer and label, micro- and
/// macro-averaged, the misses and false hits, and a confusion table of labels.
/// </summary>
public static class SpanAgreement
{
    /// <summary>Scores found spans against gold spans. Spans match only within the same document, layer and label;
    /// identical spans are matched one to one (a duplicate counts twice).</summary>
    /// <param name="gold">The gold spans.</param>
    /// <param name="found">The spans found by the tool.</param>
    /// <param name="match">Exact or overlap.</param>
    public static SpanScores Score(IEnumerable<CodedSpan> gold, IEnumerable<CodedSpan> found, SpanMatch match)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(found);
        var groups = Group(gold, found, s => (s.DocumentId, s.Layer, s.Label));
        var counts = new Dictionary<(string Layer, string Label), PrecisionRecall>();
        var misses = new List<CodedSpan>();
        var falseHits = new List<CodedSpan>();
        foreach (var ((_, layer, label), (g, f)) in groups)
        {
            var pairs = Pair(g, f, match, preferSameLabel: false);
            var matchedFound = new bool[f.Count];
            var tp = 0;
            for (var i = 0; i < g.Count; i++)
            {
                if (pairs[i] >= 0)
                {
                    tp++;
                    matchedFound[pairs[i]] = true;
                }
                else
                {
                    misses.Add(g[i]);
                }
            }

            for (var j = 0; j < f.Count; j++)
            {
                if (!matchedFound[j])
                {
                    falseHits.Add(f[j]);
                }
            }

            counts[(layer, label)] = counts.GetValueOrDefault((layer, label)) + new PrecisionRecall(tp, f.Count - tp, g.Count - tp);
        }

        var labels = counts.OrderBy(kv => kv.Key.Layer, StringComparer.Ordinal).ThenBy(kv => kv.Key.Label, StringComparer.Ordinal)
            .Select(kv => new LabelScore(kv.Key.Layer, kv.Key.Label, kv.Value)).ToList();
        return new SpanScores(match, labels, Ordered(misses), Ordered(falseHits));
    }

    /// <summary>
    /// The confusion table of labels: spans are paired within the same document and layer whatever their labels (a pair
    /// with the same label preferred, then the longest shared text), and each pair counts under its gold label and found
    /// label; a gold span left unpaired counts under found <see cref="ConfusionTable.None"/>, a found span left unpaired
    /// under gold <see cref="ConfusionTable.None"/>.
    /// </summary>
    /// <param name="gold">The gold spans.</param>
    /// <param name="found">The spans found by the tool.</param>
    /// <param name="match">Exact or overlap.</param>
    public static ConfusionTable Confusion(IEnumerable<CodedSpan> gold, IEnumerable<CodedSpan> found, SpanMatch match)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(found);
        var cells = new Dictionary<(string Gold, string Found), int>();
        void Count(string g, string f) => cells[(g, f)] = cells.GetValueOrDefault((g, f)) + 1;
        foreach (var (_, (g, f)) in Group(gold, found, s => (s.DocumentId, s.Layer)))
        {
            var pairs = Pair(g, f, match, preferSameLabel: true);
            var matchedFound = new bool[f.Count];
            for (var i = 0; i < g.Count; i++)
            {
                if (pairs[i] >= 0)
                {
                    matchedFound[pairs[i]] = true;
                    Count(g[i].Label, f[pairs[i]].Label);
                }
                else
                {
                    Count(g[i].Label, ConfusionTable.None);
                }
            }

            for (var j = 0; j < f.Count; j++)
            {
                if (!matchedFound[j])
                {
                    Count(ConfusionTable.None, f[j].Label);
                }
            }
        }

        return new ConfusionTable(cells);
    }

    private static Dictionary<TKey, (List<CodedSpan> Gold, List<CodedSpan> Found)> Group<TKey>(
        IEnumerable<CodedSpan> gold, IEnumerable<CodedSpan> found, Func<CodedSpan, TKey> key)
        where TKey : notnull
    {
        var groups = new Dictionary<TKey, (List<CodedSpan> Gold, List<CodedSpan> Found)>();
        foreach (var (spans, isGold) in new[] { (gold, true), (found, false) })
        {
            foreach (var s in spans)
            {
                if (!groups.TryGetValue(key(s), out var group))
                {
                    groups[key(s)] = group = ([], []);
                }

                (isGold ? group.Gold : group.Found).Add(s);
            }
        }

        return groups;
    }

    /// <summary>For each gold span, the index of the found span paired with it, or −1.</summary>
    private static int[] Pair(List<CodedSpan> gold, List<CodedSpan> found, SpanMatch match, bool preferSameLabel)
    {
        var candidates = new List<(int Gold, int Found, bool SameLabel, int Shared)>();
        for (var i = 0; i < gold.Count; i++)
        {
            for (var j = 0; j < found.Count; j++)
            {
                var (g, f) = (gold[i], found[j]);
                var shared = Math.Min(g.End, f.End) - Math.Max(g.Start, f.Start);
                var pairs = match == SpanMatch.Exact ? g.Start == f.Start && g.End == f.End : shared > 0;
                if (pairs)
                {
                    candidates.Add((i, j, string.Equals(g.Label, f.Label, StringComparison.Ordinal), shared));
                }
            }
        }

        // Stable: ties keep gold order, then found order.
        var ordered = candidates
            .OrderByDescending(c => preferSameLabel && c.SameLabel)
            .ThenByDescending(c => c.Shared);
        var result = Enumerable.Repeat(-1, gold.Count).ToArray();
        var used = new bool[found.Count];
        foreach (var c in ordered)
        {
            if (result[c.Gold] < 0 && !used[c.Found])
            {
                result[c.Gold] = c.Found;
                used[c.Found] = true;
            }
        }

        return result;
    }

    private static List<CodedSpan> Ordered(List<CodedSpan> spans) =>
        spans.OrderBy(s => s.DocumentId, StringComparer.Ordinal).ThenBy(s => s.Start).ThenBy(s => s.End)
            .ThenBy(s => s.Layer, StringComparer.Ordinal).ThenBy(s => s.Label, StringComparer.Ordinal).ToList();
}

/// <summary>The counts of one layer and label.</summary>
/// <param name="Layer">The layer.</param>
/// <param name="Label">The label.</param>
/// <param name="Counts">True positives, false hits, misses, and the precision, recall and F1 they give.</param>
public sealed record LabelScore(string Layer, string Label, PrecisionRecall Counts);

/// <summary>The result of <see cref="SpanAgreement.Score"/>.</summary>
public sealed class SpanScores
{
    internal SpanScores(SpanMatch match, IReadOnlyList<LabelScore> labels, IReadOnlyList<CodedSpan> misses, IReadOnlyList<CodedSpan> falseHits)
    {
        Match = match;
        Labels = labels;
        Misses = misses;
        FalseHits = falseHits;
        Micro = labels.Aggregate(default(PrecisionRecall), (sum, l) => sum + l.Counts);
        if (labels.Count > 0)
        {
            MacroPrecision = labels.Average(l => l.Counts.Precision);
            MacroRecall = labels.Average(l => l.Counts.Recall);
            MacroF1 = labels.Average(l => l.Counts.F1);
        }
    }

    /// <summary>Exact or overlap.</summary>
    public SpanMatch Match { get; }

    /// <summary>Counts per layer and label, ordered by layer and label (ordinal).</summary>
    public IReadOnlyList<LabelScore> Labels { get; }

    /// <summary>All labels' counts summed: micro-averaged precision, recall and F1.</summary>
    public PrecisionRecall Micro { get; }

    /// <summary>The mean of the labels' precisions (0 without labels).</summary>
    public double MacroPrecision { get; }

    /// <summary>The mean of the labels' recalls (0 without labels).</summary>
    public double MacroRecall { get; }

    /// <summary>The mean of the labels' F1 scores (not the F1 of the macro precision and recall; 0 without labels).</summary>
    public double MacroF1 { get; }

    /// <summary>Gold spans no found span matched, by document and offset.</summary>
    public IReadOnlyList<CodedSpan> Misses { get; }

    /// <summary>Found spans that matched no gold span, by document and offset.</summary>
    public IReadOnlyList<CodedSpan> FalseHits { get; }

    /// <summary>The counts of a label summed over layers (zero counts when the label never occurs).</summary>
    public PrecisionRecall For(string label) =>
        Labels.Where(l => string.Equals(l.Label, label, StringComparison.Ordinal)).Aggregate(default(PrecisionRecall), (sum, l) => sum + l.Counts);
}

/// <summary>How often each gold label was paired with each found label (<see cref="SpanAgreement.Confusion"/>).</summary>
public sealed class ConfusionTable
{
    /// <summary>The row or column of spans left unpaired: a miss (found <c>(none)</c>) or a false hit (gold <c>(none)</c>).</summary>
    public const string None = "(none)";

    private readonly Dictionary<(string Gold, string Found), int> _cells;

    internal ConfusionTable(Dictionary<(string Gold, string Found), int> cells)
    {
        _cells = cells;
        Labels = cells.Keys.SelectMany(k => new[] { k.Gold, k.Found }).Where(l => l != None).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Append(None).ToList();
    }

    /// <summary>Every label that occurs, ordered (ordinal), then <see cref="None"/>: the rows and the columns.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The non-zero cells, by gold label then found label (in the order of <see cref="Labels"/>).</summary>
    public IEnumerable<(string Gold, string Found, int Count)> Cells =>
        from g in Labels from f in Labels let c = Count(g, f) where c > 0 select (g, f, c);

    /// <summary>How many spans with gold label <paramref name="gold"/> were paired with found label <paramref name="found"/>.</summary>
    public int Count(string gold, string found) => _cells.GetValueOrDefault((gold, found));
}

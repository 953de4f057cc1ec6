namespace TextLens.Reports.Html;

/// <summary>
/// The keyword-in-context lines of a report, one block per (layer, category, label) and within it one part per
/// group, capped per label. Lines are chosen spread over groups (round robin) and, within a group, first
/// occurrences of each document first, so a capped block still shows many documents; shown lines are in
/// period, document and offset order. Independent of the order lines were given in.
/// </summary>
internal sealed class KwicIndex
{
    private readonly Dictionary<(string Layer, string Category, string Label), KwicLabel> _byLabel;
    private readonly HashSet<KwicLabel> _linked = new(ReferenceEqualityComparer.Instance);

    public KwicIndex(IReadOnlyList<ReportKwicLine> lines, int maxPerLabel)
    {
        _byLabel = new Dictionary<(string, string, string), KwicLabel>();
        var labels = new List<KwicLabel>();
        foreach (var labelLines in lines
            .GroupBy(l => (l.Layer, l.Category, l.Label))
            .OrderBy(g => LayerRank(g.Key.Layer))
            .ThenBy(g => g.Key.Layer, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Label, StringComparer.Ordinal))
        {
            var key = labelLines.Key;
            var groups = labelLines
                .GroupBy(l => l.Group, StringComparer.Ordinal)
                .OrderBy(g => g.Key == ReportView.All ? 0 : 1)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Candidates(g.ToList()))
                .ToList();

            // Round robin over groups until the cap is reached or every line is taken.
            var take = new int[groups.Count];
            var budget = maxPerLabel;
            var progress = true;
            while (budget > 0 && progress)
            {
                progress = false;
                for (var i = 0; i < groups.Count && budget > 0; i++)
                {
                    if (take[i] < groups[i].Count)
                    {
                        take[i]++;
                        budget--;
                        progress = true;
                    }
                }
            }

            var parts = new List<KwicGroup>(groups.Count);
            for (var i = 0; i < groups.Count; i++)
            {
                var group = groups[i][0].Group;
                var shown = groups[i].Take(take[i]).OrderBy(l => l, LineOrder.Instance).ToList();
                parts.Add(new KwicGroup(group, AnchorIds.For("kwic", key.Layer, key.Category, key.Label, "in", group), shown, groups[i].Count));
            }

            var label = new KwicLabel(key.Layer, key.Category, key.Label, AnchorIds.For("kwic", key.Layer, key.Category, key.Label), parts);
            labels.Add(label);
            _byLabel[key] = label;
        }

        Labels = labels;
    }

    /// <summary>Every label with lines, by layer, category and label.</summary>
    public IReadOnlyList<KwicLabel> Labels { get; }

    /// <summary>
    /// The labels some count of the page links to (through <see cref="Target"/>), in <see cref="Labels"/> order. The
    /// keyword-in-context section, rendered last, shows only these: a corpus with hundreds of thousands of labels
    /// (unlisted names, free-text sources) would otherwise put every one of them on the page.
    /// </summary>
    public IReadOnlyList<KwicLabel> LinkedLabels => Labels.Where(_linked.Contains).ToList();

    /// <summary>
    /// The id to link a count to: the label's block for group <c>all</c>, the group's part otherwise; or
    /// <see langword="null"/> when there are no lines to show (then the count is not a link).
    /// </summary>
    public string? Target(string layer, string category, string label, string group)
    {
        if (!_byLabel.TryGetValue((layer, category, label), out var block))
        {
            return null;
        }

        _linked.Add(block);

        if (group == ReportView.All)
        {
            return block.Id;
        }

        foreach (var part in block.Groups)
        {
            if (part.Group == group)
            {
                return part.Id;
            }
        }

        return null;
    }

    /// <summary>Framing, entity, attribution, then other layers.</summary>
    private static int LayerRank(string layer) => layer switch
    {
        ReportView.FramingLayer => 0,
        ReportView.EntityLayer => 1,
        ReportView.AttributionLayer => 2,
        _ => 3,
    };

    /// <summary>A group's lines ordered so that taking the first n gives first occurrences of many documents.</summary>
    private static List<ReportKwicLine> Candidates(List<ReportKwicLine> lines)
    {
        lines.Sort(LineOrder.Instance);
        var rank = new int[lines.Count];
        for (var i = 1; i < lines.Count; i++)
        {
            rank[i] = lines[i].DocumentId == lines[i - 1].DocumentId && lines[i].Period == lines[i - 1].Period ? rank[i - 1] + 1 : 0;
        }

        return Enumerable.Range(0, lines.Count).OrderBy(i => rank[i]).ThenBy(i => i).Select(i => lines[i]).ToList();
    }

    /// <summary>Period, document, offset, then every text field, ordinally: a total order.</summary>
    private sealed class LineOrder : IComparer<ReportKwicLine>
    {
        public static readonly LineOrder Instance = new();

        public int Compare(ReportKwicLine? x, ReportKwicLine? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var c = string.CompareOrdinal(x.Period, y.Period);
            if (c == 0) { c = string.CompareOrdinal(x.DocumentId, y.DocumentId); }
            if (c == 0) { c = x.Start.CompareTo(y.Start); }
            if (c == 0) { c = x.Length.CompareTo(y.Length); }
            if (c == 0) { c = string.CompareOrdinal(x.Match, y.Match); }
            if (c == 0) { c = string.CompareOrdinal(x.Left, y.Left); }
            if (c == 0) { c = string.CompareOrdinal(x.Right, y.Right); }
            return c;
        }
    }
}

/// <summary>The lines of one (layer, category, label).</summary>
internal sealed record KwicLabel(string Layer, string Category, string Label, string Id, IReadOnlyList<KwicGroup> Groups)
{
    public int Total => Groups.Sum(g => g.Total);

    public int Shown => Groups.Sum(g => g.Lines.Count);
}

/// <summary>The shown lines of one label in one group, and how many there are in all.</summary>
internal sealed record KwicGroup(string Group, string Id, IReadOnlyList<ReportKwicLine> Lines, int Total);

using TextLens.Reports;

namespace TextLens.Statistics;

/// <summary>
/// Counts of a run, kept per (group, period): documents, tokens and characters; mentions and documents per
/// (layer, category, label); mentions per facet value; documents per document facet; errors. Each worker
/// fills its own accumulator; <see cref="Merge"/> combines them. Merging is associative and commutative, so a
/// report does not depend on thread count, document order or how the corpus was split into shards.
/// Not thread-safe: one accumulator per worker.
/// </summary>
public sealed class CorpusAccumulator
{
    private readonly Dictionary<GroupPeriod, VolumeCounts> _volumes = [];
    private readonly Dictionary<LabelKey, LabelCounts> _labels = [];
    private readonly Dictionary<FacetKey, long> _facets = [];
    private readonly Dictionary<DocumentFacetKey, long> _documentFacets = [];
    private readonly List<ReportError> _errors = [];
    private readonly HashSet<LabelKey> _seenInDocument = [];
    private readonly HashSet<DocumentFacetKey> _seenFacetsInDocument = [];

    /// <summary>Records read from the source.</summary>
    public long DocumentsRead { get; private set; }

    /// <summary>Documents analysed.</summary>
    public long DocumentsAnalyzed { get; private set; }

    /// <summary>Records skipped.</summary>
    public long DocumentsSkipped { get; private set; }

    /// <summary>Documents analysed with a reading problem noted.</summary>
    public long DocumentsFlagged { get; private set; }

    /// <summary>Documents on which at least one analyzer failed.</summary>
    public long DocumentsFailed { get; private set; }

    /// <summary>Characters analysed.</summary>
    public long Characters { get; private set; }

    /// <summary>Tokens analysed.</summary>
    public long Tokens { get; private set; }

    /// <summary>Errors and flags, unsorted.</summary>
    public IReadOnlyList<ReportError> Errors => _errors;

    /// <summary>Adds one document result (or skipped record).</summary>
    public void Add(DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        DocumentsRead++;
        if (result.ReadError is { } error)
        {
            DocumentsSkipped++;
            _errors.Add(new ReportError("read", error.Source, error.Line, error.Record, error.DocumentId, null, error.Reason));
            return;
        }

        var doc = result.Document!;
        DocumentsAnalyzed++;
        Characters += doc.Text.Length;
        Tokens += result.Tokens;
        if (doc.Issues != DocumentIssues.None)
        {
            DocumentsFlagged++;
            _errors.Add(new ReportError("flag", doc.Origin?.Source ?? "", doc.Origin?.Line, doc.Origin?.Record, doc.Id, null, doc.Issues.ToString()));
        }

        if (result.Failures.Count > 0)
        {
            DocumentsFailed++;
            foreach (var f in result.Failures)
            {
                _errors.Add(new ReportError("analyzer", doc.Origin?.Source ?? "", doc.Origin?.Line, doc.Origin?.Record, doc.Id, f.Analyzer, f.Message));
            }
        }

        var gp = new GroupPeriod(result.Group, result.Period);
        _volumes[gp] = _volumes.GetValueOrDefault(gp) + new VolumeCounts(1, result.Tokens, doc.Text.Length);

        _seenInDocument.Clear();
        foreach (var a in result.Annotations)
        {
            var key = new LabelKey(gp, a.Layer, a.Category, a.Label);
            var counts = _labels.GetValueOrDefault(key);
            counts.Mentions++;
            if (_seenInDocument.Add(key))
            {
                counts.Documents++;
            }

            _labels[key] = counts;
            foreach (var f in a.Facets)
            {
                var fk = new FacetKey(key, f.Key, f.Value);
                _facets[fk] = _facets.GetValueOrDefault(fk) + 1;
            }
        }

        _seenFacetsInDocument.Clear();
        foreach (var f in result.DocumentFacets)
        {
            var dk = new DocumentFacetKey(gp, f.Key, f.Value);
            if (_seenFacetsInDocument.Add(dk))
            {
                _documentFacets[dk] = _documentFacets.GetValueOrDefault(dk) + 1;
            }
        }
    }

    /// <summary>Adds every count of <paramref name="other"/> to this accumulator.</summary>
    public void Merge(CorpusAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        DocumentsRead += other.DocumentsRead;
        DocumentsAnalyzed += other.DocumentsAnalyzed;
        DocumentsSkipped += other.DocumentsSkipped;
        DocumentsFlagged += other.DocumentsFlagged;
        DocumentsFailed += other.DocumentsFailed;
        Characters += other.Characters;
        Tokens += other.Tokens;
        foreach (var (k, v) in other._volumes)
        {
            _volumes[k] = _volumes.GetValueOrDefault(k) + v;
        }

        foreach (var (k, v) in other._labels)
        {
            var c = _labels.GetValueOrDefault(k);
            c.Mentions += v.Mentions;
            c.Documents += v.Documents;
            _labels[k] = c;
        }

        foreach (var (k, v) in other._facets)
        {
            _facets[k] = _facets.GetValueOrDefault(k) + v;
        }

        foreach (var (k, v) in other._documentFacets)
        {
            _documentFacets[k] = _documentFacets.GetValueOrDefault(k) + v;
        }

        _errors.AddRange(other._errors);
    }

    /// <summary>
    /// Computes the statistics: every count per (group, period), rolled up to group <c>all</c> and period
    /// <c>all</c>, with rates per 10,000 tokens and shares; rows sorted so the result is deterministic.
    /// </summary>
    public CorpusStatistics ToStatistics(string? groupBy, PeriodUnit period)
    {
        var volumes = new Dictionary<GroupPeriod, VolumeCounts>();
        foreach (var (k, v) in _volumes)
        {
            foreach (var r in Rollups(k, groupBy, period))
            {
                volumes[r] = volumes.GetValueOrDefault(r) + v;
            }
        }

        var labels = new Dictionary<LabelKey, LabelCounts>();
        foreach (var (k, v) in _labels)
        {
            foreach (var r in Rollups(k.GroupPeriod, groupBy, period))
            {
                var key = k with { GroupPeriod = r };
                var c = labels.GetValueOrDefault(key);
                c.Mentions += v.Mentions;
                c.Documents += v.Documents;
                labels[key] = c;
            }
        }

        var categoryTotals = new Dictionary<(GroupPeriod, string, string), long>();
        foreach (var (k, v) in labels)
        {
            var ck = (k.GroupPeriod, k.Layer, k.Category);
            categoryTotals[ck] = categoryTotals.GetValueOrDefault(ck) + v.Mentions;
        }

        var labelRows = new List<LabelStatistic>(labels.Count);
        foreach (var (k, v) in labels)
        {
            var tokens = volumes.GetValueOrDefault(k.GroupPeriod).Tokens;
            var total = categoryTotals[(k.GroupPeriod, k.Layer, k.Category)];
            labelRows.Add(new LabelStatistic(k.GroupPeriod.Group, k.GroupPeriod.Period, k.Layer, k.Category, k.Label,
                v.Mentions, v.Documents,
                tokens > 0 ? v.Mentions * 10_000.0 / tokens : 0,
                total > 0 ? (double)v.Mentions / total : 0));
        }

        labelRows.Sort(static (a, b) => CompareRows(a.Group, a.Period, a.Layer, a.Category, a.Label, b.Group, b.Period, b.Layer, b.Category, b.Label));

        var facets = new Dictionary<FacetKey, long>();
        foreach (var (k, v) in _facets)
        {
            foreach (var r in Rollups(k.Label.GroupPeriod, groupBy, period))
            {
                var key = k with { Label = k.Label with { GroupPeriod = r } };
                facets[key] = facets.GetValueOrDefault(key) + v;
            }
        }

        var facetRows = new List<FacetStatistic>(facets.Count);
        foreach (var (k, v) in facets)
        {
            var labelMentions = labels.GetValueOrDefault(k.Label).Mentions;
            facetRows.Add(new FacetStatistic(k.Label.GroupPeriod.Group, k.Label.GroupPeriod.Period, k.Label.Layer, k.Label.Category, k.Label.Label,
                k.Facet, k.Value, v, labelMentions > 0 ? (double)v / labelMentions : 0));
        }

        facetRows.Sort(static (a, b) =>
        {
            var c = CompareRows(a.Group, a.Period, a.Layer, a.Category, a.Label, b.Group, b.Period, b.Layer, b.Category, b.Label);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.Facet, b.Facet);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });

        var docFacets = new Dictionary<DocumentFacetKey, long>();
        foreach (var (k, v) in _documentFacets)
        {
            foreach (var r in Rollups(k.GroupPeriod, groupBy, period))
            {
                var key = k with { GroupPeriod = r };
                docFacets[key] = docFacets.GetValueOrDefault(key) + v;
            }
        }

        var docFacetRows = docFacets
            .Select(kv => new DocumentFacetStatistic(kv.Key.GroupPeriod.Group, kv.Key.GroupPeriod.Period, kv.Key.Facet, kv.Key.Value, kv.Value))
            .OrderBy(r => r.Group, GroupOrder.Instance).ThenBy(r => r.Period, GroupOrder.Instance)
            .ThenBy(r => r.Facet, StringComparer.Ordinal).ThenBy(r => r.Value, StringComparer.Ordinal)
            .ToList();

        var corpusRows = volumes
            .Select(kv => new CorpusOverviewRow(kv.Key.Group, kv.Key.Period, kv.Value.Documents, kv.Value.Tokens, kv.Value.Characters))
            .OrderBy(r => r.Group, GroupOrder.Instance).ThenBy(r => r.Period, GroupOrder.Instance)
            .ToList();

        var errors = _errors
            .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Line ?? 0).ThenBy(e => e.Record ?? 0)
            .ThenBy(e => e.DocumentId, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal)
            .ThenBy(e => e.Analyzer, StringComparer.Ordinal).ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();

        return new CorpusStatistics(groupBy, period, corpusRows, labelRows, facetRows, docFacetRows,
            new CorpusCounts(DocumentsRead, DocumentsAnalyzed, DocumentsSkipped, DocumentsFlagged, DocumentsFailed, Characters, Tokens),
            errors);
    }

    private static int CompareRows(string g1, string p1, string l1, string c1, string x1, string g2, string p2, string l2, string c2, string x2)
    {
        var c = GroupOrder.Instance.Compare(g1, g2);
        if (c != 0)
        {
            return c;
        }

        c = GroupOrder.Instance.Compare(p1, p2);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(l1, l2);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(c1, c2);
        return c != 0 ? c : string.CompareOrdinal(x1, x2);
    }

    private static IEnumerable<GroupPeriod> Rollups(GroupPeriod key, string? groupBy, PeriodUnit period)
    {
        yield return key;
        var grouped = groupBy is not null && key.Group != PeriodKey.All;
        var periodic = period != PeriodUnit.None && key.Period != PeriodKey.All;
        if (periodic)
        {
            yield return key with { Period = PeriodKey.All };
        }

        if (grouped)
        {
            yield return key with { Group = PeriodKey.All };
            if (periodic)
            {
                yield return new GroupPeriod(PeriodKey.All, PeriodKey.All);
            }
        }
    }

    internal readonly record struct GroupPeriod(string Group, string Period);

    internal readonly record struct LabelKey(GroupPeriod GroupPeriod, string Layer, string Category, string Label);

    internal readonly record struct FacetKey(LabelKey Label, string Facet, string Value);

    internal readonly record struct DocumentFacetKey(GroupPeriod GroupPeriod, string Facet, string Value);

    internal record struct LabelCounts(long Mentions, long Documents);

    internal readonly record struct VolumeCounts(long Documents, long Tokens, long Characters)
    {
        public static VolumeCounts operator +(VolumeCounts a, VolumeCounts b) =>
            new(a.Documents + b.Documents, a.Tokens + b.Tokens, a.Characters + b.Characters);
    }

    /// <summary>Orders group and period names ordinally, with <c>all</c> first and <c>unknown</c> last.</summary>
    private sealed class GroupOrder : IComparer<string?>
    {
        public static readonly GroupOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var rx = Rank(x);
            var ry = Rank(y);
            return rx != ry ? rx.CompareTo(ry) : string.CompareOrdinal(x, y);
        }

        private static int Rank(string? s) => s switch
        {
            PeriodKey.All => 0,
            PeriodKey.Unknown => 2,
            _ => 1,
        };
    }
}

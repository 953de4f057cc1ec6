using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens.Entities;

/// <summary>
/// Entity × framing-label co-occurrence within a sentence (<c>textlens.cooccurrence/1</c>, layer <c>cooccurrence</c>,
/// requires layers <c>entity</c> and <c>framing</c>). Counts are ordinary annotations, so they merge like every other
/// count and each one can be audited in the annotations file (its span is the sentence).
/// </summary>
/// <remarks>
/// <para>
/// The sample space is the set of <em>eligible</em> sentences: those with at least one entity and at least one framing
/// label. For each eligible sentence the analyzer writes one annotation <c>*</c>/<c>*</c> (the sentence), one
/// <c>entity</c>/<c>*</c> per distinct entity, one <c>*</c>/<c>concept/label</c> per distinct framing label, and one
/// <c>entity</c>/<c>concept/label</c> per pair (category = entity label, that is its id when listed; label = framing
/// category and label joined by <c>/</c>). A sentence counts once for a pair however often the two occur in it.
/// </para>
/// <para>
/// The report table gives, per group and period, the pair's sentences n(e,l), the entity's n(e), the label's n(l), the
/// eligible sentences N, PMI = log2(n(e,l)·N / (n(e)·n(l))) and normalised PMI = PMI / −log2(n(e,l)/N) (1 when the two
/// always occur together, 0 when independent, −1 would mean never, which has no row).
/// </para>
/// </remarks>
internal sealed class EntityFramingCooccurrenceAnalyzer : IAnalyzer, IReportContributor
{
    public const string AnalyzerId = "textlens.cooccurrence";
    public const string LayerName = "cooccurrence";
    public const string FramingLayer = "framing";
    public const string Any = "*";

    [ThreadStatic]
    private static Scratch? t_scratch;

    public AnalyzerDescriptor Descriptor { get; } = new(AnalyzerId, 1, LayerName)
    {
        RequiredLayers = [EntityAnalyzer.LayerName, FramingLayer],
        Options = new Dictionary<string, string>(StringComparer.Ordinal) { ["window"] = "sentence", ["sampleSpace"] = "sentences with an entity and a framing label" },
    };

    public void Analyze(AnalysisContext context)
    {
        var doc = context.Document;
        var s = t_scratch ??= new Scratch();
        s.Clear();
        foreach (var a in context.Annotations)
        {
            if (string.Equals(a.Layer, EntityAnalyzer.LayerName, StringComparison.Ordinal))
            {
                s.Entities.Add((doc.SentenceIndexAt(a.Start), a.Label, a.Category, a.Facet("name"), a.Facet("listed") ?? "true"));
            }
            else if (string.Equals(a.Layer, FramingLayer, StringComparison.Ordinal))
            {
                s.Labels.Add((doc.SentenceIndexAt(a.Start), a.Category + "/" + a.Label));
            }
        }

        if (s.Entities.Count == 0 || s.Labels.Count == 0)
        {
            return;
        }

        s.Entities.Sort(static (a, b) => a.Sentence != b.Sentence ? a.Sentence.CompareTo(b.Sentence) : string.CompareOrdinal(a.Label, b.Label));
        s.Labels.Sort(static (a, b) => a.Sentence != b.Sentence ? a.Sentence.CompareTo(b.Sentence) : string.CompareOrdinal(a.Label, b.Label));
        int ei = 0, li = 0;
        while (ei < s.Entities.Count && li < s.Labels.Count)
        {
            var es = s.Entities[ei].Sentence;
            var ls = s.Labels[li].Sentence;
            if (es < ls)
            {
                ei++;
                continue;
            }

            if (ls < es)
            {
                li++;
                continue;
            }

            var eEnd = ei;
            while (eEnd < s.Entities.Count && s.Entities[eEnd].Sentence == es)
            {
                eEnd++;
            }

            var lEnd = li;
            while (lEnd < s.Labels.Count && s.Labels[lEnd].Sentence == es)
            {
                lEnd++;
            }

            var sentence = doc.Sentences[es];
            context.Add(new Annotation(LayerName, sentence.Start, sentence.Length, Any, Any));
            for (var l = li; l < lEnd; l++)
            {
                if (l == li || !string.Equals(s.Labels[l].Label, s.Labels[l - 1].Label, StringComparison.Ordinal))
                {
                    context.Add(new Annotation(LayerName, sentence.Start, sentence.Length, Any, s.Labels[l].Label));
                }
            }

            for (var e = ei; e < eEnd; e++)
            {
                var entity = s.Entities[e];
                if (e > ei && string.Equals(entity.Label, s.Entities[e - 1].Label, StringComparison.Ordinal))
                {
                    continue;
                }

                context.Add(new Annotation(LayerName, sentence.Start, sentence.Length, entity.Label, Any)
                {
                    Facets = [new("name", entity.Name ?? entity.Label), new("type", entity.Type), new("listed", entity.Listed)],
                });
                for (var l = li; l < lEnd; l++)
                {
                    if (l == li || !string.Equals(s.Labels[l].Label, s.Labels[l - 1].Label, StringComparison.Ordinal))
                    {
                        context.Add(new Annotation(LayerName, sentence.Start, sentence.Length, entity.Label, s.Labels[l].Label));
                    }
                }
            }

            ei = eEnd;
            li = lEnd;
        }
    }

    public IEnumerable<ReportTable> Contribute(CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var counts = new Dictionary<(string Group, string Period, string Entity, string Label), (long Mentions, long Documents)>();
        foreach (var r in statistics.Labels)
        {
            if (string.Equals(r.Layer, LayerName, StringComparison.Ordinal))
            {
                counts[(r.Group, r.Period, r.Category, r.Label)] = (r.Mentions, r.Documents);
            }
        }

        var facets = new Dictionary<(string Group, string Period, string Entity, string Facet), string>();
        foreach (var f in statistics.Facets)
        {
            if (string.Equals(f.Layer, LayerName, StringComparison.Ordinal) && f.Label == Any)
            {
                facets.TryAdd((f.Group, f.Period, f.Category, f.Facet), f.Value);
            }
        }

        var rows = new List<IReadOnlyList<ReportValue>>();
        foreach (var ((group, period, entity, label), (pair, documents)) in counts
                     .Where(kv => kv.Key.Entity != Any && kv.Key.Label != Any)
                     .OrderBy(kv => kv.Key.Group == PeriodKey.All ? 0 : 1).ThenBy(kv => kv.Key.Group, StringComparer.Ordinal)
                     .ThenBy(kv => kv.Key.Period == PeriodKey.All ? 0 : 1).ThenBy(kv => kv.Key.Period, StringComparer.Ordinal)
                     .ThenByDescending(kv => kv.Value.Mentions).ThenBy(kv => kv.Key.Entity, StringComparer.Ordinal).ThenBy(kv => kv.Key.Label, StringComparer.Ordinal))
        {
            var n = counts.GetValueOrDefault((group, period, Any, Any)).Mentions;
            var ne = counts.GetValueOrDefault((group, period, entity, Any)).Mentions;
            var nl = counts.GetValueOrDefault((group, period, Any, label)).Mentions;
            var pmi = Pmi(pair, ne, nl, n);
            var npmi = pair == n ? 1.0 : pmi / -Math.Log2((double)pair / n);
            rows.Add([group, period, entity, facets.GetValueOrDefault((group, period, entity, "name"), entity), facets.GetValueOrDefault((group, period, entity, "type"), ""),
                label, pair, documents, ne, nl, n, pmi, npmi]);
        }

        yield return new ReportTable("entity-framing-cooccurrence",
            "Entities and framing labels in the same sentence, per group and period. Sample space: sentences with at least one entity and one " +
            "framing label (N). sentences = n(e,l), entitySentences = n(e), labelSentences = n(l); pmi = log2(n(e,l)·N / (n(e)·n(l))); " +
            "npmi = pmi / -log2(n(e,l)/N). Every counted sentence is an annotation of layer 'cooccurrence' in annotations.jsonl (category = entity, label = concept/label).",
            ["group", "period", "entity", "name", "type", "label", "sentences", "documents", "entitySentences", "labelSentences", "eligibleSentences", "pmi", "npmi"],
            rows);
    }

    /// <summary>Pointwise mutual information in bits: log2(n(e,l)·N / (n(e)·n(l))).</summary>
    internal static double Pmi(long pair, long entity, long label, long sample) =>
        pair <= 0 || entity <= 0 || label <= 0 || sample <= 0 ? double.NaN : Math.Log2((double)pair * sample / ((double)entity * label));

    private sealed class Scratch
    {
        public List<(int Sentence, string Label, string Type, string? Name, string Listed)> Entities { get; } = [];

        public List<(int Sentence, string Label)> Labels { get; } = [];

        public void Clear()
        {
            Entities.Clear();
            Labels.Clear();
        }
    }
}

using System.Globalization;
using TextLens.Analyzers.Matching;
using TextLens.Reports;
using TextLens.Statistics;
using TextLens.Text;

namespace TextLens.Framing;

/// <summary>
/// Finds the labels of framing lexicons in each document: one annotation of layer <c>framing</c> per match
/// (category = concept id, label = label id), with the label's facets, the lexicon name, the voice
/// (<c>authorial</c> or <c>quoted</c>), the attributed source when the match sits in attributed speech, and
/// <c>scareQuoted</c> when the match is all a quotation holds. Contributes the framing tables to the report.
/// Immutable and thread-safe.
/// </summary>
internal sealed class FramingAnalyzer : IAnalyzer, IReportContributor
{
    public const string AnalyzerId = "textlens.framing";
    public const string LayerName = "framing";
    public const string AttributionLayer = "attribution";
    public const string ContentRole = "content";
    public const string Authorial = "authorial";
    public const string Quoted = "quoted";

    /// <summary>Matches between two looks at the cancellation token, less one (a power of two): a stop inside a huge document is prompt and costs nothing measurable.</summary>
    private const int CancellationInterval = 1023;

    private readonly PhraseMatcher _matcher;
    private readonly LabelEntry[] _labels;
    private readonly IReadOnlyList<FramingLexicon> _lexicons;

    public FramingAnalyzer(IReadOnlyList<FramingLexicon> lexicons, DocumentParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _lexicons = lexicons;
        var builder = new PhraseMatcherBuilder();
        var labels = new List<LabelEntry>();
        foreach (var lexicon in lexicons)
        {
            foreach (var (concept, label) in lexicon.Labels)
            {
                var facets = new List<AnnotationFacet>();
                foreach (var (key, value) in label.Facets.OrderBy(f => FramingFacets.Order(f.Key)).ThenBy(f => f.Key, StringComparer.Ordinal))
                {
                    facets.Add(new AnnotationFacet(key, value));
                }

                facets.Add(new AnnotationFacet(FramingFacets.Lexicon, lexicon.Name));
                var index = labels.Count;
                labels.Add(new LabelEntry(lexicon, concept, label, facets.ToArray()));
                foreach (var pattern in label.Patterns)
                {
                    builder.Add(new MatchPattern(pattern.Text, index, OptionsOf(lexicon.Options, pattern)));
                }
            }
        }

        _labels = labels.ToArray();
        _matcher = builder.Build(parser);
        Descriptor = new AnalyzerDescriptor(AnalyzerId, 1, LayerName)
        {
            OptionalLayers = [AttributionLayer],
            Options = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["lexicons"] = string.Join(",", lexicons.Select(l => $"{l.Name}@{l.Version}")),
                ["patterns"] = builder.Count.ToString(CultureInfo.InvariantCulture),
            },
            Lexicons = lexicons.Select(l => l.Info).ToArray(),
        };
    }

    /// <inheritdoc />
    public AnalyzerDescriptor Descriptor { get; }

    /// <summary>The compiled matcher (for tests and benchmarks).</summary>
    internal PhraseMatcher Matcher => _matcher;

    internal static MatchOptions OptionsOf(FramingLexiconOptions lexicon, FramingPattern pattern)
    {
        var o = MatchOptions.None;
        if (lexicon.HyphenVariants)
        {
            o |= MatchOptions.HyphenVariants;
        }

        if (lexicon.FoldDiacritics)
        {
            o |= MatchOptions.FoldDiacritics;
        }

        if (pattern.CaseSensitive)
        {
            o |= MatchOptions.CaseSensitive;
        }

        if (pattern.MatchCompoundParts ?? lexicon.MatchCompoundParts)
        {
            o |= MatchOptions.MatchCompoundParts;
        }

        return o;
    }

    /// <inheritdoc />
    public void Analyze(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var doc = context.Document;
        var attributed = AttributedContentIndex.Build(context.Annotations, AttributionLayer, ContentRole);
        var cancellation = context.CancellationToken;
        var found = 0;
        foreach (var m in _matcher.Matches(doc))
        {
            if ((++found & CancellationInterval) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var entry = _labels[m.Payload];
            var quote = doc.QuoteIndexAt(m.Start);
            var source = attributed?.SourceOf(m.Start, m.End);
            var quoted = quote >= 0 || source is not null;
            var scareQuoted = quote >= 0 && IsWholeQuotation(doc.Text, doc.Quotes[quote], m.Start, m.End);

            var facets = new AnnotationFacet[entry.Facets.Length + 1 + (source is null ? 0 : 1) + (scareQuoted ? 1 : 0)];
            entry.Facets.CopyTo(facets, 0);
            var at = entry.Facets.Length;
            facets[at++] = new AnnotationFacet(FramingFacets.Voice, quoted ? Quoted : Authorial);
            if (source is not null)
            {
                facets[at++] = new AnnotationFacet(FramingFacets.Source, source);
            }

            if (scareQuoted)
            {
                facets[at] = new AnnotationFacet(FramingFacets.ScareQuoted, "true");
            }

            context.Add(new Annotation(LayerName, m.Start, m.Length, entry.Concept.Id, entry.Label.Id) { Facets = facets });
        }
    }

    /// <summary>Whether the quotation holds nothing but the match (ignoring spaces and punctuation at its edges).</summary>
    internal static bool IsWholeQuotation(string text, in QuoteSpan quote, int start, int end)
    {
        int from = quote.ContentStart, to = quote.ContentEnd;
        while (from < to && IsEdge(text[from]))
        {
            from++;
        }

        while (to > from && IsEdge(text[to - 1]))
        {
            to--;
        }

        return from == start && to == end;

        static bool IsEdge(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);
    }

    /// <inheritdoc />
    public IEnumerable<ReportTable> Contribute(CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var framing = statistics.Labels.Where(l => l.Layer == LayerName).ToList();
        yield return SharesTable(statistics, framing);
        yield return VoiceTable(statistics, framing);

        var counts = framing.Where(l => l.Period == PeriodKey.All && l.Group != PeriodKey.All)
            .Select(l => new KeynessCount(l.Group, l.Category, l.Label, l.Mentions)).ToList();
        yield return LogOddsTable(counts);
        var tokens = statistics.Corpus.Where(r => r.Period == PeriodKey.All && r.Group != PeriodKey.All)
            .ToDictionary(r => r.Group, r => r.Tokens, StringComparer.Ordinal);
        yield return KeynessTable(counts, tokens);
    }

    private ReportTable SharesTable(CorpusStatistics statistics, List<LabelStatistic> framing)
    {
        var byKey = framing.ToDictionary(l => (l.Group, l.Period, l.Category, l.Label));
        var rows = new List<IReadOnlyList<ReportValue>>();
        foreach (var volume in statistics.Corpus)
        {
            foreach (var concept in _labels.GroupBy(l => l.Concept.Id, StringComparer.Ordinal))
            {
                long conceptMentions = 0;
                foreach (var entry in concept)
                {
                    conceptMentions += byKey.TryGetValue((volume.Group, volume.Period, concept.Key, entry.Label.Id), out var s) ? s.Mentions : 0;
                }

                if (conceptMentions == 0)
                {
                    continue;
                }

                foreach (var entry in concept)
                {
                    byKey.TryGetValue((volume.Group, volume.Period, concept.Key, entry.Label.Id), out var s);
                    var mentions = s?.Mentions ?? 0;
                    rows.Add(
                    [
                        volume.Group, volume.Period, entry.Lexicon.Name, concept.Key, entry.Label.Id,
                        entry.Label.Facet(FramingFacets.Stance), entry.Label.Facet(FramingFacets.Perspective),
                        mentions, s?.Documents ?? 0, conceptMentions, (double)mentions / conceptMentions,
                        volume.Tokens > 0 ? mentions * 10_000.0 / volume.Tokens : 0,
                    ]);
                }
            }
        }

        return new ReportTable("framing-shares",
            "The framing competition: for each group and period, each label's share of the mentions of its concept (share = mentions / conceptMentions); "
            + "labels of a concept mentioned in the group are listed even when unused (share 0). ratePer10kTokens = mentions per 10,000 tokens of the group and period.",
            ["group", "period", "lexicon", "concept", "label", "stance", "perspective", "mentions", "documents", "conceptMentions", "share", "ratePer10kTokens"],
            rows);
    }

    private static ReportTable VoiceTable(CorpusStatistics statistics, List<LabelStatistic> framing)
    {
        var facets = statistics.Facets.Where(f => f.Layer == LayerName)
            .ToDictionary(f => (f.Group, f.Period, f.Category, f.Label, f.Facet, f.Value), f => f.Mentions);
        long Facet(LabelStatistic l, string facet, string value) => facets.GetValueOrDefault((l.Group, l.Period, l.Category, l.Label, facet, value));
        var rows = new List<IReadOnlyList<ReportValue>>();
        foreach (var l in framing)
        {
            var quoted = Facet(l, FramingFacets.Voice, Quoted);
            rows.Add(
            [
                l.Group, l.Period, l.Category, l.Label, l.Mentions, Facet(l, FramingFacets.Voice, Authorial), quoted,
                l.Mentions > 0 ? (double)quoted / l.Mentions : 0, Facet(l, FramingFacets.ScareQuoted, "true"),
            ]);
        }

        return new ReportTable("framing-voice",
            "Whose words a label is in: authorial (the outlet's own) or quoted (inside a quotation or attributed speech), per label, group and period; "
            + "quotedShare = quoted / mentions; scareQuoted counts matches that are all a quotation holds (a subset of quoted).",
            ["group", "period", "concept", "label", "mentions", "authorial", "quoted", "quotedShare", "scareQuoted"],
            rows);
    }

    private static ReportTable LogOddsTable(List<KeynessCount> counts)
    {
        var rows = Keyness.WeightedLogOdds(counts)
            .Select(r => (IReadOnlyList<ReportValue>)
            [
                r.Group, r.Category, r.Label, r.Count, r.GroupTotal, r.RestCount, r.RestTotal, r.Prior, r.Delta, r.Variance, r.Z,
            ])
            .ToList();
        return new ReportTable("framing-log-odds",
            "Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008) of each framing label in each group against the other groups, "
            + "over the vocabulary of framing labels: count = mentions of the label in the group, groupTotal = framing mentions of the group; "
            + $"prior = α0 · corpus mentions of the label / corpus framing mentions with α0 = {Keyness.DefaultPriorStrength.ToString(CultureInfo.InvariantCulture)}; "
            + "delta = ln((y_i+α)/(n_i+α0−y_i−α)) − ln((y_j+α)/(n_j+α0−y_j−α)), variance ≈ 1/(y_i+α) + 1/(y_j+α), z = delta/√variance. Empty with fewer than two groups.",
            ["group", "concept", "label", "count", "groupTotal", "restCount", "restTotal", "prior", "delta", "variance", "z"],
            rows);
    }

    private static ReportTable KeynessTable(List<KeynessCount> counts, Dictionary<string, long> tokens)
    {
        var rows = Keyness.LogLikelihood(counts, tokens)
            .Select(r => (IReadOnlyList<ReportValue>)
            [
                r.Group, r.Category, r.Label, r.Count, r.GroupSize, r.RestCount, r.RestSize, r.ExpectedInGroup, r.ExpectedInRest, r.G2,
                r.Direction > 0 ? "over" : r.Direction < 0 ? "under" : "equal", r.SignedG2,
            ])
            .ToList();
        return new ReportTable("framing-keyness",
            "Log-likelihood (G²) keyness (Dunning 1993; Rayson and Garside 2000) of each framing label in each group against the other groups, relative to their tokens: "
            + "E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)) with a, b the label's mentions and c, d the tokens of the group and of the rest; "
            + "direction over/under compares a/c with b/d. G² ≥ 3.84: p < 0.05; ≥ 6.63: p < 0.01; ≥ 10.83: p < 0.001. Empty with fewer than two groups.",
            ["group", "concept", "label", "count", "groupTokens", "restCount", "restTokens", "expectedInGroup", "expectedInRest", "g2", "direction", "signedG2"],
            rows);
    }

    private sealed record LabelEntry(FramingLexicon Lexicon, FramingConcept Concept, FramingLabel Label, AnnotationFacet[] Facets);
}

using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens.Analyzers.Attribution;

/// <summary>
/// The attribution analyzer (<c>textlens.attribution/1</c>, layer <c>attribution</c>): who is quoted or cited, with
/// which cue, of what kind, resolved to a canonical source. Reads the <c>entity</c> layer when present. Immutable
/// and thread-safe; per-document scratch lives in a per-thread <see cref="AttributionWorkspace"/>.
/// </summary>
internal sealed class AttributionAnalyzer : IAnalyzer, IReportContributor
{
    /// <summary>The analyzer id.</summary>
    public const string Id = "textlens.attribution";

    /// <summary>The layer written.</summary>
    public const string LayerName = "attribution";

    private readonly AttributionOptions _options;
    private readonly CueTable _table;
    private readonly ICueMatcher _matcher;
    private readonly Func<ISourceGazetteer?> _gazetteer;

    /// <summary>Facet arrays cached per thread (in the workspace) are shared by annotations with the same values; they are immutable.</summary>
    private const int MaxCachedFacets = 4096;

    public AttributionAnalyzer(AttributionOptions options, CueTable table, ICueMatcher? matcher = null, Func<ISourceGazetteer?>? gazetteer = null)
    {
        _options = options;
        _table = table;
        _matcher = matcher ?? new PhraseCueMatcher(table);
        _gazetteer = gazetteer ?? (static () => null);
        Descriptor = new AnalyzerDescriptor(Id, 1, LayerName)
        {
            OptionalLayers = ["entity"],
            Options = options.ToManifest(),
            Lexicons = table.Lexicons.Select(l => new LexiconInfo("cue-lexicon", l.Name, l.Version, l.Sha256, l.Origin)).ToList(),
        };
    }

    public AnalyzerDescriptor Descriptor { get; }

    public void Analyze(AnalysisContext context) => Run(context, AttributionWorkspace.Current);

    /// <summary>Analyzes a document with a given workspace; returns the work steps taken (for the linear-time tests).</summary>
    internal long Run(AnalysisContext context, AttributionWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document;
        var extractor = new AttributionExtractor(_table, _matcher, _options, document, workspace);
        var cancellation = context.CancellationToken;
        if (_options.DetectProvenance)
        {
            ProvenanceDetector.Detect(context, workspace.Provenance, ref workspace.Steps);
        }

        // Each phase is linear in the document; a stop is observed between them.
        cancellation.ThrowIfCancellationRequested();
        extractor.Extract();
        cancellation.ThrowIfCancellationRequested();
        DropProvenance(workspace, document);
        extractor.LoadEntities(context, _gazetteer());
        cancellation.ThrowIfCancellationRequested();
        extractor.Resolve();
        cancellation.ThrowIfCancellationRequested();
        Write(context, workspace, document);
        return workspace.Steps;
    }

    public IEnumerable<ReportTable> Contribute(CorpusStatistics statistics) => AttributionTables.Create(statistics);

    private static void DropProvenance(AttributionWorkspace workspace, Text.ParsedDocument document)
    {
        if (workspace.Provenance.Count == 0)
        {
            return;
        }

        var tokens = document.Tokens;
        var found = workspace.Found;
        for (var i = 0; i < found.Count; i++)
        {
            var f = found[i];
            var at = tokens[f.CueStart].Start;
            foreach (var (start, end) in workspace.Provenance)
            {
                if (at >= start && at < end)
                {
                    f.Dropped = true;
                    found[i] = f;
                    break;
                }
            }
        }
    }

    private static void Write(AnalysisContext context, AttributionWorkspace workspace, Text.ParsedDocument document)
    {
        var tokens = document.Tokens;
        var found = workspace.Found;
        var order = workspace.Order;
        order.Clear();
        for (var i = 0; i < found.Count; i++)
        {
            // A continued quotation is an attribution of its own, with the source and cue of the one it continues:
            // one attribution per quotation span.
            if (found[i].Dropped)
            {
                continue;
            }

            order.Add(i);
        }

        var keyed = workspace.Keyed;
        keyed.Clear();
        foreach (var i in order)
        {
            keyed.Add((((long)StartOf(found[i], tokens) << 32) | (uint)i, i));
        }

        keyed.Sort();
        foreach (var (_, i) in keyed)
        {
            var f = found[i];
            var spans = new AnnotationSpan[(f.HasSource ? 1 : 0) + 1 + (f.Cue2Start >= 0 ? 1 : 0) + (f.Content1Start >= 0 ? 1 : 0)
                + (f.Content2Start >= 0 ? 1 : 0)];
            var at = 0;
            var start = int.MaxValue;
            var end = 0;
            if (f.HasSource)
            {
                Add(spans, ref at, "source", tokens[f.SourceStart].Start, tokens[f.SourceEnd - 1].End, ref start, ref end);
            }

            Add(spans, ref at, "cue", tokens[f.CueStart].Start, tokens[f.CueEnd - 1].End, ref start, ref end);
            if (f.Cue2Start >= 0)
            {
                Add(spans, ref at, "cue", tokens[f.Cue2Start].Start, tokens[f.Cue2End - 1].End, ref start, ref end);
            }

            if (f.Content1Start >= 0)
            {
                Add(spans, ref at, "content", f.Content1Start, f.Content1End, ref start, ref end);
            }

            if (f.Content2Start >= 0)
            {
                Add(spans, ref at, "content", f.Content2Start, f.Content2End, ref start, ref end);
            }

            context.Add(new Annotation(LayerName, start, end - start, f.Type, f.Label)
            {
                Spans = spans,
                Facets = FacetsOf(f, workspace.Facets),
            });
        }
    }

    private static AnnotationFacet[] FacetsOf(in FoundAttribution f,
        Dictionary<(string Type, string Lemma, CueStance Stance, AttributionMode Mode, SourceResolution Resolution, bool Hedged, bool Nested), AnnotationFacet[]> cache)
    {
        var key = (f.Type, f.Lemma, f.Stance, f.Mode, f.Resolution, f.Hedged, f.Nested);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        AnnotationFacet[] facets =
        [
            new AnnotationFacet("sourceType", f.Type),
            new AnnotationFacet("cue", f.Lemma),
            new AnnotationFacet("cueStance", CueLexiconLoader.NameOf(f.Stance)),
            new AnnotationFacet("mode", ModeName(f.Mode)),
            new AnnotationFacet("resolution", ResolutionName(f.Resolution)),
            new AnnotationFacet("hedged", f.Hedged ? "true" : "false"),
            new AnnotationFacet("nested", f.Nested ? "true" : "false"),
        ];
        if (cache.Count < MaxCachedFacets)
        {
            cache[key] = facets;
        }

        return facets;
    }

    private static int StartOf(in FoundAttribution f, ReadOnlySpan<Text.Token> tokens)
    {
        var start = tokens[f.CueStart].Start;
        if (f.HasSource)
        {
            start = Math.Min(start, tokens[f.SourceStart].Start);
        }

        if (f.Content1Start >= 0)
        {
            start = Math.Min(start, f.Content1Start);
        }

        if (f.Content2Start >= 0)
        {
            start = Math.Min(start, f.Content2Start);
        }

        return start;
    }

    private static void Add(AnnotationSpan[] spans, ref int at, string role, int start, int end, ref int min, ref int max)
    {
        spans[at++] = new AnnotationSpan(role, start, end - start);
        min = Math.Min(min, start);
        max = Math.Max(max, end);
    }

    /// <summary>The facet value of a mode.</summary>
    internal static string ModeName(AttributionMode mode) => mode switch
    {
        AttributionMode.Direct => "direct",
        AttributionMode.Indirect => "indirect",
        AttributionMode.Mixed => "mixed",
        AttributionMode.AccordingTo => "according-to",
        _ => "agentless",
    };

    /// <summary>The facet value of a resolution.</summary>
    internal static string ResolutionName(SourceResolution resolution) => resolution switch
    {
        SourceResolution.Named => "named",
        SourceResolution.Pronoun => "pronoun",
        SourceResolution.Description => "description",
        SourceResolution.Metonym => "metonym",
        _ => "none",
    };
}

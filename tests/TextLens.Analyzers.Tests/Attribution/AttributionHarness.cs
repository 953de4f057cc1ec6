using TextLens.Analyzers.Attribution;

namespace TextLens.Tests.Attribution;

/// <summary>An attribution as the spec tests read it: the text of its spans, its label, category and facets.</summary>
public sealed record AttributionView(string? Source, IReadOnlyList<string> Cues, IReadOnlyList<string> Contents, string Label, string Type,
    IReadOnlyDictionary<string, string> Facets, Annotation Annotation)
{
    public string Cue => string.Join(" ... ", Cues);

    public string? Content => Contents.Count == 0 ? null : Contents[0];

    public string this[string facet] => Facets[facet];

    public override string ToString() =>
        $"[{Type}] {Label} <- source '{Source}' cue '{Cue}' content '{string.Join(" | ", Contents)}' {string.Join(" ", Facets.Select(f => $"{f.Key}={f.Value}"))}";
}

/// <summary>Entity annotations for the tests: every whole-word occurrence of each surface form.</summary>
internal sealed class FakeEntityAnalyzer(params (string Surface, string Type, string Name, string? MetonymFor)[] entities) : IAnalyzer
{
    public AnalyzerDescriptor Descriptor { get; } = new("test.entities", 1, "entity");

    public void Analyze(AnalysisContext context)
    {
        var text = context.Text;
        foreach (var (surface, type, name, metonymFor) in entities)
        {
            var i = 0;
            while ((i = text.IndexOf(surface, i, StringComparison.Ordinal)) >= 0)
            {
                var end = i + surface.Length;
                var boundary = (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end]));
                if (boundary)
                {
                    var facets = new List<AnnotationFacet> { new("name", name) };
                    if (metonymFor is not null)
                    {
                        facets.Add(new("metonymFor", metonymFor));
                    }

                    context.Add(new Annotation("entity", i, surface.Length, type, name) { Facets = facets });
                }

                i = end;
            }
        }
    }
}

/// <summary>A gazetteer for the tests (case-insensitive names).</summary>
internal sealed class FakeGazetteer(params (string Name, GazetteerSource Source)[] entries) : ISourceGazetteer
{
    private readonly Dictionary<string, GazetteerSource> _entries = entries.ToDictionary(e => e.Name, e => e.Source, StringComparer.OrdinalIgnoreCase);

    public bool TryFind(string name, out GazetteerSource source) => _entries.TryGetValue(name.Replace('’', '\''), out source);

    public bool TryGetById(string id, out GazetteerSource source)
    {
        source = default;
        return false;
    }
}

internal static class AttributionHarness
{
    public static DocumentResult Run(string text, Action<AttributionOptions>? configure = null, IAnalyzer? entities = null, ISourceGazetteer? gazetteer = null,
        params IAnalyzer[] more)
    {
        var builder = new TextLensPipelineBuilder();
        if (entities is not null)
        {
            builder.AddAnalyzer(entities);
        }

        if (gazetteer is not null)
        {
            builder.Properties["textlens.entities.gazetteers"] = gazetteer;
        }

        builder.AddAttribution(configure ?? (_ => { }));
        foreach (var a in more)
        {
            builder.AddAnalyzer(a);
        }

        return builder.Build().Analyze(new TextDocument("test", text), new AnalysisOptions { ErrorPolicy = ErrorPolicy.Throw });
    }

    public static List<AttributionView> Find(string text, Action<AttributionOptions>? configure = null, IAnalyzer? entities = null, ISourceGazetteer? gazetteer = null)
    {
        var result = Run(text, configure, entities, gazetteer);
        return Views(text, result);
    }

    public static List<AttributionView> Views(string text, DocumentResult result) =>
        result.Annotations.Where(a => a.Layer == "attribution").Select(a => new AttributionView(
            a.Span("source") is { } s ? text.Substring(s.Start, s.Length) : null,
            a.Spans.Where(x => x.Role == "cue").Select(x => text.Substring(x.Start, x.Length)).ToList(),
            a.Spans.Where(x => x.Role == "content").Select(x => text.Substring(x.Start, x.Length)).ToList(),
            a.Label, a.Category, a.Facets.ToDictionary(f => f.Key, f => f.Value), a)).ToList();

    /// <summary>The one attribution with this cue text, failing with the whole list when there is not exactly one.</summary>
    public static AttributionView Single(this List<AttributionView> views, string cue)
    {
        var matching = views.Where(v => v.Cues.Count > 0 && string.Equals(v.Cues[0], cue, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1, $"expected one attribution with cue '{cue}', found {matching.Count}:\n{string.Join("\n", views)}");
        return matching[0];
    }
}

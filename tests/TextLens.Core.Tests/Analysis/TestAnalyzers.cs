using TextLens.Text;

namespace TextLens.Tests.Analysis;

/// <summary>Annotates every token whose key is in a word list: layer <c>words</c>, category = first letter, label = key.</summary>
internal sealed class WordListAnalyzer(string id, string layer, params string[] words) : IAnalyzer
{
    private readonly HashSet<string> _words = new(words, StringComparer.Ordinal);

    public AnalyzerDescriptor Descriptor { get; init; } = new(id, 1, layer);

    public void Analyze(AnalysisContext context)
    {
        foreach (ref readonly var t in context.Document.Tokens)
        {
            var key = context.Document.KeyOf(t).ToString();
            if (_words.Contains(key))
            {
                context.Add(new Annotation(Descriptor.Layer, t.Start, t.Length, key[..1], key)
                {
                    Facets = [new AnnotationFacet("voice", context.Document.QuoteIndexAt(t.Start) >= 0 ? "quoted" : "authorial")],
                });
            }
        }
    }
}

/// <summary>Counts the annotations of another layer: proves later analyzers see earlier layers.</summary>
internal sealed class LayerCounter(string id, string reads) : IAnalyzer
{
    public AnalyzerDescriptor Descriptor { get; } = new(id, 1, "counts") { RequiredLayers = [reads] };

    public void Analyze(AnalysisContext context)
    {
        var n = context.Layer(reads).Count();
        if (n > 0 && context.Text.Length > 0)
        {
            context.Add(new Annotation("counts", 0, 0, reads, n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}

/// <summary>Throws on documents whose id contains "boom", after writing an annotation that must be dropped.</summary>
internal sealed class ThrowingAnalyzer : IAnalyzer
{
    public AnalyzerDescriptor Descriptor { get; } = new("test.throwing", 2, "throwing");

    public void Analyze(AnalysisContext context)
    {
        context.Add(new Annotation("throwing", 0, 0, "c", "partial"));
        if (context.Document.Document.Id.Contains("boom", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("kaboom");
        }
    }
}

internal static class Docs
{
    public static TextDocument Make(string id, string text, string? outlet = null, DateOnly? date = null) =>
        new(id, text, new DocumentMetadata { Outlet = outlet, Date = date });
}

/// <summary>An analyzer that contributes one empty table named after its id; optionally reads another layer.</summary>
internal sealed class TableContributor(string id, string layer, params string[] reads) : IAnalyzer, IReportContributor
{
    public AnalyzerDescriptor Descriptor { get; } = new(id, 1, layer) { RequiredLayers = reads };

    public void Analyze(AnalysisContext context)
    {
    }

    public IEnumerable<TextLens.Reports.ReportTable> Contribute(TextLens.Statistics.CorpusStatistics statistics) =>
        [new TextLens.Reports.ReportTable(id, "test", ["column"], [])];
}

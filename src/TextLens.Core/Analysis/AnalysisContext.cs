using TextLens.Text;

namespace TextLens;

/// <summary>
/// What an analyzer sees while it analyzes one document: the parsed document, the annotations written by the
/// analyzers that ran before it, and the sink for its own. Reused by the engine; do not keep a reference.
/// </summary>
public sealed class AnalysisContext
{
    private readonly List<Annotation> _annotations = new(64);
    private readonly List<AnnotationFacet> _documentFacets = new(4);
    private string _layer = "";

    /// <summary>Creates a context over a parsed document (for tests and for hosts that drive analyzers directly).</summary>
    public AnalysisContext(ParsedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        CancellationToken = cancellationToken;
    }

    /// <summary>The parsed document.</summary>
    public ParsedDocument Document { get; private set; }

    /// <summary>The document's text.</summary>
    public string Text => Document.Text;

    /// <summary>The document's metadata.</summary>
    public DocumentMetadata Metadata => Document.Document.Metadata;

    /// <summary>Cancellation of the run.</summary>
    public CancellationToken CancellationToken { get; private set; }

    /// <summary>Every annotation written so far for this document, in the order written.</summary>
    public IReadOnlyList<Annotation> Annotations => _annotations;

    /// <summary>Facets of the whole document (bylines, agency credits) written so far.</summary>
    public IReadOnlyList<AnnotationFacet> DocumentFacets => _documentFacets;

    /// <summary>The annotations of one layer written so far.</summary>
    public IEnumerable<Annotation> Layer(string layer)
    {
        foreach (var a in _annotations)
        {
            if (string.Equals(a.Layer, layer, StringComparison.Ordinal))
            {
                yield return a;
            }
        }
    }

    /// <summary>Whether any annotation of the layer has been written.</summary>
    public bool HasLayer(string layer)
    {
        foreach (var a in _annotations)
        {
            if (string.Equals(a.Layer, layer, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds an annotation. Its span must lie within the text.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span is outside the text.</exception>
    public void Add(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (annotation.Start < 0 || annotation.Length < 0 || annotation.End > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(annotation),
                $"Annotation {annotation.Layer}/{annotation.Label} [{annotation.Start}, {annotation.End}) lies outside the document ({Text.Length} characters).");
        }

        _annotations.Add(annotation);
    }

    /// <summary>Sets a facet of the whole document, for example <c>byline=Ilham Karimli</c>; counted once per document.</summary>
    public void AddDocumentFacet(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        _documentFacets.Add(new AnnotationFacet(key, value));
    }

    /// <summary>The layer of the analyzer now running (set by the engine).</summary>
    public string CurrentLayer => _layer;

    internal void Reset(ParsedDocument document, CancellationToken cancellationToken)
    {
        Document = document;
        CancellationToken = cancellationToken;
        _annotations.Clear();
        _documentFacets.Clear();
        _layer = "";
    }

    internal void Begin(string layer) => _layer = layer;

    internal int Count => _annotations.Count;

    internal void Truncate(int count, int facetCount)
    {
        _annotations.RemoveRange(count, _annotations.Count - count);
        _documentFacets.RemoveRange(facetCount, _documentFacets.Count - facetCount);
    }

    internal int FacetCount => _documentFacets.Count;
}

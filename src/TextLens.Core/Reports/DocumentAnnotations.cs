namespace TextLens.Reports;

/// <summary>One line of <c>annotations.jsonl</c>: a document's id, metadata and every annotation with offsets.</summary>
public sealed class DocumentAnnotations
{
    /// <summary>The document id.</summary>
    public required string Id { get; init; }

    /// <summary>Where the document was read from (<c>file:line</c>).</summary>
    public string? Origin { get; init; }

    /// <summary>The outlet.</summary>
    public string? Outlet { get; init; }

    /// <summary>The date (ISO), or the raw date when unparsed.</summary>
    public string? Date { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>The group value the document was counted under.</summary>
    public required string Group { get; init; }

    /// <summary>The period the document was counted under.</summary>
    public required string Period { get; init; }

    /// <summary>Word and number tokens.</summary>
    public int Tokens { get; init; }

    /// <summary>Problems found while reading (<c>InvalidEncodingReplaced</c>, ...), when any.</summary>
    public string? Issues { get; init; }

    /// <summary>Document-level facets (bylines, credits).</summary>
    public IReadOnlyList<AnnotationFacet> DocumentFacets { get; init; } = [];

    /// <summary>Annotations, each with its matched text.</summary>
    public IReadOnlyList<AnnotationRecord> Annotations { get; init; } = [];

    /// <summary>Analyzers that failed on this document, with the message.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}

/// <summary>An annotation as written to <c>annotations.jsonl</c>, with its text for audit.</summary>
/// <param name="Layer">Layer.</param>
/// <param name="Start">Offset (UTF-16).</param>
/// <param name="Length">Length.</param>
/// <param name="Text">The annotated text.</param>
/// <param name="Category">Category.</param>
/// <param name="Label">Label.</param>
/// <param name="Facets">Facets as a name → value map.</param>
/// <param name="Spans">Named sub-spans.</param>
public sealed record AnnotationRecord(string Layer, int Start, int Length, string Text, string Category, string Label,
    IReadOnlyDictionary<string, string>? Facets, IReadOnlyList<AnnotationSpan>? Spans);

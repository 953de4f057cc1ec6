namespace TextLens;

/// <summary>
/// What an analyzer found in a document: a span of text, the layer it belongs to (<c>framing</c>,
/// <c>entity</c>, <c>attribution</c> or a plugin's own), a category and a label, plus a few facets and,
/// for structured findings such as attributions, named sub-spans.
/// </summary>
/// <param name="Layer">The layer, normally the analyzer's <see cref="AnalyzerDescriptor.Layer"/>.</param>
/// <param name="Start">Offset of the first character (UTF-16 index into <see cref="TextDocument.Text"/>).</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Category">The category: a framing concept, an entity type, a source type.</param>
/// <param name="Label">The label: a framing label id, an entity id, a resolved source.</param>
public sealed record Annotation(string Layer, int Start, int Length, string Category, string Label)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Small key/value pairs (<c>stance=delegitimizing</c>, <c>voice=quoted</c>); counted in the statistics.</summary>
    public IReadOnlyList<AnnotationFacet> Facets { get; init; } = [];

    /// <summary>Named sub-spans (<c>source</c>, <c>cue</c>, <c>content</c>); kept for audit, not counted.</summary>
    public IReadOnlyList<AnnotationSpan> Spans { get; init; } = [];

    /// <summary>
    /// Whether the label comes from an open vocabulary (text as written: a name missing from every gazetteer, a source
    /// as written) rather than from a lexicon, gazetteer or fixed set. Open labels are counted exactly, but report
    /// tables list only the most frequent per group (plus an <c>(other)</c> row with the remainder), and their open
    /// facets are not cross-tabulated per label.
    /// </summary>
    public bool OpenVocabulary { get; init; }

    /// <summary>The value of a facet, or <see langword="null"/>.</summary>
    public string? Facet(string key)
    {
        foreach (var f in Facets)
        {
            if (string.Equals(f.Key, key, StringComparison.Ordinal))
            {
                return f.Value;
            }
        }

        return null;
    }

    /// <summary>The first sub-span with the given role, or <see langword="null"/>.</summary>
    public AnnotationSpan? Span(string role)
    {
        foreach (var s in Spans)
        {
            if (string.Equals(s.Role, role, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>Value equality, facets and spans compared element by element.</summary>
    public bool Equals(Annotation? other) =>
        other is not null
        && Start == other.Start && Length == other.Length
        && string.Equals(Layer, other.Layer, StringComparison.Ordinal)
        && string.Equals(Category, other.Category, StringComparison.Ordinal)
        && string.Equals(Label, other.Label, StringComparison.Ordinal)
        && OpenVocabulary == other.OpenVocabulary
        && Facets.SequenceEqual(other.Facets)
        && Spans.SequenceEqual(other.Spans);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Layer, Start, Length, Category, Label, Facets.Count, Spans.Count);
}

/// <summary>A facet of an annotation: a small key/value pair.</summary>
/// <param name="Key">The facet name (<c>voice</c>).</param>
/// <param name="Value">The facet value (<c>quoted</c>).</param>
public readonly record struct AnnotationFacet(string Key, string Value);

/// <summary>A named sub-span of an annotation.</summary>
/// <param name="Role">The role (<c>source</c>, <c>cue</c>, <c>content</c>).</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct AnnotationSpan(string Role, int Start, int Length)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}

namespace TextLens.Evaluation;

/// <summary>
/// A span of a document coded with a label: a hand-coded gold span, or one found by the tool. Offsets are UTF-16
/// indexes into the document text, as in <see cref="Annotation"/>.
/// </summary>
/// <param name="DocumentId">The document id.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Layer">The layer (<c>framing</c>, <c>entity</c>, <c>attribution</c>, ...).</param>
/// <param name="Label">The label (or category) the span was coded with.</param>
/// <param name="Coder">Who coded it; <see langword="null"/> for a single unnamed coder.</param>
public sealed record CodedSpan(string DocumentId, int Start, int End, string Layer, string Label, string? Coder = null)
{
    /// <summary>Where the span was read from (<c>gold.csv:12</c>), when it was read from a file; not part of equality.</summary>
    public string? Origin { get; init; }

    /// <summary>Equal when every coded field is equal, wherever the spans were read from.</summary>
    public bool Equals(CodedSpan? other) =>
        other is not null && Start == other.Start && End == other.End
        && string.Equals(DocumentId, other.DocumentId, StringComparison.Ordinal) && string.Equals(Layer, other.Layer, StringComparison.Ordinal)
        && string.Equals(Label, other.Label, StringComparison.Ordinal) && string.Equals(Coder, other.Coder, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DocumentId, Start, End, Layer, Label, Coder);

    /// <summary>The span of an annotation, with its label (or, with <paramref name="label"/>, any other name for it).</summary>
    /// <param name="documentId">The document the annotation is in.</param>
    /// <param name="annotation">The annotation.</param>
    /// <param name="label">The label to code the span with; the annotation's label when <see langword="null"/>.</param>
    /// <param name="coder">The coder name.</param>
    public static CodedSpan FromAnnotation(string documentId, Annotation annotation, string? label = null, string? coder = null)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return new CodedSpan(documentId, annotation.Start, annotation.End, annotation.Layer, label ?? annotation.Label, coder);
    }
}

/// <summary>A value a coder gave a document for a label: a count, or 1/0 for present/absent.</summary>
/// <param name="DocumentId">The document id.</param>
/// <param name="Label">The label (or category) coded.</param>
/// <param name="Value">The value.</param>
/// <param name="Coder">Who coded it; <see langword="null"/> for a single unnamed coder.</param>
public sealed record DocumentCode(string DocumentId, string Label, double Value, string? Coder = null)
{
    /// <summary>Where the code was read from (<c>gold.csv:12</c>), when it was read from a file; not part of equality.</summary>
    public string? Origin { get; init; }

    /// <summary>Equal when every coded field is equal, wherever the codes were read from.</summary>
    public bool Equals(DocumentCode? other) =>
        other is not null && Value.Equals(other.Value)
        && string.Equals(DocumentId, other.DocumentId, StringComparison.Ordinal) && string.Equals(Label, other.Label, StringComparison.Ordinal)
        && string.Equals(Coder, other.Coder, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DocumentId, Label, Value, Coder);
}

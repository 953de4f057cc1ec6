namespace TextLens;

/// <summary>
/// One document of a corpus: an identifier, its text and its metadata. Immutable.
/// </summary>
public sealed class TextDocument
{
    /// <summary>Creates a document.</summary>
    /// <param name="id">Identifier, unique within the corpus.</param>
    /// <param name="text">The full text (headline and body).</param>
    /// <param name="metadata">Metadata (outlet, date, title, ...); empty when <see langword="null"/>.</param>
    /// <param name="origin">Where the document was read from, for error messages and audit.</param>
    /// <param name="issues">Problems found while reading that did not prevent analysis.</param>
    public TextDocument(string id, string text, DocumentMetadata? metadata = null, DocumentOrigin? origin = null, DocumentIssues issues = DocumentIssues.None)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        Metadata = metadata ?? DocumentMetadata.Empty;
        Origin = origin;
        Issues = issues;
    }

    /// <summary>Identifier, unique within the corpus.</summary>
    public string Id { get; }

    /// <summary>The full text. Offsets of every annotation are UTF-16 indices into this string.</summary>
    public string Text { get; }

    /// <summary>Metadata: outlet, date, title, url, language and any other field.</summary>
    public DocumentMetadata Metadata { get; }

    /// <summary>Where the document was read from (file and line or record), when known.</summary>
    public DocumentOrigin? Origin { get; }

    /// <summary>Problems found while reading that did not prevent analysis (the document is flagged, not dropped).</summary>
    public DocumentIssues Issues { get; }
}

/// <summary>Problems found while reading a document that did not prevent its analysis.</summary>
[Flags]
public enum DocumentIssues
{
    /// <summary>No problem.</summary>
    None = 0,

    /// <summary>The bytes were not valid in their encoding; invalid sequences were replaced with U+FFFD.</summary>
    InvalidEncodingReplaced = 1,

    /// <summary>A date was present but could not be parsed; the document counts under the period <c>unknown</c>.</summary>
    DateUnparsed = 2,

    /// <summary>The text contained NUL or other control characters that were kept as they are.</summary>
    ControlCharacters = 4,

    /// <summary>
    /// An earlier document of the corpus has the same id (compared ordinally); both are analysed and counted, and this
    /// one is flagged so that annotations keyed by id can be told apart. Set by the engine, in corpus order.
    /// </summary>
    DuplicateId = 8,
}

/// <summary>Where a document was read from.</summary>
/// <param name="Source">The file (or other source) name.</param>
/// <param name="Line">One-based line number in the file, when the format has lines.</param>
/// <param name="Record">One-based record number within the source, when the format has records.</param>
public sealed record DocumentOrigin(string Source, long? Line = null, long? Record = null)
{
    /// <summary>Formats as <c>file:line</c>, <c>file#record</c> or <c>file</c>.</summary>
    public override string ToString() =>
        Line is { } l ? $"{Source}:{l}" : Record is { } r ? $"{Source}#{r}" : Source;
}

namespace TextLens.Text;

/// <summary>
/// Parses documents into <see cref="ParsedDocument"/> tables: tokens, parts, keys, sentences, paragraphs and
/// quotation spans. Stateless and thread-safe; the tables are owned by the <see cref="ParsedDocument"/>.
/// </summary>
public sealed class DocumentParser
{
    /// <summary>The shared parser.</summary>
    public static DocumentParser Default { get; } = new();

    /// <summary>Parses a document into a new <see cref="ParsedDocument"/>.</summary>
    public ParsedDocument Parse(TextDocument document)
    {
        var parsed = new ParsedDocument();
        Parse(document, parsed);
        return parsed;
    }

    /// <summary>Parses a document into <paramref name="target"/>, reusing its tables.</summary>
    public void Parse(TextDocument document, ParsedDocument target) => Parse(document, target, CancellationToken.None);

    /// <summary>
    /// Parses a document into <paramref name="target"/>, observing <paramref name="cancellationToken"/> between the
    /// passes (each linear in the text: some 300 M characters a second for the tokenizer, the later passes visit only
    /// the marked tokens), so a stop inside a huge document waits for one pass at most.
    /// </summary>
    internal void Parse(TextDocument document, ParsedDocument target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(target);
        target.Reset(document);
        Tokenizer.Tokenize(document.Text, target);
        cancellationToken.ThrowIfCancellationRequested();
        SentenceSplitter.Split(target);
        cancellationToken.ThrowIfCancellationRequested();
        QuoteFinder.Find(target);
        cancellationToken.ThrowIfCancellationRequested();
    }
}

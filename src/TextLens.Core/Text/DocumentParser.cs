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
    public void Parse(TextDocument document, ParsedDocument target)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(target);
        target.Reset(document);
        Tokenizer.Tokenize(document.Text, target);
        SentenceSplitter.Split(target);
        QuoteFinder.Find(target);
    }
}

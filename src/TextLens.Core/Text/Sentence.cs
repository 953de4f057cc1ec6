namespace TextLens.Text;

/// <summary>
/// A sentence. Sentences partition the text: the first starts at 0, each starts where the previous ends, the
/// last ends at the end of the text (whitespace after a sentence belongs to it). A sentence never crosses a
/// paragraph (line) break.
/// </summary>
public readonly struct Sentence
{
    /// <summary>Creates a sentence.</summary>
    public Sentence(int start, int length, int firstToken, int tokenCount, int paragraph)
    {
        Start = start;
        Length = length;
        FirstToken = firstToken;
        TokenCount = tokenCount;
        Paragraph = paragraph;
    }

    /// <summary>Offset of the first character.</summary>
    public int Start { get; }

    /// <summary>Number of characters, trailing whitespace included.</summary>
    public int Length { get; }

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Index of the first token of the sentence.</summary>
    public int FirstToken { get; }

    /// <summary>Number of tokens.</summary>
    public int TokenCount { get; }

    /// <summary>Index of the paragraph the sentence belongs to.</summary>
    public int Paragraph { get; }
}

/// <summary>
/// A paragraph: a run of text between line breaks. Paragraphs partition the text like sentences do.
/// Paragraph 0 is usually the headline.
/// </summary>
public readonly struct Paragraph
{
    /// <summary>Creates a paragraph.</summary>
    public Paragraph(int start, int length, int firstToken, int tokenCount)
    {
        Start = start;
        Length = length;
        FirstToken = firstToken;
        TokenCount = tokenCount;
    }

    /// <summary>Offset of the first character.</summary>
    public int Start { get; }

    /// <summary>Number of characters, the line break(s) after it included.</summary>
    public int Length { get; }

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Index of the first token.</summary>
    public int FirstToken { get; }

    /// <summary>Number of tokens (0 for a blank line run).</summary>
    public int TokenCount { get; }
}

/// <summary>How a quotation was delimited.</summary>
[Flags]
public enum QuoteFlags : byte
{
    /// <summary>An ordinary quotation, opened and closed.</summary>
    None = 0,

    /// <summary>The quotation runs over more than one paragraph (each paragraph reopens it, the last closes it).</summary>
    MultiParagraph = 1,

    /// <summary>No closing mark was found; the quotation was ended at the end of its paragraph so it cannot swallow the rest of the document.</summary>
    Unclosed = 2,

    /// <summary>The quotation is nested inside another.</summary>
    Nested = 4,

    /// <summary>Short (at most four words) and inside a sentence: likely a scare quote or a quoted term rather than speech.</summary>
    Short = 8,
}

/// <summary>A quotation: from its opening mark to its closing mark.</summary>
public readonly struct QuoteSpan
{
    /// <summary>Creates a quotation span.</summary>
    public QuoteSpan(int start, int length, int contentStart, int contentLength, QuoteFlags flags, int firstToken, int tokenCount)
    {
        Start = start;
        Length = length;
        ContentStart = contentStart;
        ContentLength = contentLength;
        Flags = flags;
        FirstToken = firstToken;
        TokenCount = tokenCount;
    }

    /// <summary>Offset of the opening mark.</summary>
    public int Start { get; }

    /// <summary>Length from the opening mark to just past the closing mark (or the end of the content when unclosed).</summary>
    public int Length { get; }

    /// <summary>Offset just past the closing mark.</summary>
    public int End => Start + Length;

    /// <summary>Offset of the first character inside the marks.</summary>
    public int ContentStart { get; }

    /// <summary>Length of the text inside the marks.</summary>
    public int ContentLength { get; }

    /// <summary>Offset just past the content.</summary>
    public int ContentEnd => ContentStart + ContentLength;

    /// <summary>How the quotation was delimited.</summary>
    public QuoteFlags Flags { get; }

    /// <summary>Index of the opening quote-mark token.</summary>
    public int FirstToken { get; }

    /// <summary>Number of tokens from the opening mark to the closing mark, both included (to the last token of the paragraph when unclosed).</summary>
    public int TokenCount { get; }

    /// <summary>Whether an offset lies inside the content.</summary>
    public bool ContainsContent(int offset) => offset >= ContentStart && offset < ContentEnd;
}

using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextLens.Text;

/// <summary>
/// A document parsed once into tables that every analyzer reads: tokens (with case-folded keys and their
/// hashes), parts of hyphenated compounds, sentences, paragraphs and quotation spans.
/// </summary>
/// <remarks>
/// Instances are reused by the engine from one document to the next (the tables grow and are never
/// reallocated per document once large enough), so an analyzer must not keep a reference to a
/// <see cref="ParsedDocument"/> or to any span it returns after <see cref="IAnalyzer.Analyze"/> returns.
/// A parsed document is used by one thread at a time.
/// </remarks>
public sealed class ParsedDocument
{
    internal Token[] TokenTable = new Token[256];
    internal int TokenTableCount;
    internal TokenPart[] PartTable = new TokenPart[32];
    internal int PartTableCount;
    internal Sentence[] SentenceTable = new Sentence[16];
    internal int SentenceTableCount;
    internal Paragraph[] ParagraphTable = new Paragraph[16];
    internal int ParagraphTableCount;
    internal QuoteSpan[] QuoteTable = new QuoteSpan[8];
    internal int QuoteTableCount;
    internal char[] KeyBuffer = new char[1024];

    /// <summary>Characters the key buffer holds beyond the text, so that a matcher can compare any key with whole vectors.</summary>
    internal const int KeyPadding = 16;

    /// <summary>
    /// Tokens the sentence splitter and quote finder must look at (paragraph starts, sentence terminators,
    /// abbreviations, quotation marks, bare clitics), recorded by the tokenizer so that the later passes visit a
    /// few percent of the tokens instead of all of them.
    /// </summary>
    internal Marker[] MarkerTable = new Marker[64];
    internal int MarkerTableCount;
    private char[] _diacriticBuffer = [];
    private bool _diacriticsReady;
    private int[] _quoteLinks = [];
    private bool _quoteLinksReady;
    private TextDocument _document = Placeholder;

    private static readonly TextDocument Placeholder = new("", "");

    /// <summary>The document that was parsed.</summary>
    public TextDocument Document => _document;

    /// <summary>The text of the document.</summary>
    public string Text => _document.Text;

    /// <summary>The tokens, in text order, non-overlapping.</summary>
    public ReadOnlySpan<Token> Tokens => new(TokenTable, 0, TokenTableCount);

    /// <summary>The parts of every hyphenated compound, in text order.</summary>
    public ReadOnlySpan<TokenPart> Parts => new(PartTable, 0, PartTableCount);

    /// <summary>The sentences; they partition the text.</summary>
    public ReadOnlySpan<Sentence> Sentences => new(SentenceTable, 0, SentenceTableCount);

    /// <summary>The paragraphs (lines); they partition the text.</summary>
    public ReadOnlySpan<Paragraph> Paragraphs => new(ParagraphTable, 0, ParagraphTableCount);

    /// <summary>The quotation spans, ordered by start; nested quotations follow the one that contains them.</summary>
    public ReadOnlySpan<QuoteSpan> Quotes => new(QuoteTable, 0, QuoteTableCount);

    /// <summary>The number of word and number tokens: the denominator of every rate.</summary>
    public int WordCount { get; internal set; }

    /// <summary>The text of a token.</summary>
    public ReadOnlySpan<char> TextOf(in Token token) => Text.AsSpan(token.Start, token.Length);

    /// <summary>The text of a part.</summary>
    public ReadOnlySpan<char> TextOf(in TokenPart part) => Text.AsSpan(part.Start, part.Length);

    /// <summary>The case-folded key of a token (see <see cref="CharFolding.FoldCase(char)"/>), same length as its text.</summary>
    public ReadOnlySpan<char> KeyOf(in Token token) => new(KeyBuffer, token.Start, token.Length);

    /// <summary>The case-folded key of a part.</summary>
    public ReadOnlySpan<char> KeyOf(in TokenPart part) => new(KeyBuffer, part.Start, part.Length);

    /// <summary>The case- and diacritic-folded key of a token (computed for the whole document on first use).</summary>
    public ReadOnlySpan<char> FoldedKeyOf(in Token token)
    {
        EnsureDiacriticKeys();
        return new(_diacriticBuffer, token.Start, token.Length);
    }

    /// <summary>The case- and diacritic-folded key of a part.</summary>
    public ReadOnlySpan<char> FoldedKeyOf(in TokenPart part)
    {
        EnsureDiacriticKeys();
        return new(_diacriticBuffer, part.Start, part.Length);
    }

    /// <summary>The parts of a hyphenated compound; empty for any other token.</summary>
    public ReadOnlySpan<TokenPart> PartsOf(in Token token) => new(PartTable, token.FirstPart, token.PartCount);

    /// <summary>Index of the token that contains <paramref name="offset"/>, or of the first token after it; <see cref="Tokens"/>.Length when none.</summary>
    public int TokenIndexAt(int offset)
    {
        int lo = 0, hi = TokenTableCount - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            ref readonly var t = ref TokenTable[mid];
            if (t.End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>Index of the sentence that contains <paramref name="offset"/> (clamped to the text).</summary>
    public int SentenceIndexAt(int offset)
    {
        int lo = 0, hi = SentenceTableCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (SentenceTable[mid].Start <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>Index of the innermost quotation whose content contains <paramref name="offset"/>, or -1.</summary>
    /// <remarks>
    /// O(log q + nesting depth): a binary search finds the last quotation starting at or before the offset, then a walk
    /// along each quotation's nearest earlier quotation with a later content end (built once per document) skips every
    /// quotation that closes before the offset. (Scanning the quotations from the first made a framing pass over a document
    /// with many quotation marks quadratic.)
    /// </remarks>
    public int QuoteIndexAt(int offset)
    {
        if (QuoteTableCount == 0)
        {
            return -1;
        }

        EnsureQuoteLinks();
        int lo = 0, hi = QuoteTableCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (QuoteTable[mid].Start <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var i = QuoteTable[lo].Start <= offset ? lo : -1;
        while (i >= 0)
        {
            ref readonly var q = ref QuoteTable[i];
            if (q.ContentEnd <= offset)
            {
                // Every quotation between the link and this one ends its content no later than this one does.
                i = _quoteLinks[i];
            }
            else if (q.ContainsContent(offset))
            {
                return i;
            }
            else
            {
                // The offset is on this quotation's opening mark: an earlier quotation may still hold it.
                i--;
            }
        }

        return -1;
    }

    /// <summary>For each quotation, the nearest earlier one whose content ends later (-1 when none): the links <see cref="QuoteIndexAt"/> walks.</summary>
    private void EnsureQuoteLinks()
    {
        if (_quoteLinksReady)
        {
            return;
        }

        if (_quoteLinks.Length < QuoteTableCount)
        {
            _quoteLinks = new int[Math.Max(QuoteTableCount, _quoteLinks.Length * 2)];
        }

        // A stack of indices with strictly decreasing content ends: each index is pushed and popped once.
        var stack = new Stack<int>();
        for (var i = 0; i < QuoteTableCount; i++)
        {
            var end = QuoteTable[i].ContentEnd;
            while (stack.Count > 0 && QuoteTable[stack.Peek()].ContentEnd <= end)
            {
                stack.Pop();
            }

            _quoteLinks[i] = stack.Count > 0 ? stack.Peek() : -1;
            stack.Push(i);
        }

        _quoteLinksReady = true;
    }

    /// <summary>Index of the token at the start of the sentence that holds token <paramref name="tokenIndex"/>.</summary>
    public int SentenceIndexOfToken(int tokenIndex) =>
        tokenIndex < TokenTableCount ? SentenceIndexAt(TokenTable[tokenIndex].Start) : Math.Max(0, SentenceTableCount - 1);

    internal void Reset(TextDocument document)
    {
        _document = document;
        TokenTableCount = 0;
        PartTableCount = 0;
        SentenceTableCount = 0;
        ParagraphTableCount = 0;
        QuoteTableCount = 0;
        MarkerTableCount = 0;
        WordCount = 0;
        _diacriticsReady = false;
        _quoteLinksReady = false;
        if (KeyBuffer.Length < document.Text.Length + KeyPadding)
        {
            KeyBuffer = new char[Math.Max(document.Text.Length + KeyPadding, KeyBuffer.Length * 2)];
        }
    }

    /// <summary>Appends a token, writing its fields straight into the table (no <see cref="Token"/> built on the stack and copied).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddToken(int start, int length, TokenKind kind, TokenFlags flags, int keyHash, int firstPart = 0, int partCount = 0)
    {
        var table = TokenTable;
        var count = TokenTableCount;
        if ((uint)count >= (uint)table.Length)
        {
            table = GrowTokenTable();
        }

        ref var slot = ref Unsafe.As<Token, TokenFields>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), count));
        slot.Start = start;
        slot.Length = length;
        slot.Kind = kind;
        slot.Padding = 0;
        slot.Flags = flags;
        slot.KeyHash = keyHash;
        slot.FirstPart = firstPart;
        slot.PartCount = partCount;
        TokenTableCount = count + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Token[] GrowTokenTable()
    {
        Debug.Assert(Unsafe.SizeOf<Token>() == Unsafe.SizeOf<TokenFields>());
        Array.Resize(ref TokenTable, TokenTable.Length * 2);
        return TokenTable;
    }

    internal void AddPart(in TokenPart part)
    {
        if (PartTableCount == PartTable.Length)
        {
            Array.Resize(ref PartTable, PartTable.Length * 2);
        }

        PartTable[PartTableCount++] = part;
    }

    internal void AddSentence(in Sentence sentence)
    {
        if (SentenceTableCount == SentenceTable.Length)
        {
            Array.Resize(ref SentenceTable, SentenceTable.Length * 2);
        }

        SentenceTable[SentenceTableCount++] = sentence;
    }

    internal void AddParagraph(in Paragraph paragraph)
    {
        if (ParagraphTableCount == ParagraphTable.Length)
        {
            Array.Resize(ref ParagraphTable, ParagraphTable.Length * 2);
        }

        ParagraphTable[ParagraphTableCount++] = paragraph;
    }

    internal void AddMarker(int token, int wordsBefore)
    {
        var table = MarkerTable;
        var count = MarkerTableCount;
        if ((uint)count < (uint)table.Length)
        {
            table[count] = new Marker(token, wordsBefore);
            MarkerTableCount = count + 1;
        }
        else
        {
            AddMarkerGrowing(token, wordsBefore);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddMarkerGrowing(int token, int wordsBefore)
    {
        Array.Resize(ref MarkerTable, MarkerTable.Length * 2);
        MarkerTable[MarkerTableCount++] = new Marker(token, wordsBefore);
    }

    internal void AddQuote(in QuoteSpan quote)
    {
        if (QuoteTableCount == QuoteTable.Length)
        {
            Array.Resize(ref QuoteTable, QuoteTable.Length * 2);
        }

        QuoteTable[QuoteTableCount++] = quote;
    }

    private void EnsureDiacriticKeys()
    {
        if (_diacriticsReady)
        {
            return;
        }

        var n = Text.Length;
        if (_diacriticBuffer.Length < n)
        {
            _diacriticBuffer = new char[Math.Max(n, _diacriticBuffer.Length * 2)];
        }

        var src = KeyBuffer.AsSpan(0, n);
        var dst = _diacriticBuffer.AsSpan(0, n);
        foreach (ref readonly var t in Tokens)
        {
            for (var i = t.Start; i < t.End; i++)
            {
                dst[i] = CharFolding.FoldDiacritics(src[i]);
            }
        }

        _diacriticsReady = true;
    }
}

/// <summary>A token the later parsing passes must visit, with the number of word and number tokens before it.</summary>
internal readonly record struct Marker(int Token, int WordsBefore);

/// <summary>
/// The fields of a <see cref="Token"/> in its layout (sequential: start, length, kind, a padding byte, flags, key hash,
/// first part, part count), so that <see cref="ParsedDocument.AddToken"/> can write a token in place.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TokenFields
{
    public int Start;
    public int Length;
    public TokenKind Kind;
    public byte Padding;
    public TokenFlags Flags;
    public int KeyHash;
    public int FirstPart;
    public int PartCount;
}

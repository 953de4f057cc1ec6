using System.Runtime.InteropServices;

namespace TextLens.Text;

/// <summary>What a token is.</summary>
public enum TokenKind : byte
{
    /// <summary>A word of letters in any script, possibly with digits, inner apostrophes, hyphens or dots (<c>anti-terrorist</c>, <c>Caliber.Az</c>, <c>U.S.</c>).</summary>
    Word = 0,

    /// <summary>A number, with separators and suffixes (<c>2,728</c>, <c>1.5</c>, <c>1990s</c>, <c>122mm</c>).</summary>
    Number = 1,

    /// <summary>Punctuation other than quotation marks (<c>.</c>, <c>,</c>, <c>–</c>, <c>(</c>).</summary>
    Punctuation = 2,

    /// <summary>A quotation mark (<c>“ ” " « » „ ‘ ’ '</c>).</summary>
    QuoteMark = 3,

    /// <summary>A possessive or contraction clitic split from its word (<c>’s</c> of <c>Baku’s</c>, a bare <c>’</c> after <c>separatists</c>).</summary>
    Clitic = 4,

    /// <summary>A symbol (<c>%</c>, <c>$</c>, <c>•</c>, emoji).</summary>
    Symbol = 5,

    /// <summary>A URL (<c>https://…</c>, <c>www.…</c>).</summary>
    Url = 6,

    /// <summary>An e-mail address.</summary>
    Email = 7,
}

/// <summary>Properties of a token computed by the tokenizer.</summary>
[Flags]
public enum TokenFlags : ushort
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The first letter is upper case (<c>Baku</c>).</summary>
    Capitalized = 1 << 0,

    /// <summary>Every letter is upper case and there are at least two (<c>OSCE</c>, <c>TM-57</c>).</summary>
    AllCaps = 1 << 1,

    /// <summary>The token is a compound joined by hyphens; its parts are reachable with <see cref="ParsedDocument.PartsOf(in Token)"/>.</summary>
    Hyphenated = 1 << 2,

    /// <summary>The token ends with a period that belongs to it (<c>Gen.</c>, <c>U.S.</c>).</summary>
    Abbreviation = 1 << 3,

    /// <summary>The token is the first of its sentence.</summary>
    SentenceStart = 1 << 4,

    /// <summary>The token is the first of its paragraph (line).</summary>
    ParagraphStart = 1 << 5,

    /// <summary>A quotation mark that opens a quotation.</summary>
    OpensQuote = 1 << 6,

    /// <summary>A quotation mark that closes a quotation.</summary>
    ClosesQuote = 1 << 7,

    /// <summary>The token contains a character outside ASCII.</summary>
    NonAscii = 1 << 8,

    /// <summary>Whitespace (or the start of the text) stands right before the token.</summary>
    SpaceBefore = 1 << 9,

    /// <summary>The token contains at least one digit.</summary>
    HasDigit = 1 << 10,

    /// <summary>The token's parts are joined by dots (<c>Caliber.Az</c>, <c>U.S.</c>).</summary>
    Dotted = 1 << 11,
}

/// <summary>
/// One token: a span of the document text plus what the tokenizer learned of it. Its case-folded key is
/// <see cref="ParsedDocument.KeyOf(in Token)"/>; the hash of that key is <see cref="KeyHash"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Token
{
    /// <summary>Creates a token.</summary>
    public Token(int start, int length, TokenKind kind, TokenFlags flags, int keyHash, int firstPart = 0, int partCount = 0)
    {
        Start = start;
        Length = length;
        Kind = kind;
        Flags = flags;
        KeyHash = keyHash;
        FirstPart = firstPart;
        PartCount = partCount;
    }

    /// <summary>Offset of the first character (UTF-16 index).</summary>
    public int Start { get; }

    /// <summary>Number of UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>What the token is.</summary>
    public TokenKind Kind { get; }

    /// <summary>Properties computed by the tokenizer.</summary>
    public TokenFlags Flags { get; }

    /// <summary><see cref="TokenKeyHash.Compute(ReadOnlySpan{char})"/> of the case-folded key.</summary>
    public int KeyHash { get; }

    /// <summary>Index of the first part in <see cref="ParsedDocument.Parts"/> (hyphenated compounds only).</summary>
    public int FirstPart { get; }

    /// <summary>Number of parts (0 unless <see cref="TokenFlags.Hyphenated"/>).</summary>
    public int PartCount { get; }

    /// <summary>Whether the token has the given flag(s).</summary>
    public bool Has(TokenFlags flag) => (Flags & flag) == flag;

    /// <summary>Whether the token is a word or a number.</summary>
    public bool IsWordLike => Kind is TokenKind.Word or TokenKind.Number;

    /// <summary>The same token with more flags (the splitter and the quote finder mark tokens after tokenization).</summary>
    internal Token WithFlags(TokenFlags add) => new(Start, Length, Kind, Flags | add, KeyHash, FirstPart, PartCount);

    /// <summary>The same token with another kind and more flags.</summary>
    internal Token WithKind(TokenKind kind, TokenFlags add) => new(Start, Length, kind, Flags | add, KeyHash, FirstPart, PartCount);
}

/// <summary>One part of a hyphenated compound (<c>Fizuli</c> of <c>Ahmedbeyli-Fizuli-Shusha</c>).</summary>
public readonly struct TokenPart
{
    /// <summary>Creates a part.</summary>
    public TokenPart(int start, int length, int keyHash)
    {
        Start = start;
        Length = length;
        KeyHash = keyHash;
    }

    /// <summary>Offset of the first character.</summary>
    public int Start { get; }

    /// <summary>Number of UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Hash of the case-folded key of the part.</summary>
    public int KeyHash { get; }
}

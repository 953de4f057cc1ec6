namespace TextLens.Analyzers.Matching;

/// <summary>How one pattern of a <see cref="PhraseMatcher"/> is compared with the text.</summary>
[Flags]
internal enum MatchOptions : byte
{
    /// <summary>Case-insensitive, exact diacritics, hyphenated words only as written, whole compounds only.</summary>
    None = 0,

    /// <summary>The letters and digits of the match must have the pattern's case (acronyms such as <c>DPR</c>).</summary>
    CaseSensitive = 1,

    /// <summary>Diacritics are ignored on both sides (<c>Şuşa</c> = <c>Susa</c>), compared with <see cref="Text.ParsedDocument.FoldedKeyOf(in Text.Token)"/>.</summary>
    FoldDiacritics = 2,

    /// <summary>
    /// A hyphen is the same as a space or nothing: <c>anti-terrorist</c> also matches <c>anti terrorist</c> and
    /// <c>antiterrorist</c>, and the parts of a hyphenated compound in the text are words of a phrase.
    /// </summary>
    HyphenVariants = 4,

    /// <summary>The pattern may match only part of a hyphenated compound (<c>Fizuli</c> in <c>Ahmedbeyli-Fizuli-Shusha</c>).</summary>
    MatchCompoundParts = 8,
}

/// <summary>
/// One pattern of a <see cref="PhraseMatcher"/>: text in the pattern syntax (words separated by spaces, a
/// trailing <c>*</c> for a prefix of the last word), the payload reported with each match, and its options.
/// </summary>
/// <param name="Text">The pattern text, for example <c>separatist*</c> or <c>anti-terrorist operation</c>.</param>
/// <param name="Payload">An integer the caller chooses (a label index); reported with every match.</param>
/// <param name="Options">How the pattern is compared.</param>
internal readonly record struct MatchPattern(string Text, int Payload, MatchOptions Options);

/// <summary>A match of a <see cref="PhraseMatcher"/>: a span of the document and the pattern that matched it.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Payload">The payload of the pattern.</param>
/// <param name="PatternIndex">The index of the pattern in the order patterns were added.</param>
internal readonly record struct PhraseMatch(int Start, int Length, int Payload, int PatternIndex)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}

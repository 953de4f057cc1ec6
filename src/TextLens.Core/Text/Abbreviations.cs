namespace TextLens.Text;

/// <summary>
/// The built-in English abbreviations that keep their period, and which of them may end a sentence.
/// </summary>
/// <remarks>
/// Matching is on the case-folded key without the period. Entries written with a capital (titles, months,
/// company suffixes) match only a capitalized word, so <c>no.</c> at the end of a sentence stays a word and a
/// period; <c>vs.</c> and <c>etc.</c> match in any case.
/// </remarks>
internal static class Abbreviations
{
    /// <summary>Whether a folded key (without its period) is a listed abbreviation.</summary>
    public static bool IsKnown(ReadOnlySpan<char> key, bool capitalized) => key switch
    {
        "vs" or "etc" => true,
        "gen" or "maj" or "lt" or "col" or "adm" or "sgt" or "capt" or "mr" or "mrs" or "ms" or "dr" or "prof" or "st"
            or "jr" or "sr" or "no" or "jan" or "feb" or "apr" or "aug" or "sept" or "sep" or "oct" or "nov" or "dec"
            or "rep" or "sen" or "gov" or "co" or "corp" or "inc" or "ltd" => capitalized,
        _ => false,
    };

    /// <summary>
    /// Whether an abbreviation token (folded key with its period) may end a sentence. Titles (<c>Gen.</c>,
    /// <c>Dr.</c>, <c>St.</c>), <c>No.</c>, <c>vs.</c>, <c>e.g.</c> and <c>i.e.</c> always precede more of their
    /// sentence; initials, dotted abbreviations (<c>U.S.</c>), months, <c>etc.</c>, <c>Jr.</c> and company
    /// suffixes can be the last word of a sentence, and the splitter ends the sentence there only when a
    /// capitalized word that typically opens a sentence follows (see <see cref="IsSentenceOpener"/>).
    /// </summary>
    public static bool MayEndSentence(ReadOnlySpan<char> keyWithPeriod)
    {
        var key = keyWithPeriod.Length > 0 && keyWithPeriod[^1] == '.' ? keyWithPeriod[..^1] : keyWithPeriod;
        return key switch
        {
            "gen" or "maj" or "lt" or "col" or "adm" or "sgt" or "capt" or "mr" or "mrs" or "ms" or "dr" or "prof" or "st"
                or "rep" or "sen" or "gov" or "no" or "vs" or "e.g" or "i.e" => false,
            _ => true,
        };
    }

    /// <summary>
    /// Whether a folded word is one that typically opens an English sentence (articles, pronouns, common
    /// conjunctions and prepositions); used after an abbreviation that may end a sentence.
    /// </summary>
    public static bool IsSentenceOpener(ReadOnlySpan<char> key) => key switch
    {
        "the" or "a" or "an" or "this" or "that" or "these" or "those" or "it" or "its" or "he" or "she" or "they"
            or "we" or "i" or "you" or "there" or "his" or "her" or "their" or "our" or "in" or "on" or "at" or "but"
            or "and" or "however" or "meanwhile" or "according" or "after" or "before" or "since" or "when" or "while"
            or "as" or "if" or "for" or "from" or "earlier" or "later" or "last" or "also" or "yet" or "so" => true,
        _ => false,
    };
}

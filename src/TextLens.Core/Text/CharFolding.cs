using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace TextLens.Text;

/// <summary>
/// Length-preserving character folding used for token keys: every function maps one UTF-16 code unit to one,
/// so a folded key has the same offsets as the text it came from.
/// </summary>
public static class CharFolding
{
    // Declared before DiacriticTable: static fields are initialised in text order.
    /// <summary>Letters with diacritics (Latin-1 Supplement, Latin Extended-A, a few of Extended-B) and the plain letter each folds to.</summary>
    private static readonly (string Letters, char Plain)[] LatinLetters =
    [
        ("ÀÁÂÃÄÅĀĂĄ", 'A'), ("àáâãäåāăą", 'a'), ("ÇĆĈĊČ", 'C'), ("çćĉċč", 'c'), ("ĎĐ", 'D'), ("ďđ", 'd'),
        ("ÈÉÊËĒĔĖĘĚƏ", 'E'), ("èéêëēĕėęěə", 'e'), ("ĜĞĠĢǦ", 'G'), ("ĝğġģǧ", 'g'), ("ĤĦ", 'H'), ("ĥħ", 'h'),
        ("ÌÍÎÏĨĪĬĮİ", 'I'), ("ìíîïĩīĭįı", 'i'), ("Ĵ", 'J'), ("ĵ", 'j'), ("Ķ", 'K'), ("ķ", 'k'), ("ĹĻĽĿŁ", 'L'), ("ĺļľŀł", 'l'),
        ("ÑŃŅŇ", 'N'), ("ñńņň", 'n'), ("ÒÓÔÕÖØŌŎŐƠ", 'O'), ("òóôõöøōŏőơ", 'o'), ("ŔŖŘ", 'R'), ("ŕŗř", 'r'),
        ("ŚŜŞŠȘ", 'S'), ("śŝşšș", 's'), ("ŢŤŦȚ", 'T'), ("ţťŧț", 't'), ("ÙÚÛÜŨŪŬŮŰŲƯ", 'U'), ("ùúûüũūŭůűųư", 'u'),
        ("Ŵ", 'W'), ("ŵ", 'w'), ("ÝŶŸ", 'Y'), ("ýÿŷ", 'y'), ("ŹŻŽ", 'Z'), ("źżž", 'z'),
    ];

    private static readonly char[] DiacriticTable = BuildDiacriticTable();

    /// <summary>
    /// Folds case (invariant lower case) and unifies typographic variants that must not change meaning:
    /// right single quotation mark and modifier apostrophe become <c>'</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char FoldCase(char c)
    {
        if (c < 128)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        return FoldCaseSlow(c);
    }

    private static char FoldCaseSlow(char c) => c switch
    {
        '\u2019' or '\u02BC' or '\u2018' or '\u00B4' or '\u2032' => '\'',
        '\u2010' or '\u2011' => '-',
        '\u0130' => 'i', // İ: char.ToLowerInvariant leaves it unchanged.
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>
    /// Removes diacritics from an already case-folded character (<c>ü</c> → <c>u</c>, <c>ş</c> → <c>s</c>,
    /// <c>ı</c> → <c>i</c>, <c>ə</c> → <c>e</c>); other characters are returned unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char FoldDiacritics(char c) => c < 128 ? c : c < DiacriticTable.Length ? DiacriticTable[c] : c;

    /// <summary>Folds case and then diacritics.</summary>
    public static char FoldCaseAndDiacritics(char c) => FoldDiacritics(FoldCase(c));

    /// <summary>Folds a whole string's case (allocates; for lexicon loading, not hot paths).</summary>
    public static string FoldCase(string text, bool foldDiacritics = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, (text, foldDiacritics), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = FoldCase(state.text[i]);
                span[i] = state.foldDiacritics ? FoldDiacritics(c) : c;
            }
        });
    }

    private static char[] BuildDiacriticTable()
    {
        // Latin-1 Supplement, Latin Extended-A/B, IPA (ə) and Latin Extended Additional.
        var table = new char[0x2000];
        Span<char> one = stackalloc char[1];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = c;
            if (i < 0xC0 || char.IsSurrogate(c))
            {
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && decomposed[0] < 0x250 && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark)
            {
                table[i] = decomposed[0];
            }
        }

        // Explicit map for the Latin letters of European, Turkish and Azerbaijani text. Normalize(FormD) above
        // decomposes nothing when the process runs with InvariantGlobalization (the default of this repository and
        // of many trimmed or container apps), so the table must not depend on it.
        foreach (var (letters, plain) in LatinLetters)
        {
            foreach (var c in letters)
            {
                table[c] = plain;
            }
        }

        return table;
    }
}

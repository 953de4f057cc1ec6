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

        table['ı'] = 'i';
        table['ə'] = 'e';
        table['Ə'] = 'E';
        table['ø'] = 'o';
        table['đ'] = 'd';
        table['ł'] = 'l';
        table['ħ'] = 'h';
        return table;
    }
}

using System.Runtime.CompilerServices;
using System.Text;

namespace TextLens.Text;

/// <summary>
/// Length-preserving character folding used for token keys: every function maps one UTF-16 code unit to one,
/// so a folded key has the same offsets as the text it came from.
/// </summary>
public static class CharFolding
{
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
        '\u0130' => 'i', // İ (Azerbaijani and Turkish capital dotted I): char.ToLowerInvariant leaves it unchanged.
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

    /// <summary>
    /// Each string is a base letter followed by the letters that decompose (canonical decomposition, NFD) into it
    /// plus combining marks: Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional. Written out
    /// rather than computed with <see cref="string.Normalize(NormalizationForm)"/>, which does nothing when the
    /// process runs with invariant globalization (as every TextLens project does).
    /// </summary>
    private static readonly string[] LatinDecompositions =
    [
        "AÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦḀẠẢẤẦẨẪẬẮẰẲẴẶ", "BḂḄḆ", "CÇĆĈĊČḈ", "DĎḊḌḎḐḒ", "EÈÉÊËĒĔĖĘĚȄȆȨḔḖḘḚḜẸẺẼẾỀỂỄỆ", "FḞ", "GĜĞĠĢǦǴḠ", "HĤȞḢḤḦḨḪ",
        "IÌÍÎÏĨĪĬĮİǏȈȊḬḮỈỊ", "JĴ", "KĶǨḰḲḴ", "LĹĻĽḶḸḺḼ", "MḾṀṂ", "NÑŃŅŇǸṄṆṈṊ", "OÒÓÔÕÖŌŎŐƠǑǪǬȌȎȪȬȮȰṌṎṐṒỌỎỐỒỔỖỘỚỜỞỠỢ", "PṔṖ", "RŔŖŘȐȒṘṚṜṞ",
        "SŚŜŞŠȘṠṢṤṦṨ", "TŢŤȚṪṬṮṰ", "UÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖṲṴṶṸṺỤỦỨỪỬỮỰ", "VṼṾ", "WŴẀẂẄẆẈ", "XẊẌ", "YÝŶŸȲẎỲỴỶỸ", "ZŹŻŽẐẒẔ",
        "aàáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ", "bḃḅḇ", "cçćĉċčḉ", "dďḋḍḏḑḓ", "eèéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ", "fḟ", "gĝğġģǧǵḡ", "hĥȟḣḥḧḩḫẖ",
        "iìíîïĩīĭįǐȉȋḭḯỉị", "jĵǰ", "kķǩḱḳḵ", "lĺļľḷḹḻḽ", "mḿṁṃ", "nñńņňǹṅṇṉṋ", "oòóôõöōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ", "pṕṗ", "rŕŗřȑȓṙṛṝṟ",
        "sśŝşšșṡṣṥṧṩ", "tţťțṫṭṯṱẗ", "uùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự", "vṽṿ", "wŵẁẃẅẇẉẘ", "xẋẍ", "yýÿŷȳẏẙỳỵỷỹ", "zźżžẑẓẕ", "ÆǢǼ", "ØǾ", "æǣǽ", "øǿ",
        "ſẛ", "ƷǮ",
    ];

    // Declared after the rows it is built from: static fields initialize in text order.
    private static readonly char[] DiacriticTable = BuildDiacriticTable();

    private static char[] BuildDiacriticTable()
    {
        var table = new char[0x2000];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)i;
        }

        table['ı'] = 'i';
        table['ə'] = 'e';
        table['Ə'] = 'E';
        table['ø'] = 'o';
        table['đ'] = 'd';
        table['ł'] = 'l';
        table['ħ'] = 'h';
        foreach (var row in LatinDecompositions)
        {
            for (var k = 1; k < row.Length; k++)
            {
                table[row[k]] = table[row[0]];
            }
        }

        return table;
    }
}

using System.Runtime.CompilerServices;
using System.Text;

namespace TextLens.Text;

/// <summary>
/// Length-preserving character folding used for token keys: every function maps one UTF-16 code unit to one,
/// so a folded key has the same offsets as the text it came from.
/// </summary>
public static class CharFolding
{
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

        // Explicit map for the Latin letters of European, Turkish and Azerbaijani text that have no canonical
        // decomposition (Đ, Ł, Ħ, Ə, ı): merged from the entities branch's fix of the same problem.
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

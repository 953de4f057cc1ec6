using TextLens.Text;

namespace TextLens.Analyzers.Matching;

/// <summary>One word of a pattern as the document parser tokenizes it: its folded key and, for a hyphenated compound, its parts.</summary>
/// <param name="Whole">The case-folded key of the whole word (<c>anti-terrorist</c>).</param>
/// <param name="Parts">The keys of its parts (<c>anti</c>, <c>terrorist</c>) when it is a hyphenated compound, else <see langword="null"/>.</param>
internal readonly record struct PatternWord(string Whole, string[]? Parts)
{
    /// <summary>The parts written together (<c>antiterrorist</c>).</summary>
    public string Joined => Parts is null ? Whole : string.Concat(Parts);
}

/// <summary>
/// The words of a pattern, tokenized by the same <see cref="DocumentParser"/> as the documents so that a pattern
/// and the text it names always split into the same tokens (<c>Baku’s</c> into <c>Baku</c> and the clitic <c>’s</c>).
/// </summary>
internal static class PatternShape
{
    /// <summary>More hyphenated words than this in one pattern get only the uniform variants (all whole, all joined, all split).</summary>
    public const int MaxCombinedHyphenatedWords = 6;

    /// <summary>Tokenizes a pattern body (without its trailing <c>*</c>) into words with folded keys.</summary>
    public static PatternWord[] Words(string body, bool foldDiacritics, DocumentParser parser, ParsedDocument scratch)
    {
        parser.Parse(new TextDocument("pattern", body), scratch);
        var tokens = scratch.Tokens;
        var words = new PatternWord[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var t = ref tokens[i];
            var whole = Fold(scratch.KeyOf(t), foldDiacritics);
            string[]? parts = null;
            if (t.PartCount >= 2 && t.Has(TokenFlags.Hyphenated))
            {
                var ps = scratch.PartsOf(t);
                parts = new string[ps.Length];
                for (var k = 0; k < ps.Length; k++)
                {
                    parts[k] = Fold(scratch.KeyOf(ps[k]), foldDiacritics);
                }
            }

            words[i] = new PatternWord(whole, parts);
        }

        return words;
    }

    /// <summary>
    /// The atom sequences a pattern stands for. Without hyphen variants: the words as written. With them, each
    /// hyphenated word is written whole (<c>anti-terrorist</c>), joined (<c>antiterrorist</c>) or split into its parts.
    /// </summary>
    public static List<string[]> Variants(PatternWord[] words, bool hyphenVariants)
    {
        var hyphenated = 0;
        foreach (var w in words)
        {
            if (w.Parts is not null)
            {
                hyphenated++;
            }
        }

        var result = new List<string[]>();
        if (!hyphenVariants || hyphenated == 0)
        {
            result.Add(words.Select(w => w.Whole).ToArray());
            return result;
        }

        if (hyphenated > MaxCombinedHyphenatedWords)
        {
            result.Add(words.Select(w => w.Whole).ToArray());
            result.Add(words.Select(w => w.Joined).ToArray());
            result.Add(words.SelectMany(w => w.Parts ?? [w.Whole]).ToArray());
            return result;
        }

        var combinations = 1;
        for (var i = 0; i < hyphenated; i++)
        {
            combinations *= 3;
        }

        var atoms = new List<string>();
        for (var c = 0; c < combinations; c++)
        {
            atoms.Clear();
            var code = c;
            foreach (var w in words)
            {
                if (w.Parts is null)
                {
                    atoms.Add(w.Whole);
                    continue;
                }

                switch (code % 3)
                {
                    case 0: atoms.Add(w.Whole); break;
                    case 1: atoms.Add(w.Joined); break;
                    default: atoms.AddRange(w.Parts); break;
                }

                code /= 3;
            }

            result.Add(atoms.ToArray());
        }

        return result;
    }

    private static string Fold(ReadOnlySpan<char> key, bool foldDiacritics)
    {
        if (!foldDiacritics)
        {
            return key.ToString();
        }

        return string.Create(key.Length, key.ToString(), static (span, k) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CharFolding.FoldDiacritics(k[i]);
            }
        });
    }
}

using TextLens.Analyzers.Matching;
using TextLens.Text;

namespace TextLens.Tests.Matching;

/// <summary>
/// The obviously-correct (and slow) matcher the <see cref="PhraseMatcher"/> is checked against. It writes down the
/// matching rules as directly as possible: list every way to read every stretch of tokens as a sequence of words,
/// list every way to write every pattern, compare them all, then keep the leftmost-longest candidates.
/// </summary>
internal sealed class ReferenceMatcher
{
    private readonly List<Entry> _entries = [];
    private readonly int _maxAtoms;

    public ReferenceMatcher(IReadOnlyList<MatchPattern> patterns)
    {
        var scratch = new ParsedDocument();
        for (var i = 0; i < patterns.Count; i++)
        {
            var p = patterns[i];
            var text = p.Text.Trim();
            var prefix = text.EndsWith('*');
            var body = prefix ? text[..^1] : text;
            var fold = p.Options.HasFlag(MatchOptions.FoldDiacritics);
            DocumentParser.Default.Parse(new TextDocument("p", body), scratch);
            var words = new List<(string Whole, List<string>? Parts)>();
            foreach (var t in scratch.Tokens)
            {
                var whole = Fold(scratch.KeyOf(t).ToString(), fold);
                List<string>? parts = null;
                if (t.Has(TokenFlags.Hyphenated) && t.PartCount >= 2)
                {
                    parts = [];
                    foreach (var part in scratch.PartsOf(t))
                    {
                        parts.Add(Fold(scratch.KeyOf(part).ToString(), fold));
                    }
                }

                words.Add((whole, parts));
            }

            // Every way to write the pattern: each hyphenated word whole, joined or split (with hyphen variants).
            var variants = new List<List<string>> { new() };
            foreach (var (whole, parts) in words)
            {
                var options = new List<List<string>> { new() { whole } };
                if (parts is not null && p.Options.HasFlag(MatchOptions.HyphenVariants))
                {
                    options.Add([string.Concat(parts)]);
                    options.Add(parts);
                }

                variants = variants.SelectMany(v => options.Select(o => v.Concat(o).ToList())).ToList();
            }

            var caseText = p.Options.HasFlag(MatchOptions.CaseSensitive) ? PhraseMatcher.LettersAndDigits(body, fold) : null;
            _entries.Add(new Entry(i, p.Payload, p.Options, variants, prefix, caseText));
            _maxAtoms = Math.Max(_maxAtoms, variants.Max(v => v.Count));
        }
    }

    public List<PhraseMatch> FindAll(ParsedDocument doc)
    {
        var candidates = new List<(int Start, int End, int Pattern, int Payload)>();
        var tokens = doc.Tokens.ToArray();
        for (var i = 0; i < tokens.Length; i++)
        {
            var partCount = IsCompound(tokens[i]) ? tokens[i].PartCount : 1;
            for (var p = 0; p < partCount; p++)
            {
                var start = p == 0 ? tokens[i].Start : doc.PartsOf(tokens[i])[p].Start;
                foreach (var reading in Readings(doc, tokens, i, p))
                {
                    foreach (var e in _entries)
                    {
                        if (Allowed(e, reading) && e.Variants.Any(v => Equal(e, v, reading.Units)) && CaseOk(e, doc.Text[start..reading.End]))
                        {
                            candidates.Add((start, reading.End, e.Index, e.Payload));
                        }
                    }
                }
            }
        }

        var result = new List<PhraseMatch>();
        var lastEnd = -1;
        foreach (var c in candidates.OrderBy(c => c.Start).ThenByDescending(c => c.End).ThenBy(c => c.Pattern))
        {
            if (c.Start >= lastEnd)
            {
                result.Add(new PhraseMatch(c.Start, c.End - c.Start, c.Payload, c.Pattern));
                lastEnd = c.End;
            }
        }

        return result;
    }

    private static bool IsCompound(in Token t) => t.Has(TokenFlags.Hyphenated) && t.PartCount >= 2;

    /// <summary>Every reading of the tokens from (token i, part p) on, up to the longest pattern.</summary>
    private List<Reading> Readings(ParsedDocument doc, Token[] tokens, int i, int p)
    {
        var results = new List<Reading>();
        if (p > 0)
        {
            ReadPart(doc, tokens, [], i, p, partialStart: true, split: false, joined: false, results);
        }
        else
        {
            ReadToken(doc, tokens, [], i, partialStart: false, split: false, joined: false, results);
        }

        return results;
    }

    /// <summary>Token i read as written, and a compound also joined and part by part.</summary>
    private void ReadToken(ParsedDocument doc, Token[] tokens, List<Unit> units, int i, bool partialStart, bool split, bool joined, List<Reading> results)
    {
        if (units.Count == _maxAtoms || i >= tokens.Length)
        {
            return;
        }

        var t = tokens[i];
        units.Add(new Unit(doc.KeyOf(t).ToString(), doc.FoldedKeyOf(t).ToString(), false));
        results.Add(new Reading([.. units], t.End, split, joined, partialStart));
        ReadToken(doc, tokens, units, i + 1, partialStart, split, joined, results);
        units.RemoveAt(units.Count - 1);

        if (IsCompound(t))
        {
            var parts = doc.PartsOf(t).ToArray();
            units.Add(new Unit(string.Concat(parts.Select(x => doc.KeyOf(x).ToString())), string.Concat(parts.Select(x => doc.FoldedKeyOf(x).ToString())), true));
            results.Add(new Reading([.. units], t.End, split, true, partialStart));
            ReadToken(doc, tokens, units, i + 1, partialStart, split, true, results);
            units.RemoveAt(units.Count - 1);

            ReadPart(doc, tokens, units, i, 0, partialStart, split, joined, results);
        }
    }

    /// <summary>Part k of compound token i; going on to the next part of the same compound crosses a hyphen.</summary>
    private void ReadPart(ParsedDocument doc, Token[] tokens, List<Unit> units, int i, int k, bool partialStart, bool split, bool joined, List<Reading> results)
    {
        if (units.Count == _maxAtoms)
        {
            return;
        }

        var parts = doc.PartsOf(tokens[i]).ToArray();
        var last = k == parts.Length - 1;
        units.Add(new Unit(doc.KeyOf(parts[k]).ToString(), doc.FoldedKeyOf(parts[k]).ToString(), false));
        results.Add(new Reading([.. units], parts[k].End, split, joined, partialStart || !last));
        if (last)
        {
            ReadToken(doc, tokens, units, i + 1, partialStart, split, joined, results);
        }
        else
        {
            ReadPart(doc, tokens, units, i, k + 1, partialStart, split: true, joined, results);
        }

        units.RemoveAt(units.Count - 1);
    }

    private static bool Allowed(Entry e, Reading r) =>
        (!(r.Split || r.Joined) || e.Options.HasFlag(MatchOptions.HyphenVariants))
        && (!r.Partial || e.Options.HasFlag(MatchOptions.MatchCompoundParts));

    private static bool Equal(Entry e, List<string> variant, Unit[] units)
    {
        if (variant.Count != units.Length)
        {
            return false;
        }

        var fold = e.Options.HasFlag(MatchOptions.FoldDiacritics);
        for (var k = 0; k < units.Length; k++)
        {
            var key = fold ? units[k].Folded : units[k].Key;
            if (e.Prefix && k == units.Length - 1)
            {
                if (units[k].Joined || !key.StartsWith(variant[k], StringComparison.Ordinal) || key[variant[k].Length..].Contains('-'))
                {
                    return false;
                }
            }
            else if (key != variant[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool CaseOk(Entry e, string span)
    {
        if (e.CaseText is null)
        {
            return true;
        }

        var letters = PhraseMatcher.LettersAndDigits(span, e.Options.HasFlag(MatchOptions.FoldDiacritics));
        return e.Prefix ? letters.StartsWith(e.CaseText, StringComparison.Ordinal) : letters == e.CaseText;
    }

    private static string Fold(string key, bool fold) => fold ? new string(key.Select(CharFolding.FoldDiacritics).ToArray()) : key;

    private sealed record Entry(int Index, int Payload, MatchOptions Options, List<List<string>> Variants, bool Prefix, string? CaseText);

    private sealed record Unit(string Key, string Folded, bool Joined);

    private sealed record Reading(Unit[] Units, int End, bool Split, bool Joined, bool Partial);
}

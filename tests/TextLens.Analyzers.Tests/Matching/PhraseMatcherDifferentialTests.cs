using FsCheck;
using FsCheck.Fluent;
using TextLens.Analyzers.Matching;
using TextLens.Text;

namespace TextLens.Tests.Matching;

/// <summary>The compiled matcher finds exactly what the naive <see cref="ReferenceMatcher"/> finds, on random texts and lexicons.</summary>
public sealed class PhraseMatcherDifferentialTests
{
    private static readonly string[] Vocabulary =
    [
        "anti", "Anti", "terrorist", "terror", "antiterrorist", "operation", "operations", "separatist", "Separatists", "separatism",
        "Şuşa", "Susa", "shusha", "DPR", "dpr", "Dpr", "Lachin", "road", "corridor", "mine", "mines", "Fizuli", "Füzuli", "peacekeeping",
        "aid", "us", "US", "x", "ex", "Soviet",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "  ", "-", "-", "\n", ", ", "’s ", "’ ", " “", "” ", ". ", "'s ", "\u2011"];

    private static readonly MatchOptions[] OptionChoices =
    [
        MatchOptions.HyphenVariants, MatchOptions.HyphenVariants, MatchOptions.None,
        MatchOptions.HyphenVariants | MatchOptions.CaseSensitive, MatchOptions.HyphenVariants | MatchOptions.FoldDiacritics,
        MatchOptions.FoldDiacritics, MatchOptions.MatchCompoundParts, MatchOptions.HyphenVariants | MatchOptions.MatchCompoundParts,
        MatchOptions.CaseSensitive, MatchOptions.HyphenVariants | MatchOptions.FoldDiacritics | MatchOptions.MatchCompoundParts | MatchOptions.CaseSensitive,
    ];

    internal sealed record Scenario(string Text, MatchPattern[] Patterns)
    {
        public override string ToString() =>
            $"Text: \"{Text.Replace("\n", "\\n", StringComparison.Ordinal)}\"; Patterns: {string.Join(" | ", Patterns.Select(p => $"{p.Text} [{p.Options}]"))}";
    }

    private static Gen<string> TextGen =>
        Gen.Choose(1, 30).SelectMany(n =>
            Gen.ArrayOf(Gen.Elements(Vocabulary), n).SelectMany(words =>
                Gen.ArrayOf(Gen.Elements(Separators), n).Select(seps =>
                    string.Concat(words.Select((w, i) => w + seps[i])))));

    private static Gen<MatchPattern> PatternGen(int payload) =>
        from count in Gen.Choose(1, 3)
        from words in Gen.ArrayOf(Gen.Elements(Vocabulary), count)
        from joins in Gen.ArrayOf(Gen.Elements(" ", " ", "-"), count)
        from prefixCut in Gen.Choose(0, 8)
        from options in Gen.Elements(OptionChoices)
        select new MatchPattern(Compose(words, joins, prefixCut), payload, options);

    private static string Compose(string[] words, string[] joins, int prefixCut)
    {
        var text = string.Concat(words.Select((w, i) => i == 0 ? w : joins[i] + w));
        if (prefixCut is > 0 and < 4)
        {
            var last = words[^1];
            var keep = Math.Max(1, last.Length - prefixCut + 1);
            text = text[..(text.Length - last.Length + keep)] + "*";
        }

        return text;
    }

    private static Gen<Scenario> ScenarioGen =>
        from n in Gen.Choose(1, 8)
        from patterns in Gen.CollectToArray(Enumerable.Range(0, n).Select(PatternGen))
        from text in TextGen
        select new Scenario(text, patterns);

    private int _matches;
    private int _matchesWithHyphen;
    private int _matchesWithDiacritics;

    private bool SameMatches(Scenario s)
    {
        var builder = new PhraseMatcherBuilder();
        foreach (var p in s.Patterns)
        {
            builder.Add(p);
        }

        var fast = builder.Build();
        var reference = new ReferenceMatcher(s.Patterns);
        var doc = DocumentParser.Default.Parse(new TextDocument("d", s.Text));
        var expected = reference.FindAll(doc);
        var actual = new List<PhraseMatch>();
        fast.FindAll(doc, actual);
        foreach (var m in actual)
        {
            _matches++;
            var text = s.Text.AsSpan(m.Start, m.Length);
            if (text.IndexOfAny('-', '\u2011') >= 0 || doc.Tokens[doc.TokenIndexAt(m.Start)].Has(TokenFlags.Hyphenated))
            {
                _matchesWithHyphen++;
            }

            if (text.IndexOfAny('Ş', 'ş', 'ü') >= 0)
            {
                _matchesWithDiacritics++;
            }
        }

        if (!expected.SequenceEqual(actual))
        {
            throw new InvalidOperationException(
                $"Matches differ.{Environment.NewLine}expected: {Describe(s.Text, expected)}{Environment.NewLine}actual:   {Describe(s.Text, actual)}");
        }

        return true;
    }

    private static string Describe(string text, List<PhraseMatch> matches) =>
        string.Join(", ", matches.Select(m => $"[{m.Start},{m.End}) \"{text[m.Start..m.End]}\" #{m.PatternIndex}"));

    [Fact]
    public void Compiled_matcher_agrees_with_the_reference_on_random_texts_and_lexicons()
    {
        var property = Prop.ForAll(Arb.From(ScenarioGen), SameMatches);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);

        // The generators must exercise the interesting readings, not only plain words.
        Assert.True(_matches > 100, $"only {_matches} matches in 300 scenarios");
        Assert.True(_matchesWithHyphen > 8, $"only {_matchesWithHyphen} matches touching a hyphenated compound");
        Assert.True(_matchesWithDiacritics > 2, $"only {_matchesWithDiacritics} matches with diacritics");
    }

    [Fact]
    public void Compiled_matcher_agrees_with_the_reference_on_many_patterns()
    {
        // Larger lexicons: 40 patterns at once, so trie nodes are shared between patterns and variants.
        var gen =
            from patterns in Gen.CollectToArray(Enumerable.Range(0, 40).Select(PatternGen))
            from text in TextGen
            select new Scenario(text, patterns);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(Arb.From(gen), SameMatches));
    }
}

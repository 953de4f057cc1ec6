using FsCheck;
using FsCheck.Fluent;
using TextLens.Concordance;
using TextLens.Text;

namespace TextLens.Tests.Concordance;

/// <summary>Patterns over the tokens of a text, as quanteda's kwic: words, globs, phrases and regular expressions.</summary>
public sealed class TextSearchTests
{
    private const string Text =
        "Armenian separatists met. The separatist leaders, “Separatists’” critics and separatism itself. " +
        "A tractor hit a mine. The anti-terrorist operation, an antiterrorist operations cell, anti terrorist operations. Şuşa and Susa.";

    private static List<string> Found(string text, TextSearchOptions? options, params string[] patterns)
    {
        var parsed = DocumentParser.Default.Parse(new TextDocument("d", text));
        var matches = new List<TextMatch>();
        TextSearch.Create(patterns, options).FindAll(parsed, matches);
        return matches.Select(m => text.Substring(m.Start, m.Length)).ToList();
    }

    [Fact]
    public void FindAll_Glob_MatchesEveryTokenStartingWithThePrefixWhereverItStands()
    {
        Assert.Equal(["separatists", "separatist", "Separatists"], Found(Text, null, "separatist*"));
    }

    [Fact]
    public void FindAll_Word_MatchesWholeTokensIgnoringCaseOnly()
    {
        Assert.Equal(["tractor"], Found(Text, null, "tractor"));
        Assert.Equal(["Separatists"], Found("Separatists’ critics", null, "SEPARATISTS"));
        Assert.Empty(Found(Text, null, "tract"));
    }

    [Fact]
    public void FindAll_PhraseWithHyphen_MatchesHyphenatedJoinedAndSpacedFormsAndTheGlobOnTheLastWord()
    {
        Assert.Equal(["anti-terrorist operation", "antiterrorist operations", "anti terrorist operations"], Found(Text, null, "anti-terrorist operation*"));
        Assert.Equal(["anti-terrorist operation"], Found(Text, null, "anti-terrorist operation"));
    }

    [Fact]
    public void FindAll_PartOfAHyphenatedCompound_IsNotAMatch()
    {
        Assert.Equal(["terrorist"], Found(Text, null, "terrorist"));
    }

    [Fact]
    public void FindAll_FoldDiacritics_MatchesBothSpellingsOnlyWhenAsked()
    {
        Assert.Equal(["Şuşa"], Found(Text, null, "şuşa"));
        Assert.Equal(["Şuşa", "Susa"], Found(Text, new TextSearchOptions { FoldDiacritics = true }, "susa"));
    }

    [Fact]
    public void FindAll_SeveralPatterns_LongestWinsAndMatchesDoNotOverlap()
    {
        var parsed = DocumentParser.Default.Parse(new TextDocument("d", "ethnic cleansing and ethnic Armenians"));
        var matches = new List<TextMatch>();
        TextSearch.Create(["ethnic", "ethnic cleansing"]).FindAll(parsed, matches);
        Assert.Equal([new TextMatch(0, 16, 1), new TextMatch(21, 6, 0)], matches);
    }

    [Fact]
    public void FindAll_Regex_MatchesEachPartAgainstOneTokenAnywhereUnlessAnchored()
    {
        var regex = new TextSearchOptions { Regex = true };
        Assert.Equal(["separatists", "separatist", "Separatists", "separatism"], Found(Text, regex, "^separat"));
        Assert.Equal(["separatists", "Separatists"], Found(Text, regex, "^separatists$"));
        Assert.Equal(["anti-terrorist", "operation", "operations", "operations"], Found(Text, regex, "^anti-terror", "operations?$")); // two patterns
        Assert.Equal(["anti-terrorist operation"], Found(Text, regex, "^anti-terror operations?$"));
        Assert.Equal(["Şuşa", "Susa"], Found(Text, regex with { FoldDiacritics = true }, "^susa$"));
    }

    [Theory]
    [InlineData("*ism", "'*' may only end the pattern")]
    [InlineData("separ?tist", "'?' is not a wildcard in a glob.")]
    [InlineData("  ", "The pattern is empty.")]
    public void Create_InvalidGlob_NamesThePatternAndPointsToRegex(string pattern, string fault)
    {
        var ex = Assert.Throws<ArgumentException>(() => TextSearch.Create([pattern]));
        Assert.StartsWith($"Pattern \"{pattern.Trim()}\": {fault}", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("use a regular expression for anything else.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidRegex_NamesTheExpression()
    {
        var ex = Assert.Throws<ArgumentException>(() => TextSearch.Create(["sep(arat"], new TextSearchOptions { Regex = true }));
        Assert.StartsWith("\"sep(arat\" is not a valid regular expression:", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TextSearch.Create([]));
    }

    [Fact]
    public void KindOf_EachPattern_IsWordGlobPhraseOrRegex()
    {
        var search = TextSearch.Create(["tractor", "separatist*", "ethnic cleansing", "anti-terrorist operation*"]);
        Assert.Equal(["word", "glob", "phrase", "phrase"], Enumerable.Range(0, 4).Select(search.KindOf));
        Assert.Equal("regex", TextSearch.Create(["x"], new TextSearchOptions { Regex = true }).KindOf(0));
    }

    [Fact]
    public void Lines_Match_HasTheContextTokensThePatternAndItsKind()
    {
        var parsed = DocumentParser.Default.Parse(new TextDocument("doc-1", "Yesterday a tractor hit a mine near Shusha."));
        var line = Assert.Single(TextSearch.Create(["tractor"]).Lines(parsed, contextTokens: 2, group: "Outlet", period: "2023"));
        Assert.Equal(("doc-1", "text", "word", "tractor", 12, 7), (line.DocumentId, line.Layer, line.Category, line.Label, line.Start, line.Length));
        Assert.Equal(("Yesterday a", "tractor", "hit a"), (line.Left, line.Text, line.Right));
        Assert.Equal(("Outlet", "2023"), (line.Group, line.Period));
    }

    [Fact]
    public void FindAll_WordPattern_FindsAsManyMatchesAsTheWordHasOccurrences()
    {
        // Property: a text built from known words holds exactly as many matches of a word as times it was put there.
        string[] words = ["mine", "road", "tractor", "tractors", "aid", "Lachin", "Tractor-driver"];
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements(words), n))), (string[] ws) =>
        {
            var found = Found(string.Join(", ", ws), null, "tractor");
            return found.Count == ws.Count(w => w == "tractor") && found.All(f => f == "tractor");
        }));
    }
}

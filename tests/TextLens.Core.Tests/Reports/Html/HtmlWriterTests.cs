using TextLens.Reports.Html;

namespace TextLens.Tests.Reports.Html;

public sealed class HtmlWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("<script>", "&lt;script&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;")]
    [InlineData("tab\tline\nend", "tab\tline\nend")]
    [InlineData("nul\0bell\u0007del\u007Fc1\u0085", "nul\uFFFDbell\uFFFDdel\uFFFDc1\uFFFD")]
    [InlineData("ü", "&#252;")]
    [InlineData("Şuşa", "Şuşa")]
    [InlineData("pair \uD83D\uDE00", "pair &#128512;")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Encode_Text_EscapesMarkupAndReplacesControlCharacters(string? text, string expected) =>
        Assert.Equal(expected, HtmlWriter.Encode(text));

    [Fact]
    public void Encode_UnpairedSurrogates_BecomeReplacementCharacters()
    {
        // Built at run time: attribute arguments cannot carry unpaired surrogates through metadata.
        var text = string.Concat("\uD800", " lone ", "\uDC00", "\uD83D");

        Assert.Equal("\uFFFD lone \uFFFD\uFFFD", HtmlWriter.Encode(text));
    }

    [Fact]
    public void Element_AttributeValues_AreEncodedAndNullsLeftOut()
    {
        var w = new HtmlWriter();

        w.Element("a", "<b>", ("href", "#x\" onclick=\"alert(1)"), ("title", null));

        Assert.Equal("<a href=\"#x&quot; onclick=&quot;alert(1)\">&lt;b&gt;</a>", w.ToString());
    }

    [Theory]
    [InlineData("Bosphorus Times", 9, "Bosphorus Times")]
    [InlineData("abcdefghij", 4, "abcd<wbr />efgh<wbr />ij")]
    [InlineData("<img src>", 4, "&lt;img src&gt;")]
    [InlineData("<script>", 3, "&lt;sc<wbr />rip<wbr />t&gt;")]
    [InlineData("ab \uD83D\uDE00\uD83D\uDE00", 2, "ab &#128512;<wbr />&#128512;")]
    public void BreakableText_LongRuns_GetBreakOpportunitiesBetweenEncodedPieces(string text, int run, string expected)
    {
        var w = new HtmlWriter();

        w.BreakableText(text, run);

        Assert.Equal(expected, w.ToString());
    }

    [Fact]
    public void Close_WrongElement_Throws()
    {
        var w = new HtmlWriter();
        w.Open("div");

        Assert.Throws<InvalidOperationException>(() => w.Close("span"));
    }

    [Fact]
    public void ToString_UnclosedElement_Throws()
    {
        var w = new HtmlWriter();
        w.Open("div");

        Assert.Throws<InvalidOperationException>(() => w.ToString());
    }

    [Theory]
    [InlineData("Shusha / Shushi", "kwic-shusha-shushi-")]
    [InlineData("Şuşa", "kwic-")]
    [InlineData("<script>alert(1)</script>", "kwic-script-alert-1-script-")]
    [InlineData("", "kwic-")]
    public void AnchorIds_For_SlugOfFoldedTextAndHash(string label, string prefix)
    {
        var id = AnchorIds.For("kwic", label);

        Assert.StartsWith(prefix, id, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9-]+-[0-9a-f]{8}$", id);
    }

    [Fact]
    public void AnchorIds_For_SimilarTextsDoNotCollide()
    {
        Assert.NotEqual(AnchorIds.For("kwic", "A/B"), AnchorIds.For("kwic", "a-b"));
        Assert.NotEqual(AnchorIds.For("kwic", "ab", "c"), AnchorIds.For("kwic", "a", "bc"));
        Assert.Equal(AnchorIds.For("kwic", "x", "y"), AnchorIds.For("kwic", "x", "y"));
        Assert.True(AnchorIds.For("kwic", new string('a', 500)).Length < 60);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3.7, 1, 4)]
    [InlineData(9.2, 2.5, 10)]
    [InlineData(42, 20, 60)]
    [InlineData(0.13, 0.05, 0.15)]
    public void LineChart_Ticks_RoundStepsCoveringTheMaximum(double max, double step, double top)
    {
        var (s, t) = LineChart.Ticks(max);

        Assert.Equal(step, s, 9);
        Assert.Equal(top, t, 9);
    }

    [Theory]
    [InlineData(0.0, "0%")]
    [InlineData(0.004, "<1%")]
    [InlineData(0.425, "43%")]
    [InlineData(1.0, "100%")]
    public void NumberText_Percent_WholePercents(double share, string expected) => Assert.Equal(expected, NumberText.Percent(share));

    [Fact]
    public void NumberText_SignedAndCount_UseTrueMinusAndSeparators()
    {
        Assert.Equal("−1.85", NumberText.Signed(-1.85));
        Assert.Equal("+2.31", NumberText.Signed(2.31));
        Assert.Equal("1,234,567", NumberText.Count(1_234_567));
    }
}

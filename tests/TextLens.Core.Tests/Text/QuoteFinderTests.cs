using TextLens.Text;

namespace TextLens.Tests.Text;

public class QuoteFinderTests
{
    [Fact]
    public void Find_CurlyQuotation_OneSpanWithContentAndTokens()
    {
        var doc = Parse.Text("“The operation has begun,” the ministry said.");

        Assert.Equal([("“The operation has begun,”", "The operation has begun,", QuoteFlags.None)], doc.QuoteTexts());
        var q = doc.Quotes[0];
        Assert.Equal(0, q.FirstToken);
        Assert.Equal(7, q.TokenCount);
        Assert.True(doc.Tokens[0].Has(TokenFlags.OpensQuote));
        Assert.True(doc.Tokens[6].Has(TokenFlags.ClosesQuote));
        Assert.False(doc.Tokens[6].Has(TokenFlags.OpensQuote));
    }

    [Fact]
    public void Find_ScareQuotesInsideSentence_AreShort()
    {
        var doc = Parse.Text("They left deadly \"gifts\" on the road and spoke of \"mine terror\".");

        Assert.Equal(
            [("\"gifts\"", "gifts", QuoteFlags.Short), ("\"mine terror\"", "mine terror", QuoteFlags.Short)],
            doc.QuoteTexts());
        Assert.True(doc.Tokens[3].Has(TokenFlags.OpensQuote));
        Assert.True(doc.Tokens[5].Has(TokenFlags.ClosesQuote));
    }

    [Fact]
    public void Find_SpeechAfterColon_IsNotShort()
    {
        Assert.Equal(
            [("“We will respond.”", "We will respond.", QuoteFlags.None)],
            Parse.Text("The minister said: “We will respond.”").QuoteTexts());
    }

    [Fact]
    public void Find_ThreeParagraphQuotation_OneMultiParagraphSpan()
    {
        const string text = "The ministry said:\n“Mines were laid on the road.\n“Sappers are at work.\n“The region will be safe,” it added.\nTalks go on.";
        var doc = Parse.Text(text);

        var expectedSpan = "“Mines were laid on the road.\n“Sappers are at work.\n“The region will be safe,”";
        Assert.Equal([(expectedSpan, expectedSpan[1..^1], QuoteFlags.MultiParagraph)], doc.QuoteTexts());
        var q = doc.Quotes[0];
        Assert.Equal(text.IndexOf('“', StringComparison.Ordinal), q.Start);
        var marks = doc.Tokens.ToArray().Where(t => t.Kind == TokenKind.QuoteMark).ToArray();
        Assert.Equal(4, marks.Length);
        Assert.All(marks[..3], t => Assert.True(t.Has(TokenFlags.OpensQuote)));
        Assert.True(marks[3].Has(TokenFlags.ClosesQuote));
        Assert.Equal(q.FirstToken + q.TokenCount - 1, doc.TokenIndexAt(text.IndexOf('”', StringComparison.Ordinal)));
    }

    [Fact]
    public void Find_StraightQuotesOverTwoParagraphs_OneMultiParagraphSpan()
    {
        var doc = Parse.Text("\"Roads were mined\n\"and bridges too,\" he said.\nNew \"x\".");

        Assert.Equal(
            [
                ("\"Roads were mined\n\"and bridges too,\"", "Roads were mined\n\"and bridges too,", QuoteFlags.MultiParagraph),
                ("\"x\"", "x", QuoteFlags.Short),
            ],
            doc.QuoteTexts());
    }

    [Fact]
    public void Find_SentenceInitialShortQuote_IsNotShort()
    {
        Assert.Equal([("“We won,”", "We won,", QuoteFlags.None)], Parse.Text("“We won,” he said.").QuoteTexts());
    }

    [Fact]
    public void Find_UnbalancedOpeningMark_EndsAtParagraphEnd()
    {
        const string text = "He called it “a provocation.\nThe talks resumed on Monday.\nBaku called it “a step”.";
        var doc = Parse.Text(text);

        Assert.Equal(
            [("“a provocation.", "a provocation.", QuoteFlags.Unclosed), ("“a step”", "a step", QuoteFlags.Short)],
            doc.QuoteTexts());
        Assert.True(doc.Tokens[3].Has(TokenFlags.OpensQuote));
        var firstParagraph = doc.Paragraphs[0];
        Assert.DoesNotContain(doc.Tokens.Slice(firstParagraph.FirstToken, firstParagraph.TokenCount).ToArray(), t => t.Has(TokenFlags.ClosesQuote));
    }

    [Fact]
    public void Find_UnclosedQuotationBeforeUnquotedParagraph_DoesNotSwallowLaterQuotes()
    {
        const string text = "“First part\nSecond paragraph, no mark.\n“Third,” he said.";
        var doc = Parse.Text(text);

        Assert.Equal(
            [("“First part", "First part", QuoteFlags.Unclosed), ("“Third,”", "Third,", QuoteFlags.None)],
            doc.QuoteTexts());
    }

    [Fact]
    public void Find_NestedDoubleQuotes_BothSpansInnerNested()
    {
        const string text = "“Yerevan’s “buffer zone” plan failed,” an official said.";
        var doc = Parse.Text(text);

        Assert.Equal(
            [
                ("“Yerevan’s “buffer zone” plan failed,”", "Yerevan’s “buffer zone” plan failed,", QuoteFlags.None),
                ("“buffer zone”", "buffer zone", QuoteFlags.Nested | QuoteFlags.Short),
            ],
            doc.QuoteTexts());
        Assert.Equal(1, doc.QuoteIndexAt(text.IndexOf("buffer", StringComparison.Ordinal)));
        Assert.Equal(0, doc.QuoteIndexAt(text.IndexOf("plan", StringComparison.Ordinal)));
    }

    [Fact]
    public void Find_SingleQuotesInsideDouble_Nested()
    {
        Assert.Equal(
            [
                ("“They call it ‘peace’ now,”", "They call it ‘peace’ now,", QuoteFlags.None),
                ("‘peace’", "peace", QuoteFlags.Nested | QuoteFlags.Short),
            ],
            Parse.Text("“They call it ‘peace’ now,” she said.").QuoteTexts());
    }

    [Fact]
    public void Find_MixedCurlyOpenStraightClose_OneSpan()
    {
        Assert.Equal(
            [("“humanitarian aid.\"", "humanitarian aid.", QuoteFlags.Short)],
            Parse.Text("It was disguised as “humanitarian aid.\" The list followed.").QuoteTexts());
    }

    [Fact]
    public void Find_PeriodInsideClosingQuote_QuoteEndsAtMark()
    {
        var doc = Parse.Text("“We will restore order.” The ministry said so.");

        Assert.Equal([("“We will restore order.”", "We will restore order.", QuoteFlags.None)], doc.QuoteTexts());
        Assert.Equal(["“We will restore order.” ", "The ministry said so."], doc.SentenceTexts());
    }

    [Fact]
    public void Find_ApostrophesAndPossessives_AreNotQuotes()
    {
        Assert.Empty(Parse.Text("Baku’s forces and the separatists’ positions; don't O'Brien's.").Quotes.ToArray());
    }

    [Fact]
    public void Find_PluralInsideSingleQuotes_ClosingMarkBecomesQuoteMark()
    {
        var doc = Parse.Text("the so-called ‘separatists’ left");

        Assert.Equal([("‘separatists’", "separatists", QuoteFlags.Short)], doc.QuoteTexts());
        var closing = doc.Tokens[4];
        Assert.Equal("’", doc.TextOf(closing).ToString());
        Assert.Equal(TokenKind.QuoteMark, closing.Kind);
        Assert.True(closing.Has(TokenFlags.ClosesQuote));
    }

    [Fact]
    public void Find_LoneSingleMark_NoSpan()
    {
        Assert.Empty(Parse.Text("rock ’90s music and 'tis the season").Quotes.ToArray());
    }

    [Fact]
    public void Find_GuillemetsAndGermanQuotes_AreSpans()
    {
        Assert.Equal(
            [("«Мир»", "Мир", QuoteFlags.None), ("„Frieden“", "Frieden", QuoteFlags.Short)],
            Parse.Text("«Мир» und „Frieden“ sagen.").QuoteTexts());
    }

    [Fact]
    public void Find_StrayClosingMark_IsIgnored()
    {
        Assert.Empty(Parse.Text("the war crime, ”the ministry said.").Quotes.ToArray());
    }

    [Fact]
    public void Find_ManyUnbalancedMarks_FinishesInLinearTime()
    {
        // 200,000 marks of every kind, unbalanced, in one paragraph; a quadratic rescan would take minutes.
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            sb.Append("“a ’ b \" c ” ");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var doc = Parse.Text(sb.ToString());
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(doc.Quotes.Length > 0);
    }

    [Fact]
    public void Find_AlternatingOpeningMarksOverParagraphs_FinishesInLinearTime()
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            sb.Append("“x ‘y “z ' w\n");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var doc = Parse.Text(sb.ToString());
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(doc.Quotes.Length >= 50_000);
    }

    [Fact]
    public void Find_OneMegabyteQuotation_OneSpan()
    {
        var body = string.Concat(Enumerable.Repeat("the mines were laid “by night” and cleared by day ", 20_000));
        var text = "“" + body + "”";

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var doc = Parse.Text(text);
        watch.Stop();

        Assert.True(text.Length > 1_000_000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(20_001, doc.Quotes.Length);
        Assert.Equal(text.Length, doc.Quotes[0].Length);
        Assert.Equal(QuoteFlags.None, doc.Quotes[0].Flags);
        Assert.Equal(QuoteFlags.Nested | QuoteFlags.Short, doc.Quotes[1].Flags);
    }

    [Fact]
    public void Find_TenThousandQuotations_AllFound()
    {
        var text = string.Concat(Enumerable.Repeat("He said “yes” and “no”. ", 5_000));

        var doc = Parse.Text(text);

        Assert.Equal(10_000, doc.Quotes.Length);
        Assert.All(doc.Quotes.ToArray(), q => Assert.Equal(QuoteFlags.Short, q.Flags));
    }
}

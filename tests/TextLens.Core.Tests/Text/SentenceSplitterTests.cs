using TextLens.Text;

namespace TextLens.Tests.Text;

public class SentenceSplitterTests
{
    [Fact]
    public void Split_TwoSentences_WhitespaceBelongsToFirst()
    {
        var doc = Parse.Text("Sappers cleared the road. The work continues.");

        Assert.Equal(["Sappers cleared the road. ", "The work continues."], doc.SentenceTexts());
        Assert.Equal(0, doc.Sentences[0].FirstToken);
        Assert.Equal(5, doc.Sentences[0].TokenCount);
        Assert.Equal(5, doc.Sentences[1].FirstToken);
        Assert.True(doc.Tokens[5].Has(TokenFlags.SentenceStart));
        Assert.False(doc.Tokens[5].Has(TokenFlags.ParagraphStart));
        Assert.True(doc.Tokens[0].Has(TokenFlags.SentenceStart | TokenFlags.ParagraphStart));
    }

    [Fact]
    public void Split_TitlesBeforeName_DoNotEndSentence()
    {
        Assert.Equal(
            ["The commander, Maj. Gen. Andrei Volkov, visited the site. ", "He left."],
            Parse.Text("The commander, Maj. Gen. Andrei Volkov, visited the site. He left.").SentenceTexts());
    }

    [Fact]
    public void Split_InitialsAndDecimals_DoNotEndSentence()
    {
        Assert.Equal(
            ["J. R. Smith counted 1.5 km of trenches near Lachin. ", "Nothing else."],
            Parse.Text("J. R. Smith counted 1.5 km of trenches near Lachin. Nothing else.").SentenceTexts());
    }

    [Fact]
    public void Split_DottedAbbreviationMidSentence_DoesNotSplit()
    {
        Assert.Equal(
            ["The U.S. State Department and U.K. diplomats responded."],
            Parse.Text("The U.S. State Department and U.K. diplomats responded.").SentenceTexts());
    }

    [Fact]
    public void Split_DottedAbbreviationBeforeSentenceOpener_Splits()
    {
        Assert.Equal(
            ["Talks were held in the U.S. ", "The next round is in Brussels."],
            Parse.Text("Talks were held in the U.S. The next round is in Brussels.").SentenceTexts());
    }

    [Fact]
    public void Split_PeriodInsideClosingQuote_SplitsAfterQuote()
    {
        var doc = Parse.Text("“We will restore order.” The ministry said so.");

        Assert.Equal(["“We will restore order.” ", "The ministry said so."], doc.SentenceTexts());
        Assert.True(doc.Single("The").Has(TokenFlags.SentenceStart));
    }

    [Fact]
    public void Split_QuestionAndExclamation_Split()
    {
        Assert.Equal(
            ["Who laid the mines? ", "Nobody knows! ", "(A probe began.) ", "2023 was calm."],
            Parse.Text("Who laid the mines? Nobody knows! (A probe began.) 2023 was calm.").SentenceTexts());
    }

    [Fact]
    public void Split_EllipsisBeforeLowerCase_DoesNotSplit()
    {
        Assert.Equal(
            ["The convoy waited... and waited … then left. ", "Later… ", "It returned."],
            Parse.Text("The convoy waited... and waited … then left. Later… It returned.").SentenceTexts());
    }

    [Fact]
    public void Split_LowerCaseAfterPeriod_DoesNotSplit()
    {
        Assert.Equal(["See p. four of the report."], Parse.Text("See p. four of the report.").SentenceTexts());
    }

    [Fact]
    public void Split_NoSpaceAfterPeriod_DoesNotSplit()
    {
        Assert.Equal(["Version 2.The end."], Parse.Text("Version 2.The end.").SentenceTexts());
    }

    [Fact]
    public void Split_LineBreaks_MakeParagraphsAndBreakSentences()
    {
        var doc = Parse.Text("Headline without period\r\nFirst line. Second\n\n\n  • Bullet\u2028last");

        Assert.Equal(["Headline without period\r\n", "First line. Second\n\n\n", "  • Bullet\u2028", "last"], doc.ParagraphTexts());
        Assert.Equal(["Headline without period\r\n", "First line. ", "Second\n\n\n", "  • Bullet\u2028", "last"], doc.SentenceTexts());
        Assert.Equal([0, 1, 1, 2, 3], doc.Sentences.ToArray().Select(s => s.Paragraph));
        Assert.Equal(3, doc.Paragraphs[1].FirstToken);
        Assert.Equal(4, doc.Paragraphs[1].TokenCount);
        Assert.True(doc.Single("•").Has(TokenFlags.ParagraphStart | TokenFlags.SentenceStart));
    }

    [Fact]
    public void Split_BlankLinesBeforeText_AreFirstParagraph()
    {
        var doc = Parse.Text("\n\nText");

        Assert.Equal(["\n\n", "Text"], doc.ParagraphTexts());
        Assert.Equal(0, doc.Paragraphs[0].TokenCount);
        Assert.Equal(["\n\n", "Text"], doc.SentenceTexts());
        Assert.Equal(0, doc.Sentences[0].TokenCount);
    }

    [Fact]
    public void Split_OnlyWhitespace_OneParagraphAndSentence()
    {
        var doc = Parse.Text(" \n\t\r\n ");

        Assert.Equal([" \n\t\r\n "], doc.ParagraphTexts());
        Assert.Equal([" \n\t\r\n "], doc.SentenceTexts());
    }

    [Fact]
    public void Split_TrailingWhitespaceAfterLastBreak_BelongsToLastParagraph()
    {
        var doc = Parse.Text("One.\nTwo.\n  \n ");

        Assert.Equal(["One.\n", "Two.\n  \n "], doc.ParagraphTexts());
    }

    [Fact]
    public void Split_EmptyText_NoParagraphsNoSentences()
    {
        var doc = Parse.Text("");

        Assert.Equal(0, doc.Paragraphs.Length);
        Assert.Equal(0, doc.Sentences.Length);
        Assert.Equal(0, doc.Tokens.Length);
    }

    [Fact]
    public void Split_MonthAbbreviationBeforeTime_StaysInSentence()
    {
        Assert.Equal(["23 Sep. 18:15 (UTC+3 MSK)\n\n", "Mines were found."], Parse.Text("23 Sep. 18:15 (UTC+3 MSK)\n\nMines were found.").SentenceTexts());
    }

    [Fact]
    public void Split_Cyrillic_SplitsBeforeCapital()
    {
        Assert.Equal(["Мины найдены. ", "Работа продолжается."], Parse.Text("Мины найдены. Работа продолжается.").SentenceTexts());
    }
}

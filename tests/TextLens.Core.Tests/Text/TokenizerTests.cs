using TextLens.Text;
using static TextLens.Text.TokenKind;

namespace TextLens.Tests.Text;

public class TokenizerTests
{
    [Fact]
    public void Tokenize_HyphenatedHighwayName_OneTokenWithThreeParts()
    {
        var doc = Parse.Text("Traffic resumed on the Ahmedbeyli-Fizuli-Shusha road.");

        Assert.Equal(["Traffic", "resumed", "on", "the", "Ahmedbeyli-Fizuli-Shusha", "road", "."], doc.TokenTexts());
        var highway = doc.Tokens[4];
        Assert.Equal(Word, highway.Kind);
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.Hyphenated | TokenFlags.SpaceBefore, highway.OwnFlags());
        Assert.Equal(["Ahmedbeyli", "Fizuli", "Shusha"], doc.PartTexts(highway));
        Assert.Equal("ahmedbeyli-fizuli-shusha", doc.KeyOf(highway).ToString());
        Assert.Equal(3, highway.PartCount);
        Assert.Equal(0, highway.FirstPart);
        Assert.Equal(TokenKeyHash.Compute("fizuli"), doc.PartsOf(highway)[1].KeyHash);
        Assert.Equal(TokenKeyHash.Compute("ahmedbeyli-fizuli-shusha"), highway.KeyHash);
    }

    [Fact]
    public void Tokenize_CompoundsWithPrefixesAndDigits_AreHyphenatedWords()
    {
        var doc = Parse.Text("an ex-Soviet, decades-long anti-terrorist TM-57 mine");

        Assert.Equal(["an", "ex-Soviet", ",", "decades-long", "anti-terrorist", "TM-57", "mine"], doc.TokenTexts());
        Assert.Equal(["ex", "Soviet"], doc.PartTexts(doc.Tokens[1]));
        Assert.Equal(["decades", "long"], doc.PartTexts(doc.Tokens[3]));
        Assert.Equal(["anti", "terrorist"], doc.PartTexts(doc.Tokens[4]));
        var tm = doc.Single("TM-57");
        Assert.Equal(Word, tm.Kind);
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.Hyphenated | TokenFlags.HasDigit | TokenFlags.SpaceBefore, tm.OwnFlags());
        Assert.Equal(["TM", "57"], doc.PartTexts(tm));
        Assert.Equal(8, doc.Parts.Length);
    }

    [Fact]
    public void Tokenize_UnicodeHyphens_JoinLikeHyphenMinus()
    {
        var doc = Parse.Text("anti\u2010tank and non\u2011removable");

        Assert.Equal(["anti\u2010tank", "and", "non\u2011removable"], doc.TokenTexts());
        Assert.Equal("anti-tank", doc.KeyOf(doc.Tokens[0]).ToString());
        Assert.True(doc.Tokens[2].Has(TokenFlags.Hyphenated | TokenFlags.NonAscii));
    }

    [Fact]
    public void Tokenize_DashesWithSpaces_ArePunctuation()
    {
        Assert.Equal(
            [("citizens", Word), ("–", Punctuation), ("SUCH", Word), ("TV", Word), ("—", Punctuation), ("the", Word), ("4", Number), ("-", Punctuation), ("sided", Word), ("-", Punctuation), ("deal", Word)],
            Parse.Tokens("citizens – SUCH TV — the 4 -sided - deal"));
    }

    [Fact]
    public void Tokenize_NumbersWithSeparatorsAndSuffixes_AreSingleNumbers()
    {
        var doc = Parse.Text("At least 2,728 mines, 1,119 landmines, 1.5 km, the 1990s, 122mm mortars, the 102nd base.");

        Assert.Equal(
            ["At", "least", "2,728", "mines", ",", "1,119", "landmines", ",", "1.5", "km", ",", "the", "1990s", ",", "122mm", "mortars", ",", "the", "102nd", "base", "."],
            doc.TokenTexts());
        foreach (var number in new[] { "2,728", "1,119", "1.5", "1990s", "122mm", "102nd" })
        {
            var t = doc.Single(number);
            Assert.Equal(Number, t.Kind);
            Assert.Equal(TokenFlags.HasDigit | TokenFlags.SpaceBefore, t.OwnFlags());
        }

        Assert.Equal(15, doc.WordCount);
    }

    [Fact]
    public void Tokenize_NumberAtSentenceEndAndTime_PeriodAndColonAreSeparate()
    {
        Assert.Equal(
            [("in", Word), ("2020", Number), (".", Punctuation), ("At", Word), ("18", Number), (":", Punctuation), ("15", Number), (",", Punctuation), ("1", Number), (",", Punctuation), ("2", Number)],
            Parse.Tokens("in 2020. At 18:15, 1, 2"));
    }

    [Fact]
    public void Tokenize_DottedOutletNames_AreSingleDottedWords()
    {
        var doc = Parse.Text("The Baku-based Caliber.Az and Trend.Az portals, news.az.");

        Assert.Equal(["The", "Baku-based", "Caliber.Az", "and", "Trend.Az", "portals", ",", "news.az", "."], doc.TokenTexts());
        var caliber = doc.Single("Caliber.Az");
        Assert.Equal(Word, caliber.Kind);
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.Dotted | TokenFlags.SpaceBefore, caliber.OwnFlags());
        Assert.Equal("caliber.az", doc.KeyOf(caliber).ToString());
        Assert.Equal(TokenFlags.Dotted | TokenFlags.SpaceBefore, doc.Single("news.az").OwnFlags());
    }

    [Fact]
    public void Tokenize_TitlesBeforeName_KeepTheirPeriods()
    {
        var doc = Parse.Text("Maj. Gen. Andrei Volkov arrived.");

        Assert.Equal(["Maj.", "Gen.", "Andrei", "Volkov", "arrived", "."], doc.TokenTexts());
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.Abbreviation | TokenFlags.SpaceBefore, doc.Tokens[0].OwnFlags());
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.Abbreviation | TokenFlags.SpaceBefore, doc.Tokens[1].OwnFlags());
        Assert.Equal("gen.", doc.KeyOf(doc.Tokens[1]).ToString());
    }

    [Fact]
    public void Tokenize_DottedLetterAbbreviations_KeepFinalPeriod()
    {
        var doc = Parse.Text("U.S. and U.K. envoys, e.g. the OSCE, i.e. monitors");

        Assert.Equal(["U.S.", "and", "U.K.", "envoys", ",", "e.g.", "the", "OSCE", ",", "i.e.", "monitors"], doc.TokenTexts());
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.Abbreviation | TokenFlags.Dotted | TokenFlags.SpaceBefore, doc.Tokens[0].OwnFlags());
        Assert.Equal("u.s.", doc.KeyOf(doc.Tokens[0]).ToString());
        Assert.Equal(TokenFlags.Abbreviation | TokenFlags.Dotted | TokenFlags.SpaceBefore, doc.Single("e.g.").OwnFlags());
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.SpaceBefore, doc.Single("OSCE").OwnFlags());
    }

    [Fact]
    public void Tokenize_InitialsAndListedAbbreviations_KeepPeriods()
    {
        Assert.Equal(
            ["J.", "R.", "Smith", "of", "Acme", "Co.", "and", "Dr.", "Aliyev", "vs.", "No.", "5", ",", "etc."],
            Parse.Text("J. R. Smith of Acme Co. and Dr. Aliyev vs. No. 5, etc.").TokenTexts());
    }

    [Fact]
    public void Tokenize_MonthAbbreviationBeforeTime_IsAbbreviation()
    {
        var doc = Parse.Text("23 Sep. 18:15 (UTC+3 MSK)");

        Assert.Equal(["23", "Sep.", "18", ":", "15", "(", "UTC", "+", "3", "MSK", ")"], doc.TokenTexts());
        Assert.True(doc.Tokens[1].Has(TokenFlags.Abbreviation));
        Assert.Equal(Symbol, doc.Tokens[7].Kind);
    }

    [Fact]
    public void Tokenize_LowerCaseNoAtSentenceEnd_IsWordAndPeriod()
    {
        Assert.Equal(["They", "said", "no", "."], Parse.Text("They said no.").TokenTexts());
    }

    [Fact]
    public void Tokenize_PossessiveWithCurlyApostrophe_WordAndClitic()
    {
        var doc = Parse.Text("Baku’s control");

        Assert.Equal([("Baku", Word), ("’s", Clitic), ("control", Word)], Parse.Tokens("Baku’s control"));
        var clitic = doc.Tokens[1];
        Assert.Equal("'s", doc.KeyOf(clitic).ToString());
        Assert.Equal(TokenKeyHash.Compute("'s"), clitic.KeyHash);
        Assert.Equal(TokenFlags.NonAscii, clitic.OwnFlags());
        Assert.Equal(2, doc.WordCount);
    }

    [Fact]
    public void Tokenize_PossessiveWithStraightApostrophe_WordAndClitic()
    {
        Assert.Equal([("Armenia", Word), ("'s", Clitic), ("armed", Word), ("forces", Word)], Parse.Tokens("Armenia's armed forces"));
    }

    [Fact]
    public void Tokenize_PluralPossessive_BareApostropheIsClitic()
    {
        var doc = Parse.Text("the separatists’ positions");

        Assert.Equal([("the", Word), ("separatists", Word), ("’", Clitic), ("positions", Word)], Parse.Tokens("the separatists’ positions"));
        Assert.Equal("'", doc.KeyOf(doc.Tokens[2]).ToString());
    }

    [Fact]
    public void Tokenize_InnerApostrophes_StayInsideWord()
    {
        var doc = Parse.Text("don't blame O'Brien or Qur’an");

        Assert.Equal(["don't", "blame", "O'Brien", "or", "Qur’an"], doc.TokenTexts());
        Assert.Equal("qur'an", doc.KeyOf(doc.Tokens[4]).ToString());
        Assert.All(doc.Tokens.ToArray(), t => Assert.Equal(Word, t.Kind));
    }

    [Fact]
    public void Tokenize_QuotationMarks_AreQuoteMarkTokens()
    {
        Assert.Equal(
            [("“", QuoteMark), ("a", Word), ("”", QuoteMark), ("\"", QuoteMark), ("b", Word), ("\"", QuoteMark), ("«", QuoteMark), ("c", Word), ("»", QuoteMark),
             ("„", QuoteMark), ("d", Word), ("“", QuoteMark), ("‘", QuoteMark), ("e", Word), ("’", QuoteMark), ("'", QuoteMark), ("f", Word), ("'", QuoteMark)],
            Parse.Tokens("“a” \"b\" «c» „d“ ‘e’ 'f'"));
    }

    [Fact]
    public void Tokenize_CyrillicAndArmenian_AreWords()
    {
        var doc = Parse.Text("Министерство обороны: Հայաստանի Կառավարություն.");

        Assert.Equal(["Министерство", "обороны", ":", "Հայաստանի", "Կառավարություն", "."], doc.TokenTexts());
        Assert.Equal("министерство", doc.KeyOf(doc.Tokens[0]).ToString());
        Assert.Equal("կառավարություն", doc.KeyOf(doc.Tokens[4]).ToString());
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.NonAscii | TokenFlags.SpaceBefore, doc.Tokens[3].OwnFlags());
        Assert.Equal(TokenFlags.NonAscii | TokenFlags.SpaceBefore, doc.Tokens[1].OwnFlags());
        Assert.Equal(4, doc.WordCount);
    }

    [Fact]
    public void Tokenize_AzerbaijaniLetters_AreWordsFoldedByCase()
    {
        var doc = Parse.Text("Ağdərə, Şuşa və Xankəndi qışda");

        Assert.Equal(["Ağdərə", ",", "Şuşa", "və", "Xankəndi", "qışda"], doc.TokenTexts());
        Assert.Equal("şuşa", doc.KeyOf(doc.Tokens[2]).ToString());
        Assert.Equal(TokenKeyHash.Compute("ağdərə"), doc.Tokens[0].KeyHash);
        Assert.Equal(TokenFlags.NonAscii | TokenFlags.SpaceBefore, doc.Single("qışda").OwnFlags());
    }

    [Fact]
    public void Tokenize_CombiningMarks_StayInsideWord()
    {
        // "Füzuli" with a combining diaeresis (u + U+0308), and a Russian word with a combining stress accent.
        var doc = Parse.Text("Fu\u0308zuli доро\u0301га");

        Assert.Equal(["Fu\u0308zuli", "доро\u0301га"], doc.TokenTexts());
        Assert.Equal("fu\u0308zuli", doc.KeyOf(doc.Tokens[0]).ToString());
    }

    [Fact]
    public void Tokenize_SurrogatePairs_AreNeverSplit()
    {
        // Mathematical bold capital A (a letter outside the BMP) inside a word, then an emoji symbol.
        var doc = Parse.Text("x\U0001D400y \U0001F600!");

        Assert.Equal([("x\U0001D400y", Word), ("\U0001F600", Symbol), ("!", Punctuation)], Parse.Tokens("x\U0001D400y \U0001F600!"));
        Assert.Equal(4, doc.Tokens[0].Length);
    }

    [Fact]
    public void Tokenize_UrlWithTrailingPeriod_PeriodIsNotPartOfUrl()
    {
        Assert.Equal(
            [("See", Word), ("https://example.org/news/2023/09?id=5", Url), (".", Punctuation), ("Also", Word), ("www.mod.gov.az", Url), (",", Punctuation), ("(", Punctuation), ("http://x.example/a_(b)", Url), (")", Punctuation)],
            Parse.Tokens("See https://example.org/news/2023/09?id=5. Also www.mod.gov.az, (http://x.example/a_(b))"));
    }

    [Fact]
    public void Tokenize_EmailAddress_IsSingleEmailToken()
    {
        var doc = Parse.Text("Write to press.office@mod.example.az.");

        Assert.Equal([("Write", Word), ("to", Word), ("press.office@mod.example.az", Email), (".", Punctuation)], Parse.Tokens("Write to press.office@mod.example.az."));
        Assert.Equal(TokenFlags.SpaceBefore, doc.Tokens[2].OwnFlags());
        Assert.Equal(2, doc.WordCount);
    }

    [Fact]
    public void Tokenize_EmailAtLineStart_KeepsParagraphStart()
    {
        var doc = Parse.Text("Contact:\njohn.smith@mod.example.az wrote");

        Assert.Equal(["Contact", ":", "john.smith@mod.example.az", "wrote"], doc.TokenTexts());
        Assert.True(doc.Tokens[2].Has(TokenFlags.ParagraphStart | TokenFlags.SentenceStart | TokenFlags.SpaceBefore));
        Assert.Equal(["Contact:\n", "john.smith@mod.example.az wrote"], doc.ParagraphTexts());
    }

    [Fact]
    public void Tokenize_AtSignWithoutDomain_IsSymbol()
    {
        Assert.Equal([("@", Symbol), ("AzMoD", Word), ("at", Word), ("a", Word), ("@", Symbol), ("b", Word)], Parse.Tokens("@AzMoD at a@b"));
    }

    [Fact]
    public void Tokenize_PunctuationAndSymbols_OneCharacterEach()
    {
        Assert.Equal(
            [("76", Number), ("%", Symbol), ("$", Symbol), ("1.13bn", Number), ("(", Punctuation), ("£", Symbol), ("600m", Number), (")", Punctuation), (".", Punctuation), (".", Punctuation), (".", Punctuation), ("…", Punctuation)],
            Parse.Tokens("76% $1.13bn (£600m)...…"));
    }

    [Fact]
    public void Tokenize_Keys_HaveTokenOffsetsAndHashes()
    {
        var doc = Parse.Text("Armenian SEPARATISTS’ “Gifts”");

        foreach (var t in doc.Tokens)
        {
            Assert.Equal(t.Length, doc.KeyOf(t).Length);
            Assert.Equal(TokenKeyHash.Compute(doc.KeyOf(t)), t.KeyHash);
        }

        Assert.Equal("separatists", doc.KeyOf(doc.Tokens[1]).ToString());
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.SpaceBefore, doc.Tokens[1].OwnFlags());
    }

    [Fact]
    public void Tokenize_FormatCharacters_SeparateButAreNotTokens()
    {
        var doc = Parse.Text("\uFEFFBaku\u200Bsaid");

        Assert.Equal(["Baku", "said"], doc.TokenTexts());
        Assert.True(doc.Tokens[0].Has(TokenFlags.SpaceBefore));
    }

    [Fact]
    public void Tokenize_SpaceBefore_MarksTokensAfterWhitespace()
    {
        var doc = Parse.Text("a,b c");

        Assert.Equal([TokenFlags.SpaceBefore, TokenFlags.None, TokenFlags.None, TokenFlags.SpaceBefore], doc.Tokens.ToArray().Select(t => t.OwnFlags() & TokenFlags.SpaceBefore));
    }

    [Fact]
    public void Parse_ReusedDocumentAtSteadyState_AllocatesNothing()
    {
        var document = new TextDocument("1", string.Concat(Enumerable.Repeat(
            "Maj. Gen. Volkov said the Ahmedbeyli-Fizuli-Shusha road had 2,728 mines. “We cleared the ‘gifts’,” Baku’s envoy said.\n", 200)));
        var parsed = new ParsedDocument();
        for (var i = 0; i < 5; i++)
        {
            DocumentParser.Default.Parse(document, parsed);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        DocumentParser.Default.Parse(document, parsed);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(200, parsed.Paragraphs.Length);
        Assert.Equal(400, parsed.Quotes.Length);
    }

    [Theory]
    [InlineData("url-brackets")]
    [InlineData("dotted-email")]
    [InlineData("chained-emails")]
    [InlineData("hyphens")]
    [InlineData("compound")]
    [InlineData("nested-openers")]
    public void Parse_PathologicalInput_FinishesInLinearTime(string shape)
    {
        var text = shape switch
        {
            "url-brackets" => "http://x.az/" + new string(')', 500_000) + ".",
            "dotted-email" => string.Concat(Enumerable.Repeat("a.", 300_000)) + "@b.cc",
            "chained-emails" => string.Concat(Enumerable.Repeat("a@b.cc", 100_000)),
            "hyphens" => new string('-', 1_000_000),
            "compound" => string.Concat(Enumerable.Repeat("a-", 300_000)) + "b",
            _ => string.Concat(Enumerable.Repeat("“a ", 200_000)),
        };

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var doc = Parse.Text(text);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{shape} took {watch.Elapsed}");
        Assert.NotEmpty(doc.Tokens.ToArray());
    }

    [Fact]
    public void Tokenize_ReusedDocument_ResetsTables()
    {
        var parsed = new ParsedDocument();
        DocumentParser.Default.Parse(new TextDocument("1", "The anti-tank mines, “gifts”.\nMore."), parsed);
        DocumentParser.Default.Parse(new TextDocument("2", "Short"), parsed);

        Assert.Equal(["Short"], parsed.TokenTexts());
        Assert.Equal(0, parsed.Parts.Length);
        Assert.Equal(0, parsed.Quotes.Length);
        Assert.Equal(1, parsed.Sentences.Length);
        Assert.Equal(1, parsed.WordCount);
    }
}

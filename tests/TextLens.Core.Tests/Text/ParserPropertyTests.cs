using FsCheck;
using FsCheck.Fluent;
using TextLens.Text;

namespace TextLens.Tests.Text;

/// <summary>Invariants of the parser over arbitrary Unicode text (FsCheck properties run from xUnit facts).</summary>
public class ParserPropertyTests
{
    /// <summary>Pieces the generator glues together: news-like words and every kind of character the parser treats specially.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Baku", "mines", "s", "TM", "57", "U.S.", "Gen.", "Sep.", "e.g.", "A.", "2,728", "1.5", "1990s", "Caliber.Az",
        "Министерство", "Հայաստան", "Ağdərə", "ə", "ğ", "ı", "ş", "Ş", "\u05D0\u05D1\u05D2", "\u0627\u0644\u062D", "\u4E2D\u6587",
        " ", "  ", "\t", "\u00A0", "\n", "\r\n", "\r", "\u2028", "\u2029", "\n\n",
        ".", "...", "\u2026", "!", "?", ",", ":", ";", "(", ")", "[", "%", "$", "@", "a@b.az", "x.y@", "@c.d",
        "-", "\u2010", "\u2011", "\u2013", "\u2014", "anti-", "-tank",
        "\u201C", "\u201D", "\"", "\u00AB", "\u00BB", "\u201E", "\u2018", "\u2019", "'", "\u02BC", "'s", "\u2019s", "\u201A", "\u2039", "\u203A",
        "http://", "https://x.az/a_(b).", "www.", "www.x.az", "ftp://",
        "\u0301", "\u0308", "\uFE0F", "\uD83D\uDE00", "\uD835\uDC00", "\uD801\uDC00", "\uD800", "\uDC00", "\uDBFF",
        "\u200F", "\u200E", "\u202E", "\u200D", "\u200C", "\u200B", "\uFEFF", "\u00AD", "\0", "\u0001", "\u001B", "\u0085", "\u007F", "\uFFFF",
    ];

    private static readonly Arbitrary<string> Texts = Arb.From(
        Gen.ArrayOf(Gen.Frequency(
                (5, Gen.Elements(Pieces)),
                (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
                (1, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString()))))
            .Select(string.Concat));

    private static readonly Config Run = Config.QuickThrowOnFailure.WithMaxTest(500).WithEndSize(150);

    private static void Holds(Func<string, bool> property) => Check.One(Run, Prop.ForAll(Texts, property));

    [Fact]
    public void QuoteIndexAt_ArbitraryText_AgreesWithAScanOfEveryQuotation() => Holds(text =>
    {
        var doc = Parse.Text(text);
        var quotes = doc.Quotes.ToArray();
        for (var offset = 0; offset <= text.Length; offset++)
        {
            var expected = -1;
            for (var i = 0; i < quotes.Length && quotes[i].Start <= offset; i++)
            {
                if (quotes[i].ContainsContent(offset))
                {
                    expected = i;
                }
            }

            if (doc.QuoteIndexAt(offset) != expected)
            {
                return false;
            }
        }

        return true;
    });

    [Fact]
    public void Parse_ArbitraryText_NeverThrows() => Holds(text =>
    {
        Parse.Text(text);
        return true;
    });

    [Fact]
    public void Tokens_ArbitraryText_OrderedNonOverlappingWithinBounds() => Holds(text =>
    {
        var doc = Parse.Text(text);
        var previousEnd = 0;
        foreach (var t in doc.Tokens)
        {
            if (t.Length <= 0 || t.Start < previousEnd || t.End > text.Length)
            {
                return false;
            }

            previousEnd = t.End;
        }

        return true;
    });

    [Fact]
    public void Tokens_ArbitraryText_CoverEveryLetterAndDigit() => Holds(text =>
    {
        var doc = Parse.Text(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                continue;
            }

            var index = doc.TokenIndexAt(i);
            if (index >= doc.Tokens.Length || doc.Tokens[index].Start > i)
            {
                return false;
            }
        }

        return true;
    });

    [Fact]
    public void Tokens_ArbitraryText_NeverSplitSurrogatePairs() => Holds(text =>
    {
        var doc = Parse.Text(text);
        foreach (var t in doc.Tokens)
        {
            if (char.IsLowSurrogate(text[t.Start]) && t.Start > 0 && char.IsHighSurrogate(text[t.Start - 1]))
            {
                return false;
            }

            if (char.IsHighSurrogate(text[t.End - 1]) && t.End < text.Length && char.IsLowSurrogate(text[t.End]))
            {
                return false;
            }
        }

        return true;
    });

    [Fact]
    public void Keys_ArbitraryText_FoldedWithTokenLengthAndHash() => Holds(text =>
    {
        var doc = Parse.Text(text);
        foreach (var t in doc.Tokens)
        {
            var key = doc.KeyOf(t);
            var source = doc.TextOf(t);
            if (key.Length != t.Length || TokenKeyHash.Compute(key) != t.KeyHash)
            {
                return false;
            }

            for (var i = 0; i < key.Length; i++)
            {
                if (key[i] != CharFolding.FoldCase(source[i]))
                {
                    return false;
                }
            }
        }

        return true;
    });

    [Fact]
    public void Parts_ArbitraryText_LieInOrderWithinTheirToken() => Holds(text =>
    {
        var doc = Parse.Text(text);
        var partsSeen = 0;
        foreach (var t in doc.Tokens)
        {
            if (t.Has(TokenFlags.Hyphenated) != t.PartCount > 0 || (t.PartCount == 1))
            {
                return false;
            }

            var previousEnd = t.Start;
            foreach (var p in doc.PartsOf(t))
            {
                if (p.Start < previousEnd || p.End > t.End || p.Length <= 0 || TokenKeyHash.Compute(doc.KeyOf(p)) != p.KeyHash)
                {
                    return false;
                }

                previousEnd = p.End;
            }

            partsSeen += t.PartCount;
        }

        return partsSeen == doc.Parts.Length;
    });

    [Fact]
    public void WordCount_ArbitraryText_CountsWordsAndNumbers() => Holds(text =>
    {
        var doc = Parse.Text(text);
        var words = 0;
        foreach (var t in doc.Tokens)
        {
            words += t.IsWordLike ? 1 : 0;
        }

        return words == doc.WordCount;
    });

    [Fact]
    public void Sentences_ArbitraryText_PartitionTextAndTokens() => Holds(text =>
    {
        var doc = Parse.Text(text);
        if (text.Length == 0)
        {
            return doc.Sentences.Length == 0;
        }

        int position = 0, token = 0;
        foreach (var s in doc.Sentences)
        {
            if (s.Start != position || s.Length <= 0 || s.FirstToken != token)
            {
                return false;
            }

            for (var k = s.FirstToken; k < s.FirstToken + s.TokenCount; k++)
            {
                if (doc.Tokens[k].Start < s.Start || doc.Tokens[k].End > s.End)
                {
                    return false;
                }
            }

            for (var k = s.FirstToken; k < s.FirstToken + s.TokenCount; k++)
            {
                if (doc.Tokens[k].Has(TokenFlags.SentenceStart) != (k == s.FirstToken))
                {
                    return false;
                }
            }

            position = s.End;
            token += s.TokenCount;
        }

        return position == text.Length && token == doc.Tokens.Length;
    });

    [Fact]
    public void Paragraphs_ArbitraryText_PartitionTextAndTokens() => Holds(text =>
    {
        var doc = Parse.Text(text);
        if (text.Length == 0)
        {
            return doc.Paragraphs.Length == 0;
        }

        int position = 0, token = 0;
        foreach (var p in doc.Paragraphs)
        {
            if (p.Start != position || p.Length <= 0 || p.FirstToken != token)
            {
                return false;
            }

            // A line break only ever appears after the last token of a paragraph; its first token, and only that
            // one, is flagged as a paragraph start.
            if (p.TokenCount > 0)
            {
                var lastEnd = doc.Tokens[p.FirstToken + p.TokenCount - 1].End;
                if (text.AsSpan(p.Start, lastEnd - p.Start).IndexOfAny("\n\r\u2028\u2029") >= 0)
                {
                    return false;
                }

                for (var k = p.FirstToken; k < p.FirstToken + p.TokenCount; k++)
                {
                    if (doc.Tokens[k].Has(TokenFlags.ParagraphStart) != (k == p.FirstToken))
                    {
                        return false;
                    }
                }
            }

            position = p.End;
            token += p.TokenCount;
        }

        return position == text.Length && token == doc.Tokens.Length;
    });

    [Fact]
    public void Sentences_ArbitraryText_EachLiesWithinItsParagraph() => Holds(text =>
    {
        var doc = Parse.Text(text);
        foreach (var s in doc.Sentences)
        {
            if (s.Paragraph < 0 || s.Paragraph >= doc.Paragraphs.Length)
            {
                return false;
            }

            var p = doc.Paragraphs[s.Paragraph];
            if (s.Start < p.Start || s.End > p.End)
            {
                return false;
            }
        }

        return true;
    });

    [Fact]
    public void Quotes_ArbitraryText_WithinBoundsContentInsideOrderedByStart() => Holds(text =>
    {
        var doc = Parse.Text(text);
        var previousStart = -1;
        foreach (var q in doc.Quotes)
        {
            if (q.Start < 0 || q.End > text.Length || q.Length <= 0 || q.Start <= previousStart)
            {
                return false;
            }

            if (q.ContentStart < q.Start || q.ContentEnd > q.End || q.ContentLength < 0)
            {
                return false;
            }

            if (q.FirstToken < 0 || q.TokenCount <= 0 || q.FirstToken + q.TokenCount > doc.Tokens.Length
                || doc.Tokens[q.FirstToken].Start != q.Start || !doc.Tokens[q.FirstToken].Has(TokenFlags.OpensQuote))
            {
                return false;
            }

            previousStart = q.Start;
        }

        return true;
    });

    [Fact]
    public void Quotes_ArbitraryText_NestProperly() => Holds(text =>
    {
        var doc = Parse.Text(text);
        var quotes = doc.Quotes;
        for (var i = 0; i < quotes.Length; i++)
        {
            for (var j = i + 1; j < quotes.Length && quotes[j].Start < quotes[i].End; j++)
            {
                // A later quotation that starts inside an earlier one ends inside it too, and is flagged nested.
                if (quotes[j].End > quotes[i].End || (quotes[j].Flags & QuoteFlags.Nested) == 0)
                {
                    return false;
                }
            }
        }

        return true;
    });

    [Fact]
    public void Parse_ReusedDocument_SameTablesAsFreshDocument() => Holds(text =>
    {
        var reused = new ParsedDocument();
        DocumentParser.Default.Parse(new TextDocument("before", "“Earlier text, with U.S. and anti-tank words.\n“Still quoted.”\nMore " + text), reused);
        DocumentParser.Default.Parse(new TextDocument("t", text), reused);
        var fresh = Parse.Text(text);

        return reused.Tokens.SequenceEqual(fresh.Tokens) && reused.Parts.SequenceEqual(fresh.Parts)
            && reused.Sentences.SequenceEqual(fresh.Sentences) && reused.Paragraphs.SequenceEqual(fresh.Paragraphs)
            && reused.Quotes.SequenceEqual(fresh.Quotes) && reused.WordCount == fresh.WordCount;
    });
}

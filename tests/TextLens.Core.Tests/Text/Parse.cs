using TextLens.Text;

namespace TextLens.Tests.Text;

/// <summary>Parses test sentences and renders the tables compactly for exact comparisons.</summary>
internal static class Parse
{
    /// <summary>Flags set after tokenization; token tests compare the tokenizer's own flags.</summary>
    public const TokenFlags LaterFlags = TokenFlags.SentenceStart | TokenFlags.ParagraphStart | TokenFlags.OpensQuote | TokenFlags.ClosesQuote;

    public static ParsedDocument Text(string text) => DocumentParser.Default.Parse(new TextDocument("test", text));

    public static (string Text, TokenKind Kind)[] Tokens(string text)
    {
        var doc = Text(text);
        var result = new (string, TokenKind)[doc.Tokens.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (doc.TextOf(doc.Tokens[i]).ToString(), doc.Tokens[i].Kind);
        }

        return result;
    }

    public static string[] TokenTexts(this ParsedDocument doc)
    {
        var result = new string[doc.Tokens.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = doc.TextOf(doc.Tokens[i]).ToString();
        }

        return result;
    }

    public static Token Single(this ParsedDocument doc, string tokenText)
    {
        Token? found = null;
        foreach (var t in doc.Tokens)
        {
            if (doc.TextOf(t).SequenceEqual(tokenText))
            {
                Assert.Null(found);
                found = t;
            }
        }

        Assert.NotNull(found);
        return found.Value;
    }

    public static TokenFlags OwnFlags(this Token token) => token.Flags & ~LaterFlags;

    public static string[] PartTexts(this ParsedDocument doc, in Token token)
    {
        var parts = doc.PartsOf(token);
        var result = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            result[i] = doc.TextOf(parts[i]).ToString();
        }

        return result;
    }

    public static string[] SentenceTexts(this ParsedDocument doc)
    {
        var result = new string[doc.Sentences.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = doc.Text.Substring(doc.Sentences[i].Start, doc.Sentences[i].Length);
        }

        return result;
    }

    public static string[] ParagraphTexts(this ParsedDocument doc)
    {
        var result = new string[doc.Paragraphs.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = doc.Text.Substring(doc.Paragraphs[i].Start, doc.Paragraphs[i].Length);
        }

        return result;
    }

    /// <summary>Each quotation as (whole span, content, flags).</summary>
    public static (string Span, string Content, QuoteFlags Flags)[] QuoteTexts(this ParsedDocument doc)
    {
        var result = new (string, string, QuoteFlags)[doc.Quotes.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var q = doc.Quotes[i];
            result[i] = (doc.Text.Substring(q.Start, q.Length), doc.Text.Substring(q.ContentStart, q.ContentLength), q.Flags);
        }

        return result;
    }
}

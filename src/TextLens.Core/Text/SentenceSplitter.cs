using System.Buffers;
using System.Globalization;

namespace TextLens.Text;

/// <summary>
/// Splits a tokenized document into paragraphs and sentences, and marks the first token of each with
/// <see cref="TokenFlags.ParagraphStart"/> and <see cref="TokenFlags.SentenceStart"/>.
/// </summary>
/// <remarks>
/// <para>
/// Paragraphs are lines: a paragraph ends after the last line break (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, U+2028,
/// U+2029) of the run of white space that follows it, so blank lines belong to the paragraph before them and
/// the indentation of the next line to the next one; white space at the end of the text belongs to the last
/// paragraph. Paragraphs and sentences partition the text: the first
/// starts at 0, each starts where the previous ends, the last ends at the end of the text; text of only white
/// space is one paragraph and one sentence; empty text has none.
/// </para>
/// <para>
/// Within a paragraph a sentence ends after <c>.</c>, <c>!</c>, <c>?</c>, <c>…</c> or a run of them
/// (<c>...</c>, <c>?!</c>), together with closing quotation marks and brackets written right after them, when
/// white space and then a token that can open a sentence follow: a word that does not begin with a lower-case
/// letter, a number, a quotation mark, an opening bracket or a currency sign. The white space after a sentence
/// belongs to it. Decimals, dotted names and abbreviations are single tokens, so their periods never split.
/// An abbreviation ends a sentence only when it is one that can close a sentence (<c>U.S.</c>, <c>etc.</c>,
/// months, company suffixes, initials) and the next word is a capitalized sentence opener such as <c>The</c>,
/// <c>It</c> or <c>In</c>; titles (<c>Maj.</c>, <c>Gen.</c>, <c>Dr.</c>) never end one (see <see cref="Abbreviations"/>).
/// </para>
/// </remarks>
internal static class SentenceSplitter
{
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u2028\u2029");

    /// <summary>Fills the paragraph and sentence tables of a tokenized document.</summary>
    public static void Split(ParsedDocument doc)
    {
        var text = doc.Text.AsSpan();
        var n = text.Length;
        var tokenCount = doc.TokenTableCount;
        var paragraphStart = 0;
        var token = 0;
        while (paragraphStart < n)
        {
            var paragraphEnd = ParagraphEnd(text, paragraphStart);
            var firstToken = token;
            var tokens = doc.TokenTable;
            while (token < tokenCount && tokens[token].Start < paragraphEnd)
            {
                token++;
            }

            var paragraph = doc.ParagraphTableCount;
            doc.AddParagraph(new Paragraph(paragraphStart, paragraphEnd - paragraphStart, firstToken, token - firstToken));
            SplitParagraph(doc, text, paragraphStart, paragraphEnd, firstToken, token, paragraph);
            paragraphStart = paragraphEnd;
        }
    }

    /// <summary>End of the paragraph that starts at <paramref name="start"/>: just past the last line break of the white space after its first line break.</summary>
    private static int ParagraphEnd(ReadOnlySpan<char> text, int start)
    {
        var found = text[start..].IndexOfAny(LineBreaks);
        if (found < 0)
        {
            return text.Length;
        }

        var lastBreak = start + found;
        for (var j = lastBreak + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                lastBreak = j;
            }
            else if (!char.IsWhiteSpace(c))
            {
                return lastBreak + 1;
            }
        }

        // Only white space is left: it belongs to this paragraph rather than making a blank one of its own.
        return text.Length;
    }

    private static void SplitParagraph(ParsedDocument doc, ReadOnlySpan<char> text, int start, int end, int firstToken, int endToken, int paragraph)
    {
        var tokens = doc.TokenTable;
        var sentenceStart = start;
        var sentenceFirst = firstToken;
        if (firstToken < endToken)
        {
            tokens[firstToken] = tokens[firstToken].WithFlags(TokenFlags.ParagraphStart | TokenFlags.SentenceStart);
        }

        for (var k = firstToken; k < endToken; k++)
        {
            ref readonly var t = ref tokens[k];
            bool abbreviation;
            if (t.Kind == TokenKind.Punctuation && IsTerminator(text[t.Start]))
            {
                abbreviation = false;
            }
            else if ((t.Flags & TokenFlags.Abbreviation) != 0 && t.Kind == TokenKind.Word)
            {
                abbreviation = true;
            }
            else
            {
                continue;
            }

            // Take the rest of the cluster: more terminators, closing quotes and brackets written without a space.
            var last = k;
            while (last + 1 < endToken && IsClusterContinuation(tokens[last + 1], text))
            {
                last++;
            }

            var next = last + 1;
            if (next >= endToken)
            {
                break;
            }

            ref readonly var n = ref tokens[next];
            if ((n.Flags & TokenFlags.SpaceBefore) != 0
                && (abbreviation ? EndsAfterAbbreviation(doc, t, n) : OpensSentence(n, text)))
            {
                doc.AddSentence(new Sentence(sentenceStart, n.Start - sentenceStart, sentenceFirst, next - sentenceFirst, paragraph));
                tokens[next] = n.WithFlags(TokenFlags.SentenceStart);
                sentenceStart = tokens[next].Start;
                sentenceFirst = next;
            }

            k = last;
        }

        doc.AddSentence(new Sentence(sentenceStart, end - sentenceStart, sentenceFirst, endToken - sentenceFirst, paragraph));
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049';

    private static bool IsClusterContinuation(in Token t, ReadOnlySpan<char> text)
    {
        if ((t.Flags & TokenFlags.SpaceBefore) != 0)
        {
            return false;
        }

        return t.Kind switch
        {
            TokenKind.QuoteMark => true,
            TokenKind.Punctuation => text[t.Start] is ')' or ']' or '}' || IsTerminator(text[t.Start]),
            _ => false,
        };
    }

    private static bool OpensSentence(in Token t, ReadOnlySpan<char> text)
    {
        switch (t.Kind)
        {
            case TokenKind.Word:
                return (Tokenizer.ClassAt(text, t.Start) & Tokenizer.LowerBit) == 0;
            case TokenKind.Number:
            case TokenKind.QuoteMark:
                return true;
            case TokenKind.Punctuation:
                return text[t.Start] is '(' or '[' or '{' or '\u00BF' or '\u00A1';
            case TokenKind.Symbol:
                return t.Length == 1 && CharUnicodeInfo.GetUnicodeCategory(text[t.Start]) == UnicodeCategory.CurrencySymbol;
            default:
                return false;
        }
    }

    private static bool EndsAfterAbbreviation(ParsedDocument doc, in Token abbreviation, in Token next) =>
        next.Kind == TokenKind.Word
        && (next.Flags & (TokenFlags.Capitalized | TokenFlags.Abbreviation)) == TokenFlags.Capitalized
        && Abbreviations.MayEndSentence(doc.KeyOf(abbreviation))
        && Abbreviations.IsSentenceOpener(doc.KeyOf(next));
}

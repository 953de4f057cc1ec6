using System.Globalization;

namespace TextLens.Text;

/// <summary>
/// Splits a tokenized document into paragraphs and sentences, and marks the first token of every sentence that
/// does not start a paragraph with <see cref="TokenFlags.SentenceStart"/>.
/// </summary>
/// <remarks>
/// <para>
/// Paragraphs are lines: a paragraph ends after the last line break (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, U+2028,
/// U+2029) between two tokens, so blank lines belong to the paragraph before them and the indentation of the next
/// line to the next one; blank lines before the first token are a paragraph of their own, and white space after
/// the last token belongs to the last paragraph. Paragraphs and sentences partition the text: the first starts at
/// 0, each starts where the previous ends, the last ends at the end of the text; text without tokens (only white
/// space or control characters) is one paragraph and one sentence; empty text has none. The tokenizer marks the
/// first token of each paragraph with <see cref="TokenFlags.ParagraphStart"/> and <see cref="TokenFlags.SentenceStart"/>.
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
    /// <summary>Fills the paragraph and sentence tables of a tokenized document.</summary>
    /// <remarks>
    /// Visits only the tokens the tokenizer marked (<see cref="ParsedDocument.MarkerTable"/>): paragraph starts,
    /// terminators, abbreviations and quotation marks, so its cost does not grow with the number of words.
    /// </remarks>
    public static void Split(ParsedDocument doc)
    {
        var text = doc.Text.AsSpan();
        if (text.Length == 0)
        {
            return;
        }

        var tokens = doc.TokenTable;
        var tokenCount = doc.TokenTableCount;
        if (tokenCount == 0)
        {
            doc.AddParagraph(new Paragraph(0, text.Length, 0, 0));
            doc.AddSentence(new Sentence(0, text.Length, 0, 0, 0));
            return;
        }

        int paragraphStart = 0, paragraphFirst = 0, sentenceStart = 0, sentenceFirst = 0, paragraph = 0;

        // Blank lines before the first token are a paragraph of their own.
        var leading = LastLineBreak(text, 0, tokens[0].Start);
        if (leading >= 0)
        {
            doc.AddParagraph(new Paragraph(0, leading + 1, 0, 0));
            doc.AddSentence(new Sentence(0, leading + 1, 0, 0, 0));
            paragraphStart = sentenceStart = leading + 1;
            paragraph = 1;
        }

        var markers = doc.MarkerTable;
        var markerCount = doc.MarkerTableCount;
        var consumed = 0;
        for (var m = 0; m < markerCount; m++)
        {
            var k = markers[m].Token;
            ref readonly var t = ref tokens[k];
            if ((t.Flags & TokenFlags.ParagraphStart) != 0 && k > 0)
            {
                var boundary = LastLineBreak(text, tokens[k - 1].End, t.Start) + 1;
                doc.AddSentence(new Sentence(sentenceStart, boundary - sentenceStart, sentenceFirst, k - sentenceFirst, paragraph));
                doc.AddParagraph(new Paragraph(paragraphStart, boundary - paragraphStart, paragraphFirst, k - paragraphFirst));
                paragraph++;
                paragraphStart = sentenceStart = boundary;
                paragraphFirst = sentenceFirst = k;
            }

            bool abbreviation;
            if (k < consumed)
            {
                continue;
            }
            else if (t.Kind == TokenKind.Punctuation && IsTerminator(text[t.Start]))
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
            while (last + 1 < tokenCount && IsClusterContinuation(tokens[last + 1], text))
            {
                last++;
            }

            consumed = last + 1;
            var next = last + 1;
            if (next >= tokenCount)
            {
                continue;
            }

            ref readonly var n = ref tokens[next];
            if ((n.Flags & (TokenFlags.SpaceBefore | TokenFlags.ParagraphStart)) == TokenFlags.SpaceBefore
                && (abbreviation ? EndsAfterAbbreviation(doc, t, n) : OpensSentence(n, text)))
            {
                doc.AddSentence(new Sentence(sentenceStart, n.Start - sentenceStart, sentenceFirst, next - sentenceFirst, paragraph));
                sentenceStart = n.Start;
                sentenceFirst = next;
                tokens[next] = n.WithFlags(TokenFlags.SentenceStart);
            }
        }

        doc.AddSentence(new Sentence(sentenceStart, text.Length - sentenceStart, sentenceFirst, tokenCount - sentenceFirst, paragraph));
        doc.AddParagraph(new Paragraph(paragraphStart, text.Length - paragraphStart, paragraphFirst, tokenCount - paragraphFirst));
    }

    /// <summary>Index of the last line break in [from, to), or -1.</summary>
    private static int LastLineBreak(ReadOnlySpan<char> text, int from, int to)
    {
        for (var j = to - 1; j >= from; j--)
        {
            if (text[j] is '\n' or '\r' or '\u2028' or '\u2029')
            {
                return j;
            }
        }

        return -1;
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

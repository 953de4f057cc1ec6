// TEMPORARY: replaced by the real Tokenizer, SentenceSplitter and QuoteFinder (parsing work in progress).
namespace TextLens.Text;

internal static class Tokenizer
{
    public static void Tokenize(string text, ParsedDocument doc)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var s = i;
            var h = TokenKeyHash.Seed;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) { var c = CharFolding.FoldCase(text[i]); doc.KeyBuffer[i] = c; h = TokenKeyHash.Add(h, c); i++; }
            doc.AddToken(new Token(s, i - s, TokenKind.Word, TokenFlags.None, h));
            doc.WordCount++;
        }
    }
}

internal static class SentenceSplitter
{
    public static void Split(ParsedDocument doc)
    {
        doc.AddParagraph(new Paragraph(0, doc.Text.Length, 0, doc.TokenTableCount));
        doc.AddSentence(new Sentence(0, doc.Text.Length, 0, doc.TokenTableCount, 0));
    }
}

internal static class QuoteFinder
{
    public static void Find(ParsedDocument doc) { _ = doc; }
}

// TEMPORARY: replaced by the real Tokenizer, SentenceSplitter and QuoteFinder (parsing work in progress on the
// `parse` branch). This interim version (attribution branch) follows the documented contracts closely enough
// (punctuation and quote-mark tokens, clitics, sentences, paragraphs, quotation spans with flags) for the
// attribution analyzer to be developed and tested; it is deleted when the `parse` branch is merged.
namespace TextLens.Text;

internal static class Tokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr",
        "prof", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp",
        "co", "ltd", "adm", "brig", "cmdr", "pres", "rev", "hon", "mt", "ft", "approx", "est", "dept",
    };

    public static void Tokenize(string text, ParsedDocument doc)
    {
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var space = i == 0 || char.IsWhiteSpace(text[i - 1]);
            var start = i;
            if (char.IsLetterOrDigit(c))
            {
                i = ScanWord(text, i, doc, space);
                continue;
            }

            TokenKind kind;
            if (IsQuoteMark(c) && !(c is '’' or '\'' && start > 0 && char.IsLetter(text[start - 1]) && IsClitic(text, start)))
            {
                kind = TokenKind.QuoteMark;
            }
            else if (c is '’' or '\'' && start > 0 && char.IsLetter(text[start - 1]))
            {
                kind = TokenKind.Clitic;
                if (IsClitic(text, start))
                {
                    i++;
                    while (i < n && char.IsLetter(text[i]))
                    {
                        i++;
                    }

                    Add(doc, text, start, i, kind, space);
                    continue;
                }
            }
            else if (char.IsPunctuation(c))
            {
                kind = TokenKind.Punctuation;
            }
            else
            {
                kind = TokenKind.Symbol;
            }

            i++;
            if (kind == TokenKind.Punctuation && c == '.')
            {
                while (i < n && text[i] == '.')
                {
                    i++;
                }
            }

            Add(doc, text, start, i, kind, space);
        }
    }

    private static bool IsClitic(string text, int i) =>
        i + 1 < text.Length && (text[i + 1] is 's' or 'S') && (i + 2 >= text.Length || !char.IsLetter(text[i + 2]));

    private static bool IsQuoteMark(char c) => c is '“' or '”' or '"' or '«' or '»' or '„' or '‘' or '’' or '\'';

    private static int ScanWord(string text, int i, ParsedDocument doc, bool space)
    {
        var start = i;
        var n = text.Length;
        var hyphenated = false;
        var dotted = false;
        while (i < n)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                i++;
            }
            else if ((c is '-' or '‐' or '‑') && i + 1 < n && char.IsLetterOrDigit(text[i + 1]))
            {
                hyphenated = true;
                i++;
            }
            else if ((c is '.' or ',') && i + 1 < n && char.IsLetterOrDigit(text[i + 1]) && (c == '.' || char.IsDigit(text[i - 1])))
            {
                if (c == '.')
                {
                    dotted = true;
                }

                i++;
            }
            else if ((c is '\'' or '’') && i + 1 < n && char.IsLetter(text[i + 1]) && !IsClitic(text, i))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        // A trailing period belongs to a known abbreviation or a dotted initialism (U.S.).
        var abbreviation = false;
        if (i < n && text[i] == '.')
        {
            var word = text.AsSpan(start, i - start);
            if (dotted || (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word.ToString().ToLowerInvariant()))
            {
                i++;
                abbreviation = true;
            }
        }

        var kind = char.IsDigit(text[start]) ? TokenKind.Number : TokenKind.Word;
        var flags = TokenFlags.None;
        if (hyphenated)
        {
            flags |= TokenFlags.Hyphenated;
        }

        if (dotted)
        {
            flags |= TokenFlags.Dotted;
        }

        if (abbreviation)
        {
            flags |= TokenFlags.Abbreviation;
        }

        var firstPart = doc.PartTableCount;
        var partCount = 0;
        if (hyphenated)
        {
            var ps = start;
            for (var j = start; j <= i; j++)
            {
                if (j == i || text[j] is '-' or '‐' or '‑')
                {
                    var h = TokenKeyHash.Seed;
                    for (var k = ps; k < j; k++)
                    {
                        h = TokenKeyHash.Add(h, CharFolding.FoldCase(text[k]));
                    }

                    doc.AddPart(new TokenPart(ps, j - ps, h));
                    partCount++;
                    ps = j + 1;
                }
            }
        }

        Add(doc, text, start, i, kind, space, flags, firstPart, partCount);
        return i;
    }

    private static void Add(ParsedDocument doc, string text, int start, int end, TokenKind kind, bool space,
        TokenFlags flags = TokenFlags.None, int firstPart = 0, int partCount = 0)
    {
        var h = TokenKeyHash.Seed;
        var letters = 0;
        var upper = 0;
        for (var k = start; k < end; k++)
        {
            var ch = text[k];
            var f = CharFolding.FoldCase(ch);
            doc.KeyBuffer[k] = f;
            h = TokenKeyHash.Add(h, f);
            if (char.IsLetter(ch))
            {
                letters++;
                if (char.IsUpper(ch))
                {
                    upper++;
                }
            }

            if (ch > 127)
            {
                flags |= TokenFlags.NonAscii;
            }

            if (char.IsDigit(ch))
            {
                flags |= TokenFlags.HasDigit;
            }
        }

        if (kind is TokenKind.Word or TokenKind.Number)
        {
            if (char.IsUpper(text[start]))
            {
                flags |= TokenFlags.Capitalized;
            }

            if (letters >= 2 && upper == letters)
            {
                flags |= TokenFlags.AllCaps;
            }

            doc.WordCount++;
        }

        if (space)
        {
            flags |= TokenFlags.SpaceBefore;
        }

        doc.AddToken(new Token(start, end - start, kind, flags, h, firstPart, partCount));
    }
}

internal static class SentenceSplitter
{
    public static void Split(ParsedDocument doc)
    {
        var text = doc.Text;
        var tokens = doc.TokenTable;
        var count = doc.TokenTableCount;

        // Paragraphs: lines; the line break(s) after a line belong to it.
        var pStart = 0;
        var t = 0;
        var p = 0;
        while (pStart < text.Length || (pStart == 0 && text.Length == 0))
        {
            var nl = text.IndexOf('\n', pStart);
            var end = nl < 0 ? text.Length : nl + 1;
            while (end < text.Length && (text[end] == '\n' || text[end] == '\r' || (char.IsWhiteSpace(text[end]) && NextLineIsBlank(text, end))))
            {
                end++;
            }

            var first = t;
            while (t < count && tokens[t].Start < end)
            {
                t++;
            }

            doc.AddParagraph(new Paragraph(pStart, end - pStart, first, t - first));
            SplitSentences(doc, pStart, end, first, t, p);
            p++;
            pStart = end;
            if (text.Length == 0)
            {
                break;
            }
        }

        for (var i = 0; i < doc.ParagraphTableCount; i++)
        {
            var para = doc.ParagraphTable[i];
            if (para.TokenCount > 0)
            {
                Flag(doc, para.FirstToken, TokenFlags.ParagraphStart);
            }
        }

        for (var i = 0; i < doc.SentenceTableCount; i++)
        {
            var s = doc.SentenceTable[i];
            if (s.TokenCount > 0)
            {
                Flag(doc, s.FirstToken, TokenFlags.SentenceStart);
            }
        }
    }

    private static bool NextLineIsBlank(string text, int i)
    {
        while (i < text.Length && text[i] != '\n')
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    internal static void Flag(ParsedDocument doc, int index, TokenFlags flag)
    {
        var k = doc.TokenTable[index];
        doc.TokenTable[index] = new Token(k.Start, k.Length, k.Kind, k.Flags | flag, k.KeyHash, k.FirstPart, k.PartCount);
    }

    private static void SplitSentences(ParsedDocument doc, int start, int end, int firstToken, int endToken, int paragraph)
    {
        var text = doc.Text;
        var tokens = doc.TokenTable;
        var sStart = start;
        var sFirst = firstToken;
        for (var i = firstToken; i < endToken; i++)
        {
            ref readonly var tok = ref tokens[i];
            if (tok.Kind != TokenKind.Punctuation || text[tok.Start] is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var last = i;
            while (last + 1 < endToken && (tokens[last + 1].Kind == TokenKind.QuoteMark || text[tokens[last + 1].Start] is ')' or '.' or '!' or '?')
                && !tokens[last + 1].Has(TokenFlags.SpaceBefore))
            {
                last++;
            }

            if (last + 1 < endToken)
            {
                ref readonly var next = ref tokens[last + 1];
                var c = text[next.Start];
                if (!next.Has(TokenFlags.SpaceBefore) || !(char.IsUpper(c) || char.IsDigit(c) || next.Kind == TokenKind.QuoteMark || c is '(' or '['))
                {
                    continue;
                }

                var sEnd = next.Start;
                doc.AddSentence(new Sentence(sStart, sEnd - sStart, sFirst, last + 1 - sFirst, paragraph));
                sStart = sEnd;
                sFirst = last + 1;
                i = last;
            }
        }

        doc.AddSentence(new Sentence(sStart, end - sStart, sFirst, endToken - sFirst, paragraph));
    }
}

internal static class QuoteFinder
{
    public static void Find(ParsedDocument doc)
    {
        var text = doc.Text;
        var tokens = doc.TokenTable;
        var found = new List<QuoteSpan>();
        var stack = new List<(int Token, char Mark, int RunStart)>();
        var paragraphs = doc.ParagraphTableCount;
        for (var p = 0; p < paragraphs; p++)
        {
            var para = doc.ParagraphTable[p];
            for (var i = para.FirstToken; i < para.FirstToken + para.TokenCount; i++)
            {
                ref readonly var tok = ref tokens[i];
                if (tok.Kind != TokenKind.QuoteMark)
                {
                    continue;
                }

                var c = text[tok.Start];
                var prevSpace = tok.Has(TokenFlags.SpaceBefore) || i == para.FirstToken;
                var nextSpace = i + 1 >= tokens.Length || i + 1 >= doc.TokenTableCount || tokens[i + 1].Has(TokenFlags.SpaceBefore);
                var opens = c is '“' or '«' or '„' or '‘' || (c is '"' or '\'' && prevSpace && !nextSpace);
                var closes = c is '”' or '»' or '’' || (c is '"' or '\'' && !opens);
                if (c is '"' && stack.Count > 0 && stack[^1].Mark is '"' or '“' && !(prevSpace && !nextSpace && stack[^1].Mark == '“'))
                {
                    opens = false;
                    closes = true;
                }

                if (closes && stack.Count > 0 && Matches(stack[^1].Mark, c))
                {
                    var open = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    var multi = doc.ParagraphTable[p].Start > tokens[open.RunStart].Start;
                    Add(doc, found, open.RunStart, i, multi ? QuoteFlags.MultiParagraph : QuoteFlags.None, stack.Count > 0);
                    SentenceSplitter.Flag(doc, open.RunStart, TokenFlags.OpensQuote);
                    SentenceSplitter.Flag(doc, i, TokenFlags.ClosesQuote);
                }
                else if (opens)
                {
                    // A paragraph that opens with the same mark as an open quotation continues it (multi-paragraph).
                    if (i == para.FirstToken && stack.Count > 0 && stack[^1].Mark == c && tokens[stack[^1].Token].Start < para.Start)
                    {
                        stack[^1] = (i, c, stack[^1].RunStart);
                        continue;
                    }

                    stack.Add((i, c, i));
                }
                else if (closes)
                {
                    SentenceSplitter.Flag(doc, i, TokenFlags.ClosesQuote);
                }
            }

            // Quotations still open at the end of a paragraph continue only when the next paragraph reopens them.
            var nextPara = p + 1 < paragraphs ? doc.ParagraphTable[p + 1] : default;
            for (var s = stack.Count - 1; s >= 0; s--)
            {
                var continues = p + 1 < paragraphs && nextPara.TokenCount > 0 && tokens[nextPara.FirstToken].Kind == TokenKind.QuoteMark
                    && text[tokens[nextPara.FirstToken].Start] == stack[s].Mark && s == stack.Count - 1;
                if (continues)
                {
                    continue;
                }

                var open = stack[s];
                var lastTok = para.FirstToken + para.TokenCount - 1;
                AddUnclosed(doc, found, open.RunStart, lastTok, s > 0);
                SentenceSplitter.Flag(doc, open.RunStart, TokenFlags.OpensQuote);
                stack.RemoveAt(s);
            }
        }

        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        foreach (var q in found)
        {
            doc.AddQuote(q);
        }
    }

    private static bool Matches(char open, char close) => open switch
    {
        '“' => close is '”' or '"' or '“',
        '"' => close is '"' or '”',
        '«' => close == '»',
        '„' => close is '“' or '”',
        '‘' => close is '’' or '\'',
        '\'' => close is '\'' or '’',
        _ => false,
    };

    private static void Add(ParsedDocument doc, List<QuoteSpan> found, int openToken, int closeToken, QuoteFlags flags, bool nested)
    {
        var tokens = doc.TokenTable;
        var open = tokens[openToken];
        var close = tokens[closeToken];
        var words = 0;
        for (var k = openToken + 1; k < closeToken; k++)
        {
            if (tokens[k].IsWordLike)
            {
                words++;
            }
        }

        if (nested)
        {
            flags |= QuoteFlags.Nested;
        }

        if (words <= 4 && (flags & QuoteFlags.MultiParagraph) == 0)
        {
            flags |= QuoteFlags.Short;
        }

        found.Add(new QuoteSpan(open.Start, close.End - open.Start, open.End, close.Start - open.End, flags, openToken, closeToken - openToken + 1));
    }

    private static void AddUnclosed(ParsedDocument doc, List<QuoteSpan> found, int openToken, int lastToken, bool nested)
    {
        var tokens = doc.TokenTable;
        var open = tokens[openToken];
        var end = lastToken > openToken ? tokens[lastToken].End : open.End;
        var flags = QuoteFlags.Unclosed | (nested ? QuoteFlags.Nested : QuoteFlags.None);
        found.Add(new QuoteSpan(open.Start, end - open.Start, open.End, end - open.End, flags, openToken, Math.Max(1, lastToken - openToken + 1)));
    }
}

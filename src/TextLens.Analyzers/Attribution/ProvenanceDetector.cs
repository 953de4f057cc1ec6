using TextLens.Text;

namespace TextLens.Analyzers.Attribution;

/// <summary>
/// Finds the provenance lines of a document — a byline (<c>By Ilham Karimli</c> on its own line), an agency or photo
/// credit at the end of a caption (<c>... / Trend News Agency</c>, <c>Photo: Reuters</c>), a <c>Source Link</c> line, a
/// reprint note (<c>Originally published by ...</c>, <c>Reprinted from ...</c>) — and writes them as document facets
/// (<c>byline</c>, <c>credit</c>, <c>sourceLink</c>, <c>reprint</c>). Their character ranges are returned so that no
/// attribution is taken from them.
/// </summary>
internal static class ProvenanceDetector
{
    /// <summary>Longest byline or note line, in words.</summary>
    private const int MaxLineWords = 16;

    public static void Detect(AnalysisContext context, List<(int Start, int End)> ranges, ref long steps)
    {
        var doc = context.Document;
        var text = doc.Text;
        var tokens = doc.Tokens;
        foreach (var paragraph in doc.Paragraphs)
        {
            steps++;
            if (paragraph.TokenCount == 0)
            {
                continue;
            }

            var first = paragraph.FirstToken;
            var end = Math.Min(tokens.Length, first + paragraph.TokenCount);
            var lineStart = tokens[first].Start;
            var lineEnd = tokens[end - 1].End;
            var firstKey = doc.KeyOf(tokens[first]);

            // Cheap tests on the first and last tokens decide which (if any) line kind to look at.
            if (firstKey.SequenceEqual("by") && paragraph.TokenCount <= MaxLineWords * 2 && Byline(doc, first, end) is { } byline)
            {
                context.AddDocumentFacet("byline", byline);
                ranges.Add((lineStart, lineEnd));
                continue;
            }

            if (paragraph.TokenCount <= 3 && firstKey.SequenceEqual("source")
                && text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd(':').Equals("Source Link", StringComparison.OrdinalIgnoreCase))
            {
                context.AddDocumentFacet("sourceLink", "true");
                ranges.Add((lineStart, lineEnd));
                continue;
            }

            if (paragraph.TokenCount <= MaxLineWords * 3 && firstKey is "originally" or "reprinted" or "republished" or "this" or "the"
                && Reprint(doc, first, end) is { } reprint)
            {
                context.AddDocumentFacet("reprint", reprint);
                ranges.Add((lineStart, lineEnd));
                continue;
            }

            if (tokens[end - 1].Kind != TokenKind.Word && !(end >= 2 && tokens[end - 2].Kind == TokenKind.Word))
            {
                continue;
            }

            if (Credit(doc, first, end, out var creditStart) is { } credit)
            {
                context.AddDocumentFacet("credit", credit);
                ranges.Add((tokens[creditStart].Start, lineEnd));
            }
        }
    }

    /// <summary><c>By Ilham Karimli December 21, 2022</c>: the capitalized name words after <c>By</c>.</summary>
    private static string? Byline(ParsedDocument doc, int first, int end)
    {
        var tokens = doc.Tokens;
        if (!doc.KeyOf(tokens[first]).SequenceEqual("by") || !tokens[first].Has(TokenFlags.Capitalized))
        {
            return null;
        }

        var i = first + 1;
        var last = -1;
        var names = 0;
        while (i < end)
        {
            var t = tokens[i];
            var key = doc.KeyOf(t);
            if (t.Kind == TokenKind.Word && t.Has(TokenFlags.Capitalized) && !IsMonth(key))
            {
                last = i;
                names++;
                i++;
                continue;
            }

            if ((key.SequenceEqual("and") || (t.Kind == TokenKind.Punctuation && doc.Text[t.Start] == ',')) && names > 0
                && i + 1 < end && tokens[i + 1].Has(TokenFlags.Capitalized) && !IsMonth(doc.KeyOf(tokens[i + 1])))
            {
                i++;
                continue;
            }

            break;
        }

        if (names is < 1 or > 8)
        {
            return null;
        }

        // What follows the name must not be a sentence (a date, an outlet or nothing).
        for (var j = last + 1; j < end; j++)
        {
            var t = tokens[j];
            if (t.Kind == TokenKind.Word && !t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.HasDigit))
            {
                var key = doc.KeyOf(t);
                if (!(key.SequenceEqual("and") || key.SequenceEqual("at") || key.SequenceEqual("for") || key.SequenceEqual("in") || key.SequenceEqual("on")))
                {
                    return null;
                }
            }
        }

        return doc.Text[tokens[first + 1].Start..tokens[last].End];
    }

    private static bool IsMonth(ReadOnlySpan<char> key) =>
        key is "january" or "february" or "march" or "april" or "may" or "june" or "july" or "august" or "september"
            or "october" or "november" or "december" or "jan." or "feb." or "aug." or "sept." or "oct." or "nov." or "dec."
            or "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday" or "updated" or "published";

    /// <summary><c>Originally published by X</c>, <c>Reprinted from X</c>, <c>Republished with permission from X</c>.</summary>
    private static string? Reprint(ParsedDocument doc, int first, int end)
    {
        var tokens = doc.Tokens;
        var i = first;
        if (i < end && (doc.KeyOf(tokens[i]).SequenceEqual("this") || doc.KeyOf(tokens[i]).SequenceEqual("the")))
        {
            i++;
            if (i < end && (doc.KeyOf(tokens[i]).SequenceEqual("article") || doc.KeyOf(tokens[i]).SequenceEqual("story") || doc.KeyOf(tokens[i]).SequenceEqual("post")))
            {
                i++;
            }

            if (i < end && (doc.KeyOf(tokens[i]).SequenceEqual("was") || doc.KeyOf(tokens[i]).SequenceEqual("is") || doc.KeyOf(tokens[i]).SequenceEqual("first")))
            {
                i++;
            }
        }

        if (i < end && doc.KeyOf(tokens[i]).SequenceEqual("originally"))
        {
            i++;
        }

        if (i >= end)
        {
            return null;
        }

        var verb = doc.KeyOf(tokens[i]);
        if (!(verb.SequenceEqual("published") || verb.SequenceEqual("reprinted") || verb.SequenceEqual("republished") || verb.SequenceEqual("appeared")))
        {
            return null;
        }

        // "Published" alone opens many datelines; require "originally" or a reprint verb.
        if (verb.SequenceEqual("published") && (i == first || !doc.KeyOf(tokens[i - 1]).SequenceEqual("originally")))
        {
            return null;
        }

        i++;
        while (i < end && tokens[i].Kind == TokenKind.Word && (doc.KeyOf(tokens[i]) is "by" or "from" or "in" or "on" or "at" or "with" or "permission"))
        {
            i++;
        }

        var last = end - 1;
        while (last >= i && tokens[last].Kind != TokenKind.Word && tokens[last].Kind != TokenKind.Number && tokens[last].Kind != TokenKind.Url)
        {
            last--;
        }

        return last >= i ? doc.Text[tokens[i].Start..tokens[last].End] : "true";
    }

    /// <summary><c>... / Trend News Agency</c> or <c>Photo: Reuters</c> at the end of a line: the credited agency.</summary>
    private static string? Credit(ParsedDocument doc, int first, int end, out int creditStart)
    {
        creditStart = -1;
        var tokens = doc.Tokens;
        var text = doc.Text;
        var last = end - 1;
        while (last >= first && tokens[last].Kind == TokenKind.Punctuation && text[tokens[last].Start] is '.' or ')')
        {
            last--;
        }

        // Walk back over up to five capitalized words to a slash, a vertical bar or "Photo:".
        var i = last;
        while (i >= first && last - i < 6 && tokens[i].IsWordLike && (tokens[i].Has(TokenFlags.Capitalized) || tokens[i].Has(TokenFlags.AllCaps)))
        {
            i--;
        }

        if (i == last || i < first)
        {
            return null;
        }

        var mark = tokens[i];
        var isSlash = (mark.Kind is TokenKind.Punctuation or TokenKind.Symbol) && text[mark.Start] is '/' or '|' && mark.Has(TokenFlags.SpaceBefore);
        var isPhoto = mark.Kind == TokenKind.Punctuation && text[mark.Start] == ':' && i - 1 >= first
            && (doc.KeyOf(tokens[i - 1]).SequenceEqual("photo") || doc.KeyOf(tokens[i - 1]).SequenceEqual("credit") || doc.KeyOf(tokens[i - 1]).SequenceEqual("source"));
        if (!isSlash && !isPhoto)
        {
            return null;
        }

        creditStart = isPhoto ? i - 1 : i;
        return text[tokens[i + 1].Start..tokens[last].End];
    }
}

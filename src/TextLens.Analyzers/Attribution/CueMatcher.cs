using TextLens.Analyzers.Matching;
using TextLens.Text;

namespace TextLens.Analyzers.Attribution;

/// <summary>
/// Finds the <see cref="CueTable"/> groups at every token of a document: the seam between the attribution rules and
/// the token matcher (<see cref="PhraseCueMatcher"/> on the shared <see cref="PhraseMatcher"/>).
/// </summary>
internal interface ICueMatcher
{
    /// <summary>
    /// For every token <c>i</c> writes the group of the single token (<paramref name="single"/>, -1 when none), the
    /// group of the longest multi-word sequence starting there (<paramref name="longest"/>, -1 when none) and that
    /// sequence's length in tokens (<paramref name="longestLength"/>).
    /// </summary>
    void Match(ParsedDocument document, Span<int> single, Span<int> longest, Span<byte> longestLength);
}

/// <summary>
/// The default <see cref="ICueMatcher"/>, on the shared compiled <see cref="PhraseMatcher"/> (the framing analyzer's
/// matcher): one matcher for the single-token keys (every token gets its own, so the function-word classes and verb
/// forms are known everywhere), one for the multi-token sequences (leftmost-longest, as framing terms are matched).
/// Patterns are tokenized by the document parser, so a cue and the text it names split into the same tokens.
/// </summary>
internal sealed class PhraseCueMatcher : ICueMatcher
{
    private readonly PhraseMatcher _single;
    private readonly PhraseMatcher _multi;

    public PhraseCueMatcher(CueTable table, DocumentParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        parser ??= DocumentParser.Default;
        var scratch = new ParsedDocument();
        var single = new PhraseMatcherBuilder();
        var multi = new PhraseMatcherBuilder();
        foreach (var (key, group) in table.Keys.OrderBy(k => k.Group))
        {
            var words = PatternShape.Words(key, foldDiacritics: false, parser, scratch);
            if (words.Length == 0)
            {
                continue;
            }

            (words.Length == 1 ? single : multi).Add(new MatchPattern(key, group, MatchOptions.None));
        }

        _single = single.Build(parser);
        _multi = multi.Build(parser);
    }

    public void Match(ParsedDocument document, Span<int> single, Span<int> longest, Span<byte> longestLength)
    {
        var tokens = document.Tokens;
        single[..tokens.Length].Fill(-1);
        longest[..tokens.Length].Fill(-1);
        longestLength[..tokens.Length].Clear();

        var t = 0;
        foreach (var m in _multi.Matches(document))
        {
            while (t < tokens.Length && tokens[t].Start < m.Start)
            {
                t++;
            }

            if (t == tokens.Length || tokens[t].Start != m.Start)
            {
                continue;
            }

            var k = t;
            while (k < tokens.Length && tokens[k].End <= m.End)
            {
                k++;
            }

            longest[t] = m.Payload;
            longestLength[t] = (byte)Math.Min(byte.MaxValue, k - t);
        }

        t = 0;
        foreach (var m in _single.Matches(document))
        {
            while (t < tokens.Length && tokens[t].Start < m.Start)
            {
                t++;
            }

            if (t == tokens.Length || tokens[t].Start != m.Start)
            {
                continue;
            }

            single[t] = m.Payload;
            if (longest[t] < 0)
            {
                longest[t] = m.Payload;
                longestLength[t] = 1;
            }
        }
    }
}

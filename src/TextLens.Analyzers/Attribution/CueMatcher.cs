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
    /// Writes, at each token <c>i</c> where a group starts, the group of the single token (<paramref name="single"/>),
    /// the group of the longest sequence starting there (<paramref name="longest"/>) and that sequence's length in
    /// tokens (<paramref name="longestLength"/>), and adds <c>i</c> to <paramref name="starts"/>, in order. The tables
    /// come in holding -1, -1 and 0 everywhere and other tokens are left alone (the rules visit only the starts, and
    /// the caller resets only those afterwards).
    /// </summary>
    void Match(ParsedDocument document, Span<int> single, Span<int> longest, Span<byte> longestLength, List<int> starts);
}

/// <summary>
/// The default <see cref="ICueMatcher"/>, on the shared compiled <see cref="PhraseMatcher"/> (the framing analyzer's
/// matcher): every cue, phrase and source noun of the lexicons in one leftmost-longest pass, so a token that starts
/// no cue costs one filter probe. A token inside a longer match gets no group of its own (<c>State</c> in
/// <c>State Department</c> is no verb). Patterns are tokenized by the document parser, so a cue and the text it names
/// split into the same tokens.
/// </summary>
internal sealed class PhraseCueMatcher : ICueMatcher
{
    private readonly PhraseMatcher _matcher;
    private readonly bool[] _singleToken;

    public PhraseCueMatcher(CueTable table, DocumentParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        parser ??= DocumentParser.Default;
        var scratch = new ParsedDocument();
        var builder = new PhraseMatcherBuilder();
        _singleToken = new bool[table.GroupCount];
        foreach (var (key, group) in table.Keys.OrderBy(k => k.Group))
        {
            var words = PatternShape.Words(key, foldDiacritics: false, parser, scratch);
            if (words.Length == 0)
            {
                continue;
            }

            _singleToken[group] = words.Length == 1;
            builder.Add(new MatchPattern(key, group, MatchOptions.None));
        }

        _matcher = builder.Build(parser);
    }

    public void Match(ParsedDocument document, Span<int> single, Span<int> longest, Span<byte> longestLength, List<int> starts)
    {
        var tokens = document.Tokens;
        var t = 0;
        foreach (var m in _matcher.Matches(document))
        {
            while (t < tokens.Length && tokens[t].Start < m.Start)
            {
                t++;
            }

            if (t == tokens.Length || tokens[t].Start != m.Start)
            {
                continue;
            }

            var k = t + 1;
            while (k < tokens.Length && tokens[k].End <= m.End)
            {
                k++;
            }

            longest[t] = m.Payload;
            longestLength[t] = (byte)Math.Min(byte.MaxValue, k - t);
            starts.Add(t);
            if (_singleToken[m.Payload])
            {
                single[t] = m.Payload;
            }
        }
    }
}

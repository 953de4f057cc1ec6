using TextLens.Text;

namespace TextLens.Analyzers.Matching;

/// <summary>
/// Collects <see cref="MatchPattern"/>s and compiles them into a <see cref="PhraseMatcher"/>: a trie of token keys
/// stored in one open-addressing table keyed by (node, key hash). Everything that varies between patterns
/// (hyphen variants, diacritics, inflection prefixes) is expanded here, once, so scanning pays nothing for it.
/// </summary>
internal sealed class PhraseMatcherBuilder
{
    private readonly List<MatchPattern> _patterns = [];

    /// <summary>The number of patterns added.</summary>
    public int Count => _patterns.Count;

    /// <summary>Adds a pattern and returns its index (the order breaks ties between equally long matches: the lower index wins).</summary>
    /// <exception cref="ArgumentException">The pattern breaks the <see cref="PatternSyntax"/> rules.</exception>
    public int Add(MatchPattern pattern)
    {
        if (PatternSyntax.Check(pattern.Text) is { } error)
        {
            throw new ArgumentException($"Pattern \"{Shorten(pattern.Text)}\": {error}", nameof(pattern));
        }

        _patterns.Add(pattern);
        return _patterns.Count - 1;
    }

    /// <summary>Compiles the patterns. The builder can be reused afterwards.</summary>
    /// <param name="parser">The parser that tokenizes the patterns; must be the one that parses the documents.</param>
    /// <exception cref="ArgumentException">A pattern has no token.</exception>
    public PhraseMatcher Build(DocumentParser? parser = null)
    {
        parser ??= DocumentParser.Default;
        var scratch = new ParsedDocument();
        var trie = new TrieBuilder();
        var options = new MatchOptions[_patterns.Count];
        var payloads = new int[_patterns.Count];
        var caseTexts = new string?[_patterns.Count];
        var prefixes = new bool[_patterns.Count];
        var maxAtoms = 0;

        for (var i = 0; i < _patterns.Count; i++)
        {
            var p = _patterns[i];
            options[i] = p.Options;
            payloads[i] = p.Payload;
            var prefix = PatternSyntax.IsPrefix(p.Text);
            prefixes[i] = prefix;
            var body = PatternSyntax.Body(p.Text);
            var fold = (p.Options & MatchOptions.FoldDiacritics) != 0;
            if ((p.Options & MatchOptions.CaseSensitive) != 0)
            {
                caseTexts[i] = PhraseMatcher.LettersAndDigits(body, fold);
            }

            var words = PatternShape.Words(body, fold, parser, scratch);
            if (words.Length == 0)
            {
                throw new ArgumentException($"Pattern \"{Shorten(p.Text)}\" has no word in it.", nameof(parser));
            }

            foreach (var atoms in PatternShape.Variants(words, (p.Options & MatchOptions.HyphenVariants) != 0))
            {
                maxAtoms = Math.Max(maxAtoms, atoms.Length);
                trie.Add(atoms, prefix, i);
            }
        }

        return new PhraseMatcher(trie, options, payloads, caseTexts, prefixes, maxAtoms);
    }

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    /// <summary>The trie while it is built: nodes with terminal patterns, edges keyed by (parent, atom, prefix).</summary>
    internal sealed class TrieBuilder
    {
        public Dictionary<(int Parent, string Atom, bool Prefix), int> Edges { get; } = [];

        public List<List<int>> Terminals { get; } = [[]];

        public int NodeCount => Terminals.Count;

        public void Add(string[] atoms, bool prefixLast, int pattern)
        {
            var node = 0;
            for (var k = 0; k < atoms.Length; k++)
            {
                var key = (node, atoms[k], prefixLast && k == atoms.Length - 1);
                if (!Edges.TryGetValue(key, out var child))
                {
                    child = Terminals.Count;
                    Terminals.Add([]);
                    Edges.Add(key, child);
                }

                node = child;
            }

            var terminals = Terminals[node];
            if (terminals.Count == 0 || terminals[^1] != pattern)
            {
                terminals.Add(pattern);
            }
        }
    }
}

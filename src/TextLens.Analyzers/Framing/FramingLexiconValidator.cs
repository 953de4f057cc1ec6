using TextLens.Analyzers.Matching;
using TextLens.Text;

namespace TextLens.Framing;

/// <summary>
/// Finds what is legal in a framing lexicon but probably not meant: the same pattern in two labels, a pattern that
/// is the start of another label's pattern (the longer one wins wherever both match), and a pattern that is
/// also a common English word (<c>us</c>, <c>it</c>, <c>who</c>) but not case-sensitive. Loading never fails for
/// these; <c>textlens lexicon check</c> prints them.
/// </summary>
public static class FramingLexiconValidator
{
    /// <summary>Warning code: the same pattern appears in two labels (or twice in one).</summary>
    public const string DuplicatePattern = "duplicate-pattern";

    /// <summary>Warning code: a pattern of one label is the start of a pattern of another label.</summary>
    public const string OverlappingPatterns = "overlapping-patterns";

    /// <summary>Warning code: a case-insensitive pattern that is also a common English word.</summary>
    public const string StopWordPattern = "stop-word-pattern";

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do",
        "does", "for", "from", "had", "has", "have", "he", "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "me",
        "might", "my", "no", "not", "now", "of", "on", "one", "or", "our", "out", "over", "she", "should", "so", "some", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "us", "was", "we", "were", "what", "when", "where",
        "which", "who", "whom", "why", "will", "with", "would", "you", "your",
    };

    /// <summary>Checks a lexicon and returns its warnings in file order (empty when there is nothing to say).</summary>
    public static IReadOnlyList<LexiconWarning> Validate(FramingLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var warnings = new List<LexiconWarning>();
        void Add(string code, string field, string message)
        {
            var p = lexicon.PositionOf(field);
            warnings.Add(new LexiconWarning(code, lexicon.Origin, p?.Line, p?.Column, field, message));
        }

        var entries = new List<Entry>();
        for (var c = 0; c < lexicon.Concepts.Count; c++)
        {
            var concept = lexicon.Concepts[c];
            for (var l = 0; l < concept.Labels.Count; l++)
            {
                var label = concept.Labels[l];
                for (var p = 0; p < label.Patterns.Count; p++)
                {
                    var pattern = label.Patterns[p];
                    if (PatternSyntax.Check(pattern.Text) is not null)
                    {
                        continue;
                    }

                    entries.Add(new Entry(concept.Id, label.Id, $"concepts[{c}].labels[{l}].patterns[{p}]", pattern,
                        Words(pattern, lexicon.Options.HyphenVariants), pattern.IsPrefix));
                }
            }
        }

        var seen = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var key = (e.Pattern.CaseSensitive ? "cs:" : "ci:") + string.Join(' ', e.Words) + (e.Prefix ? "*" : "");
            if (seen.TryGetValue(key, out var first))
            {
                Add(DuplicatePattern, e.Field, first.Label == e.Label
                    ? $"Pattern \"{e.Pattern.Text}\" appears twice in label \"{e.Label}\" ({first.Field})."
                    : $"Pattern \"{e.Pattern.Text}\" is also in label \"{first.Concept}/{first.Label}\" ({first.Field}); every match goes to \"{first.Label}\", declared first.");
            }
            else
            {
                seen[key] = e;
            }

            if (e.Words.Length == 1 && !e.Prefix && !e.Pattern.CaseSensitive && StopWords.Contains(e.Words[0]))
            {
                Add(StopWordPattern, e.Field,
                    $"Pattern \"{e.Pattern.Text}\" is also the common word \"{e.Words[0]}\"; mark it {{ \"text\": \"{e.Pattern.Text}\", \"caseSensitive\": true }} if it is an acronym.");
            }
        }

        var trie = new PatternTrie(entries);
        var reported = new HashSet<(string, string)>();
        var shorterOnes = new List<int>();
        for (var j = 0; j < entries.Count; j++)
        {
            var longer = entries[j];
            shorterOnes.Clear();
            trie.CollectStarts(longer, shorterOnes);
            shorterOnes.Sort();
            foreach (var i in shorterOnes)
            {
                var shorter = entries[i];
                if (i == j || shorter.Label == longer.Label)
                {
                    continue;
                }

                if (longer.Words.Length > shorter.Words.Length)
                {
                    if (reported.Add((longer.Field, shorter.Label)))
                    {
                        Add(OverlappingPatterns, longer.Field,
                            $"Pattern \"{longer.Pattern.Text}\" (label \"{longer.Label}\") starts with \"{shorter.Pattern.Text}\" (label \"{shorter.Label}\", {shorter.Field}); "
                            + $"where both match, the longer wins and \"{shorter.Label}\" is not counted.");
                    }
                }
                else if (shorter.Prefix && !(longer.Prefix && longer.Words[^1] == shorter.Words[^1]) && reported.Add((longer.Field, shorter.Label)))
                {
                    // Same length: a prefix pattern also matches every word the other pattern matches.
                    var winner = i < j ? shorter : longer;
                    Add(OverlappingPatterns, longer.Field,
                        $"Pattern \"{longer.Pattern.Text}\" (label \"{longer.Label}\") is also matched by \"{shorter.Pattern.Text}\" (label \"{shorter.Label}\", {shorter.Field}); "
                        + $"equally long matches go to the label declared first, \"{winner.Label}\".");
                }
            }
        }

        WorkSteps = trie.Steps;
        return warnings
            .OrderBy(w => w.Line ?? int.MaxValue).ThenBy(w => w.Column ?? 0).ThenBy(w => w.Field, StringComparer.Ordinal).ThenBy(w => w.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Trie steps the last <see cref="Validate"/> on this thread took to find overlaps (a deterministic work counter for tests).</summary>
    [ThreadStatic]
    internal static long WorkSteps;

    /// <summary>
    /// The patterns as a trie of words, the shape the matcher compiles them to: the patterns a pattern starts with are
    /// found by walking its own words, in time linear in its words (plus, per trie node, one lookup per distinct length
    /// of the <c>*</c> prefixes there), instead of comparing every pair of patterns (200,000 patterns did not finish in
    /// 8 minutes that way).
    /// </summary>
    private sealed class PatternTrie
    {
        private readonly Dictionary<(int Node, string Word), int> _children = [];
        private readonly Dictionary<int, List<int>> _ends = [];
        private readonly Dictionary<(int Node, string Start), List<int>> _prefixEnds = [];
        private readonly Dictionary<int, SortedSet<int>> _prefixLengths = [];
        private readonly HashSet<(List<int> List, string Label)> _listed = [];

        public PatternTrie(List<Entry> entries)
        {
            for (var e = 0; e < entries.Count; e++)
            {
                var words = entries[e].Words;
                if (words.Length == 0)
                {
                    continue;
                }

                var node = 0;
                for (var w = 0; w < words.Length - 1; w++)
                {
                    node = Child(node, words[w]);
                }

                var last = words[^1];
                if (entries[e].Prefix)
                {
                    AddFirstOfLabel(ListAt(_prefixEnds, (node, last)), e, entries);
                    if (!_prefixLengths.TryGetValue(node, out var lengths))
                    {
                        _prefixLengths[node] = lengths = [];
                    }

                    lengths.Add(last.Length);
                }
                else
                {
                    AddFirstOfLabel(ListAt(_ends, Child(node, last)), e, entries);
                }
            }
        }

        /// <summary>Trie lookups made by <see cref="CollectStarts"/> so far.</summary>
        public long Steps { get; private set; }

        /// <summary>
        /// Adds to <paramref name="found"/> every pattern whose words begin <paramref name="longer"/>'s (its last word a
        /// prefix of the word there when it ends with <c>*</c>) and that has no more words than it, itself included.
        /// </summary>
        public void CollectStarts(Entry longer, List<int> found)
        {
            var node = 0;
            for (var d = 0; d < longer.Words.Length; d++)
            {
                var word = longer.Words[d];
                if (_prefixLengths.TryGetValue(node, out var lengths))
                {
                    foreach (var length in lengths)
                    {
                        if (length > word.Length)
                        {
                            break;
                        }

                        Steps++;
                        if (_prefixEnds.TryGetValue((node, word[..length]), out var prefixed))
                        {
                            found.AddRange(prefixed);
                        }
                    }
                }

                Steps++;
                if (!_children.TryGetValue((node, word), out node))
                {
                    return;
                }

                if (_ends.TryGetValue(node, out var ends))
                {
                    found.AddRange(ends);
                }
            }
        }

        private int Child(int node, string word)
        {
            if (!_children.TryGetValue((node, word), out var child))
            {
                child = _children.Count + 1;
                _children[(node, word)] = child;
            }

            return child;
        }

        /// <summary>
        /// Keeps only the first pattern of each label in a list: the patterns of one list have the same words, and a warning
        /// names the first of a label, so the others would only be skipped (and many copies would make the walk quadratic).
        /// </summary>
        private void AddFirstOfLabel(List<int> list, int entry, List<Entry> entries)
        {
            if (_listed.Add((list, entries[entry].Label)))
            {
                list.Add(entry);
            }
        }

        private static List<int> ListAt<TKey>(Dictionary<TKey, List<int>> lists, TKey key)
            where TKey : notnull
        {
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }

            return list;
        }
    }

    private static string[] Words(FramingPattern pattern, bool hyphenVariants)
    {
        var body = CharFolding.FoldCase(PatternSyntax.Body(pattern.Text));
        var separators = hyphenVariants ? new[] { ' ', '\t', '\n', '\r', '-', '\u2010', '\u2011' } : [' ', '\t', '\n', '\r'];
        return body.Split(separators, StringSplitOptions.RemoveEmptyEntries);
    }

    private sealed record Entry(string Concept, string Label, string Field, FramingPattern Pattern, string[] Words, bool Prefix);
}

/// <summary>Something legal in a lexicon that is probably not meant.</summary>
/// <param name="Code">What kind of warning: <see cref="FramingLexiconValidator.DuplicatePattern"/>, <see cref="FramingLexiconValidator.OverlappingPatterns"/>, <see cref="FramingLexiconValidator.StopWordPattern"/>.</param>
/// <param name="File">The lexicon's origin.</param>
/// <param name="Line">One-based line, when the lexicon was read from JSON.</param>
/// <param name="Column">One-based column, when known.</param>
/// <param name="Field">The field as a path (<c>concepts[0].labels[1].patterns[2]</c>).</param>
/// <param name="Message">What is odd, and what to do about it.</param>
public sealed record LexiconWarning(string Code, string File, int? Line, int? Column, string Field, string Message)
{
    /// <summary>Formats as <c>file:line:column: field: message [code]</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? Column is { } column ? $"{File}:{line}:{column}" : $"{File}:{line}" : File;
        return $"{where}: {Field}: {Message} [{Code}]";
    }
}

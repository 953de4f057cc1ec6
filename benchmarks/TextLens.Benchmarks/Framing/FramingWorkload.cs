using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TextLens.Analyzers.Matching;
using TextLens.Benchmarks.Parsing;
using TextLens.Text;

namespace TextLens.Benchmarks.Framing;

/// <summary>
/// The framing-matcher workload: the news corpus (<see cref="NewsCorpus"/>: BBC news read at run time, or the
/// synthetic fallback) with white space runs collapsed to one space, and lexicons of 50, 1,000 and 10,000 patterns
/// generated from the corpus vocabulary with a fixed seed, so that every contender finds real hits. Each contender
/// is built here and counts the same matches: leftmost-longest, case-insensitive, whole words.
/// </summary>
/// <remarks>
/// <para>
/// The matching rules of the contenders differ at the edges, so the workload is built where they agree: white space
/// is one space (a <c>Regex</c> or <c>SearchValues</c> phrase has exactly one space where TextLens accepts any
/// white space); patterns are ASCII letters only, three letters or more, and only words that TextLens and the
/// regular-expression word boundary <c>\b</c> count equally often in the corpus (this drops, for example, <c>don</c>,
/// which <c>\b</c> finds inside <c>don't</c>); TextLens runs with <see cref="MatchOptions.MatchCompoundParts"/> and
/// without hyphen variants, because <c>\b</c> matches inside <c>long-term</c> and treats a hyphen as no space.
/// Regex alternatives are ordered longest first, so that the first alternative to match is the longest.
/// </para>
/// </remarks>
internal sealed class FramingWorkload
{
    private static readonly Dictionary<(int Patterns, bool Reduced), FramingWorkload> Cache = [];

    private FramingWorkload(int patternCount, bool reduced)
    {
        var corpus = NewsCorpus.Instance;
        // Each text ends with a space: at 10,000 patterns Regex NonBacktracking (.NET 10.0.12) misses a match that ends
        // one character before the end of the input ("... boost profits."), which the other engines find.
        var documents = corpus.Documents.Select(d => new TextDocument(d.Id, CollapseWhiteSpace(d.Text) + " ")).ToArray();
        if (reduced)
        {
            documents = documents.Take(Math.Max(1, documents.Length / ReducedShare)).ToArray();
        }

        Documents = documents;
        Texts = documents.Select(d => d.Text).ToArray();
        TotalChars = Texts.Sum(t => (long)t.Length);
        Source = corpus.Source;
        Patterns = Vocabulary.Instance.Patterns(patternCount);

        var builder = new PhraseMatcherBuilder();
        for (var i = 0; i < Patterns.Length; i++)
        {
            builder.Add(new MatchPattern(Patterns[i], i, MatchOptions.MatchCompoundParts));
        }

        Matcher = builder.Build();
        Alternation = @"\b(?:" + string.Join("|", Patterns.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).Select(Regex.Escape)) + @")\b";
        SearchValues = System.Buffers.SearchValues.Create(Patterns, StringComparison.OrdinalIgnoreCase);
        PatternSet = new HashSet<string>(Patterns, StringComparer.OrdinalIgnoreCase);
        PatternLengths = Patterns.Select(p => p.Length).Distinct().OrderDescending().ToArray();
    }

    /// <summary>The reduced input for Regex Compiled at 10,000 patterns is this fraction (1/n) of the documents.</summary>
    public const int ReducedShare = 20;

    public TextDocument[] Documents { get; }

    public string[] Texts { get; }

    public long TotalChars { get; }

    public string Source { get; }

    public string[] Patterns { get; }

    public PhraseMatcher Matcher { get; }

    public string Alternation { get; }

    public SearchValues<string> SearchValues { get; }

    public HashSet<string> PatternSet { get; }

    public int[] PatternLengths { get; }

    /// <summary>The workload for a lexicon size, on the whole corpus or on the reduced input.</summary>
    public static FramingWorkload For(int patternCount, bool reduced = false)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((patternCount, reduced), out var w))
            {
                Cache[(patternCount, reduced)] = w = new FramingWorkload(patternCount, reduced);
            }

            return w;
        }
    }

    public Regex CreateRegex(RegexOptions engine)
    {
        AppContext.SetData("REGEX_NONBACKTRACKING_MAX_AUTOMATA_SIZE", 2_000_000);
        return new Regex(Alternation, engine | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>TextLens: parse each document (reusing one <see cref="ParsedDocument"/>) and count the matcher's hits.</summary>
    public int CountParseAndMatch(ParsedDocument reused)
    {
        var hits = 0;
        foreach (var d in Documents)
        {
            DocumentParser.Default.Parse(d, reused);
            hits += Matcher.Count(reused);
        }

        return hits;
    }

    /// <summary>TextLens: count the hits in documents parsed beforehand.</summary>
    public int CountMatchOnly(ParsedDocument[] parsed)
    {
        var hits = 0;
        foreach (var p in parsed)
        {
            hits += Matcher.Count(p);
        }

        return hits;
    }

    public ParsedDocument[] ParseAll() => Documents.Select(d => DocumentParser.Default.Parse(d)).ToArray();

    public int CountRegex(Regex regex)
    {
        var hits = 0;
        foreach (var t in Texts)
        {
            hits += regex.Count(t);
        }

        return hits;
    }

    /// <summary>
    /// <c>SearchValues&lt;string&gt;</c> finds where some pattern starts; the longest pattern there with a word boundary on
    /// both sides is the hit (looked up by length in a case-insensitive set); otherwise the search goes on one
    /// character later.
    /// </summary>
    public int CountSearchValues()
    {
        var hits = 0;
        var lookup = PatternSet.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var t in Texts)
        {
            var span = t.AsSpan();
            var at = 0;
            while (at < span.Length)
            {
                var found = span[at..].IndexOfAny(SearchValues);
                if (found < 0)
                {
                    break;
                }

                var i = at + found;
                var length = 0;
                if (i == 0 || !IsWordChar(span[i - 1]))
                {
                    foreach (var l in PatternLengths)
                    {
                        if (i + l <= span.Length && (i + l == span.Length || !IsWordChar(span[i + l])) && lookup.Contains(span.Slice(i, l)))
                        {
                            length = l;
                            break;
                        }
                    }
                }

                if (length > 0)
                {
                    hits++;
                    at = i + length;
                }
                else
                {
                    at = i + 1;
                }
            }
        }

        return hits;
    }

    /// <summary>The word characters of the regular-expression word boundary <c>\b</c>.</summary>
    private static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation
            || c is '\u200D' or '\u200C';
    }

    private static string CollapseWhiteSpace(string text) => WhiteSpaceRuns.Collapse(text);

    /// <summary>Words and phrases of the corpus that every contender counts alike, and the lexicons drawn from them.</summary>
    private sealed class Vocabulary
    {
        private static readonly Lazy<Vocabulary> Shared = new(() => new Vocabulary());

        private readonly string[] _words;
        private readonly string[] _phrases;

        private Vocabulary()
        {
            var corpus = NewsCorpus.Instance;
            var textLens = new Dictionary<string, int>(StringComparer.Ordinal);
            var regex = new Dictionary<string, int>(StringComparer.Ordinal);
            var bigrams = new Dictionary<string, int>(StringComparer.Ordinal);
            var parsed = new ParsedDocument();
            var wordRegex = new Regex(@"\w+", RegexOptions.CultureInvariant);
            foreach (var d in corpus.Documents)
            {
                var text = CollapseWhiteSpace(d.Text);
                DocumentParser.Default.Parse(new TextDocument(d.Id, text), parsed);
                string? previous = null;
                foreach (var t in parsed.Tokens)
                {
                    if (t.PartCount >= 2)
                    {
                        foreach (var p in parsed.PartsOf(t))
                        {
                            Count(textLens, parsed.KeyOf(p).ToString());
                        }

                        previous = null;
                        continue;
                    }

                    var key = parsed.KeyOf(t).ToString();
                    Count(textLens, key);
                    if (previous is not null && IsPlain(key) && IsPlain(previous) && t.Has(TokenFlags.SpaceBefore))
                    {
                        Count(bigrams, previous + " " + key);
                    }

                    previous = t.IsWordLike ? key : null;
                }

                foreach (Match m in wordRegex.Matches(text))
                {
                    Count(regex, m.Value.ToLowerInvariant());
                }
            }

            // Plain words that both notions of a word count equally often, by frequency, then alphabetically (deterministic).
            _words = textLens.Where(kv => IsPlain(kv.Key) && regex.GetValueOrDefault(kv.Key) == kv.Value)
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToArray();
            var safe = _words.ToHashSet(StringComparer.Ordinal);
            _phrases = bigrams.Where(kv => kv.Value >= 2 && kv.Key.Split(' ').All(safe.Contains))
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToArray();
        }

        public static Vocabulary Instance => Shared.Value;

        /// <summary>
        /// <paramref name="count"/> distinct patterns, about one in four a two-word phrase, drawn with a fixed seed
        /// from the words and phrases below the 100 most frequent (which would make every contender mostly count stop words).
        /// </summary>
        public string[] Patterns(int count)
        {
            var random = new Random(20_230_919 + count);
            var words = _words.Skip(100).ToArray();
            var phrases = _phrases.Skip(100).ToArray();
            var chosen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<string>(count);
            while (result.Count < count && chosen.Count < words.Length + phrases.Length)
            {
                var usePhrase = phrases.Length > 0 && random.Next(4) == 0;
                var pool = usePhrase ? phrases : words;
                // Favour frequent entries (square of a uniform draw), so hits are plentiful.
                var index = (int)(Math.Pow(random.NextDouble(), 2) * Math.Min(pool.Length, count * 4));
                if (chosen.Add(pool[index]))
                {
                    result.Add(pool[index]);
                }
            }

            return result.ToArray();
        }

        private static bool IsPlain(string key)
        {
            if (key.Length < 3)
            {
                return false;
            }

            foreach (var c in key)
            {
                if (c is < 'a' or > 'z')
                {
                    return false;
                }
            }

            return true;
        }

        private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}

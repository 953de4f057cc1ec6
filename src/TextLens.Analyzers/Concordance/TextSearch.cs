using System.Text.RegularExpressions;
using TextLens.Analyzers.Matching;
using TextLens.Reports;
using TextLens.Text;

namespace TextLens.Concordance;

/// <summary>
/// A search for patterns in the tokens of documents, as quanteda's <c>kwic</c>: a word (<c>tractor</c>), a glob with a
/// trailing <c>*</c> (<c>separatist*</c>), a phrase (<c>ethnic cleansing</c>, <c>anti-terrorist operation*</c>) or, with
/// <see cref="TextSearchOptions.Regex"/>, regular expressions. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Words, globs and phrases are compiled into the framing analyzer's matcher and follow its rules: tokens are compared by
/// their case-folded keys, a hyphen in a pattern also matches a space or nothing (<c>anti-terrorist</c> =
/// <c>anti terrorist</c> = <c>antiterrorist</c>), a trailing <c>*</c> matches any word that starts with the prefix,
/// diacritics are ignored when <see cref="TextSearchOptions.FoldDiacritics"/> is set, and a pattern does not match part of a
/// hyphenated compound (<c>terrorist</c> does not find <c>anti-terrorist</c>). <c>*</c> elsewhere and <c>?</c> are refused:
/// use a regular expression for them.
/// </para>
/// <para>
/// With <see cref="TextSearchOptions.Regex"/>, each white-space separated part of a pattern is a .NET regular expression
/// matched against one token, ignoring case and found anywhere in the token unless anchored (<c>^separat</c>,
/// <c>ism$</c>); a pattern of several parts matches that many consecutive tokens (quanteda's <c>phrase()</c>).
/// </para>
/// <para>
/// Matches are leftmost-longest and do not overlap; between equally long matches at one place the pattern given first wins.
/// </para>
/// </remarks>
public sealed class TextSearch
{
    /// <summary>The layer of the KWIC lines of a text search.</summary>
    public const string Layer = "text";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private readonly PhraseMatcher? _matcher;
    private readonly Regex[][]? _regexes;
    private readonly string[] _kinds;

    private TextSearch(IReadOnlyList<string> patterns, TextSearchOptions options, PhraseMatcher? matcher, Regex[][]? regexes, string[] kinds)
    {
        Patterns = patterns;
        Options = options;
        _matcher = matcher;
        _regexes = regexes;
        _kinds = kinds;
    }

    /// <summary>The patterns, trimmed, in the order given.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>How the patterns are compared with the text.</summary>
    public TextSearchOptions Options { get; }

    /// <summary>Compiles patterns.</summary>
    /// <param name="patterns">One or more patterns.</param>
    /// <param name="options">How they are compared; the defaults when <see langword="null"/>.</param>
    /// <param name="parser">The parser that tokenizes the documents (and so the patterns); <see cref="DocumentParser.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">No pattern, or a pattern that is empty, not a valid glob or not a valid regular expression (the message names it).</exception>
    public static TextSearch Create(IReadOnlyList<string> patterns, TextSearchOptions? options = null, DocumentParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        options ??= new TextSearchOptions();
        if (patterns.Count == 0)
        {
            throw new ArgumentException("Give at least one pattern.");
        }

        var trimmed = patterns.Select(p => (p ?? "").Trim()).ToArray();
        var kinds = new string[trimmed.Length];
        if (options.Regex)
        {
            var regexes = new Regex[trimmed.Length][];
            for (var i = 0; i < trimmed.Length; i++)
            {
                regexes[i] = CompileRegex(trimmed[i]);
                kinds[i] = "regex";
            }

            return new TextSearch(trimmed, options, null, regexes, kinds);
        }

        var builder = new PhraseMatcherBuilder();
        var matchOptions = MatchOptions.HyphenVariants | (options.FoldDiacritics ? MatchOptions.FoldDiacritics : MatchOptions.None);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var p = trimmed[i];
            var fault = PatternSyntax.Check(p) ?? (p.Contains('?', StringComparison.Ordinal) ? "'?' is not a wildcard in a glob." : null);
            if (fault is not null)
            {
                throw new ArgumentException($"Pattern \"{p}\": {fault} A glob takes '*' only at its end (separatist*); use a regular expression for anything else.");
            }

            builder.Add(new MatchPattern(p, i, matchOptions));
            kinds[i] = PatternSyntax.Body(p).AsSpan().IndexOfAny(' ', '\t') >= 0 ? "phrase" : PatternSyntax.IsPrefix(p) ? "glob" : "word";
        }

        return new TextSearch(trimmed, options, builder.Build(parser), null, kinds);
    }

    /// <summary>What kind of pattern the one at <paramref name="index"/> is: <c>word</c>, <c>glob</c>, <c>phrase</c> or <c>regex</c>.</summary>
    public string KindOf(int index) => _kinds[index];

    /// <summary>Adds every match in a parsed document to <paramref name="matches"/>, left to right.</summary>
    /// <exception cref="RegexMatchTimeoutException">A regular expression ran for more than a second on one token.</exception>
    public void FindAll(ParsedDocument document, List<TextMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(matches);
        if (_matcher is not null)
        {
            foreach (var m in _matcher.Matches(document))
            {
                matches.Add(new TextMatch(m.Start, m.Length, m.Payload));
            }

            return;
        }

        var tokens = document.Tokens;
        var i = 0;
        while (i < tokens.Length)
        {
            var best = -1;
            var bestTokens = 0;
            for (var p = 0; p < _regexes!.Length; p++)
            {
                var parts = _regexes[p];
                if (parts.Length > bestTokens && i + parts.Length <= tokens.Length && MatchesAt(document, tokens, i, parts))
                {
                    best = p;
                    bestTokens = parts.Length;
                }
            }

            if (best < 0)
            {
                i++;
                continue;
            }

            var start = tokens[i].Start;
            matches.Add(new TextMatch(start, tokens[i + bestTokens - 1].End - start, best));
            i += bestTokens;
        }
    }

    /// <summary>
    /// The KWIC lines of the matches in a parsed document: layer <see cref="Layer"/>, category the kind of pattern
    /// (<see cref="KindOf"/>), label the pattern.
    /// </summary>
    /// <param name="document">The parsed document.</param>
    /// <param name="contextTokens">Tokens of context on each side (punctuation counts as a token).</param>
    /// <param name="group">The group to record on each line, when known.</param>
    /// <param name="period">The period to record on each line, when known.</param>
    public IReadOnlyList<KwicLine> Lines(ParsedDocument document, int contextTokens = 8, string? group = null, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegative(contextTokens);
        var matches = new List<TextMatch>();
        FindAll(document, matches);
        var options = new KwicOptions { ContextTokens = contextTokens };
        var lines = new List<KwicLine>(matches.Count);
        foreach (var m in matches)
        {
            var annotation = new Annotation(Layer, m.Start, m.Length, _kinds[m.Pattern], Patterns[m.Pattern]);
            lines.Add(Kwic.Line(document, annotation, options, group, period)!);
        }

        return lines;
    }

    private bool MatchesAt(ParsedDocument document, ReadOnlySpan<Token> tokens, int first, Regex[] parts)
    {
        for (var k = 0; k < parts.Length; k++)
        {
            ref readonly var t = ref tokens[first + k];
            var text = Options.FoldDiacritics ? document.FoldedKeyOf(t) : document.TextOf(t);
            if (!parts[k].IsMatch(text))
            {
                return false;
            }
        }

        return true;
    }

    private static Regex[] CompileRegex(string pattern)
    {
        var parts = pattern.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException("The pattern is empty.");
        }

        var result = new Regex[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            try
            {
                result[i] = new Regex(parts[i], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"\"{parts[i]}\" is not a valid regular expression: {ex.Message}", ex);
            }
        }

        return result;
    }
}

/// <summary>How a <see cref="TextSearch"/> compares its patterns with the text.</summary>
public sealed record TextSearchOptions
{
    /// <summary>Each white-space separated part of a pattern is a regular expression matched against one token. Default off (globs).</summary>
    public bool Regex { get; init; }

    /// <summary>Ignore diacritics on both sides (<c>Şuşa</c> = <c>Susa</c>), as a framing lexicon with <c>foldDiacritics</c>. Default off.</summary>
    public bool FoldDiacritics { get; init; }
}

/// <summary>A match of a <see cref="TextSearch"/>.</summary>
/// <param name="Start">Offset of the first character in the document text.</param>
/// <param name="Length">Number of characters (from the start of the first token to the end of the last).</param>
/// <param name="Pattern">The index of the pattern that matched.</param>
public readonly record struct TextMatch(int Start, int Length, int Pattern)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}

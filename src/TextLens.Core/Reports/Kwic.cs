using System.Text;
using System.Text.RegularExpressions;
using TextLens.Text;

namespace TextLens.Reports;

/// <summary>
/// Keyword-in-context lines for annotations of any layer (framing labels, entities, attributions): each match with
/// the tokens around it, so every count can be checked by eye. Contexts come from the document text, tokenized
/// by the <see cref="DocumentParser"/>, so lines can be rebuilt from <c>annotations.jsonl</c> and the corpus alone.
/// </summary>
public static class Kwic
{
    /// <summary>The KWIC lines of a document result (its document's text and annotations).</summary>
    /// <param name="result">A document result; skipped records give no line.</param>
    /// <param name="options">Context size and filters; defaults when <see langword="null"/>.</param>
    /// <param name="parsed">The parsed document when the caller has it (it must be of the same text); parsed here otherwise.</param>
    public static IEnumerable<KwicLine> Lines(DocumentResult result, KwicOptions? options = null, ParsedDocument? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Document is not { } document)
        {
            return [];
        }

        parsed ??= DocumentParser.Default.Parse(document);
        return Lines(parsed, result.Annotations, options, result.Group, result.Period);
    }

    /// <summary>The KWIC lines of annotations over a document's text (tokenized here).</summary>
    /// <param name="documentId">The document id.</param>
    /// <param name="text">The document text the annotation offsets refer to.</param>
    /// <param name="annotations">The annotations.</param>
    /// <param name="options">Context size and filters.</param>
    public static IEnumerable<KwicLine> Lines(string documentId, string text, IEnumerable<Annotation> annotations, KwicOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(text);
        var parsed = DocumentParser.Default.Parse(new TextDocument(documentId, text));
        return Lines(parsed, annotations, options);
    }

    /// <summary>The KWIC lines of annotations over a parsed document, in the order of the annotations.</summary>
    /// <param name="document">The parsed document.</param>
    /// <param name="annotations">The annotations; those outside the text are skipped.</param>
    /// <param name="options">Context size and filters.</param>
    /// <param name="group">The group to record on each line, when known.</param>
    /// <param name="period">The period to record on each line, when known.</param>
    public static IEnumerable<KwicLine> Lines(ParsedDocument document, IEnumerable<Annotation> annotations, KwicOptions? options = null,
        string? group = null, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(annotations);
        options ??= KwicOptions.Default;
        var lines = new List<KwicLine>();
        foreach (var a in annotations)
        {
            if (Line(document, a, options, group, period) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>The KWIC line of one annotation, or <see langword="null"/> when the options filter it out or it lies outside the text.</summary>
    public static KwicLine? Line(ParsedDocument document, Annotation annotation, KwicOptions options, string? group = null, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(annotation);
        ArgumentNullException.ThrowIfNull(options);
        var text = document.Text;
        if (annotation.Start < 0 || annotation.Length < 0 || annotation.End > text.Length || !options.Accepts(annotation, text))
        {
            return null;
        }

        var tokens = document.Tokens;
        var n = options.ContextTokens;
        var leftStart = annotation.Start;
        var rightEnd = annotation.End;
        if (n > 0 && tokens.Length > 0)
        {
            // n tokens before the token the match starts in (and the part of that token before the match).
            var first = Math.Min(document.TokenIndexAt(annotation.Start), tokens.Length - 1);
            leftStart = Math.Min(tokens[Math.Max(0, first - n)].Start, annotation.Start);

            // The rest of the token the match ends in, then n tokens after it.
            var last = annotation.Length == 0 ? first - 1 : Math.Min(document.TokenIndexAt(annotation.End - 1), tokens.Length - 1);
            var right = Math.Min(tokens.Length - 1, last + n);
            rightEnd = right >= 0 ? Math.Max(tokens[right].End, annotation.End) : annotation.End;
        }

        return new KwicLine(document.Document.Id, annotation.Layer, annotation.Category, annotation.Label, annotation.Start, annotation.Length,
            Normalize(text.AsSpan(leftStart, annotation.Start - leftStart)),
            Normalize(text.AsSpan(annotation.Start, annotation.Length)),
            Normalize(text.AsSpan(annotation.End, rightEnd - annotation.End)))
        {
            Group = group,
            Period = period,
            Facets = annotation.Facets,
        };
    }

    /// <summary>Collapses every run of white space (line breaks included) into one space and trims the ends.</summary>
    public static string Normalize(ReadOnlySpan<char> text) => Text.WhiteSpaceRuns.Collapse(text);
}

/// <summary>One keyword-in-context line.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Layer">The annotation's layer.</param>
/// <param name="Category">The annotation's category (a framing concept, an entity type).</param>
/// <param name="Label">The annotation's label.</param>
/// <param name="Start">Offset of the match in the document text (UTF-16).</param>
/// <param name="Length">Length of the match.</param>
/// <param name="Left">The tokens before the match, white space normalised.</param>
/// <param name="Text">The matched text, white space normalised.</param>
/// <param name="Right">The tokens after the match, white space normalised.</param>
public sealed record KwicLine(string DocumentId, string Layer, string Category, string Label, int Start, int Length, string Left, string Text, string Right)
{
    /// <summary>The group the document was counted under, when known.</summary>
    public string? Group { get; init; }

    /// <summary>The period the document was counted under, when known.</summary>
    public string? Period { get; init; }

    /// <summary>The annotation's facets.</summary>
    public IReadOnlyList<AnnotationFacet> Facets { get; init; } = [];

    /// <summary>The value of a facet, or <see langword="null"/>.</summary>
    public string? Facet(string key) => Facets.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal)).Value;
}

/// <summary>What KWIC lines to make: how much context, and which annotations (every filter set must accept an annotation).</summary>
public sealed class KwicOptions
{
    internal static readonly KwicOptions Default = new();

    /// <summary>Tokens of context on each side (punctuation counts as a token). Default 8.</summary>
    public int ContextTokens { get; init; } = 8;

    /// <summary>Only these layers (<c>framing</c>, <c>entity</c>); all when <see langword="null"/>.</summary>
    public IReadOnlySet<string>? Layers { get; init; }

    /// <summary>Only these categories (framing concepts, entity types); all when <see langword="null"/>.</summary>
    public IReadOnlySet<string>? Categories { get; init; }

    /// <summary>Only these labels; all when <see langword="null"/>.</summary>
    public IReadOnlySet<string>? Labels { get; init; }

    /// <summary>Only annotations whose matched text matches this expression; all when <see langword="null"/>.</summary>
    public Regex? TextPattern { get; init; }

    /// <summary>Any further condition on the annotation; all when <see langword="null"/>.</summary>
    public Func<Annotation, bool>? Where { get; init; }

    /// <summary>Whether an annotation over <paramref name="text"/> passes every filter.</summary>
    public bool Accepts(Annotation annotation, string text)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        ArgumentNullException.ThrowIfNull(text);
        return (Layers is null || Layers.Contains(annotation.Layer))
            && (Categories is null || Categories.Contains(annotation.Category))
            && (Labels is null || Labels.Contains(annotation.Label))
            && (TextPattern is null || TextPattern.IsMatch(text.AsSpan(annotation.Start, annotation.Length)))
            && (Where is null || Where(annotation));
    }
}

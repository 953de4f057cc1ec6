using TextLens.Text;

namespace TextLens.Vocabulary;

/// <summary>
/// Counts the whole vocabulary in one pass over the parsed tokens: one annotation of layer <c>vocabulary</c> per word
/// (category <c>word</c>) and, when asked, per pair of adjacent words (category <c>bigram</c>, the two keys joined by one
/// space, so a bigram is also a phrase pattern for <c>kwic</c>). The label is the word's folded key, as the framing matcher
/// compares words: case-folded, diacritics folded too when <see cref="VocabularyOptions.FoldDiacritics"/> is set. Numbers,
/// punctuation, clitics, symbols, URLs and e-mail addresses are not words; a hyphenated compound is one word
/// (<c>anti-terrorist</c>). Annotations are <see cref="Annotation.OpenVocabulary"/> and the descriptor's
/// <see cref="AnalyzerDescriptor.WritesAnnotationRows"/> is <see langword="false"/>: they feed the counts per group and
/// period, not the annotation files. Immutable and thread-safe.
/// </summary>
internal sealed class VocabularyAnalyzer : IAnalyzer
{
    public const string AnalyzerId = "textlens.vocabulary";
    public const string LayerName = "vocabulary";
    public const string WordCategory = "word";
    public const string BigramCategory = "bigram";

    private readonly bool _bigrams;
    private readonly bool _foldDiacritics;

    public VocabularyAnalyzer(VocabularyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bigrams = options.Bigrams;
        _foldDiacritics = options.FoldDiacritics;
        Descriptor = new AnalyzerDescriptor(AnalyzerId, 1, LayerName)
        {
            Options = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["bigrams"] = _bigrams ? "true" : "false",
                ["foldDiacritics"] = _foldDiacritics ? "true" : "false",
            },
            WritesAnnotationRows = false,
        };
    }

    /// <inheritdoc />
    public AnalyzerDescriptor Descriptor { get; }

    /// <inheritdoc />
    public void Analyze(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document;
        var tokens = document.Tokens;
        var labels = VocabularyLabels.ForThisThread();
        var previous = -1; // the index of the previous token when it was a word, else -1
        var previousHash = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var t = ref tokens[i];
            if (t.Kind != TokenKind.Word)
            {
                previous = -1;
                continue;
            }

            var key = KeyOf(document, t, out var hash);
            context.Add(new Annotation(LayerName, t.Start, t.Length, WordCategory, labels.Word(key, hash)) { OpenVocabulary = true });
            if (_bigrams && previous >= 0)
            {
                ref readonly var p = ref tokens[previous];
                var first = KeyOf(document, p, out _);
                context.Add(new Annotation(LayerName, p.Start, t.End - p.Start, BigramCategory, labels.Bigram(first, previousHash, key, hash)) { OpenVocabulary = true });
            }

            previous = i;
            previousHash = hash;
        }
    }

    /// <summary>The key a word is counted under, and its hash.</summary>
    private ReadOnlySpan<char> KeyOf(ParsedDocument document, in Token token, out int hash)
    {
        if (_foldDiacritics && token.Has(TokenFlags.NonAscii))
        {
            var folded = document.FoldedKeyOf(token);
            hash = TokenKeyHash.Compute(folded);
            return folded;
        }

        hash = token.KeyHash;
        return document.KeyOf(token);
    }
}

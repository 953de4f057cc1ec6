using TextLens.Text;

namespace TextLens.Samples.CustomAnalyzer;

/// <summary>
/// Finds hedges and boosters as sequences of whole words (case-insensitive, separated by whitespace only) and
/// writes one annotation per match on layer <c>hedging</c>: category <c>hedge</c> or <c>booster</c>, label the
/// term, facet <c>voice</c> = <c>quoted</c> inside a quotation, else <c>authorial</c>. Where terms overlap the
/// longest wins. Immutable and thread-safe.
/// </summary>
internal sealed class HedgingAnalyzer : IAnalyzer
{
    private static readonly AnnotationFacet Quoted = new("voice", "quoted");
    private static readonly AnnotationFacet Authorial = new("voice", "authorial");

    // Terms by the hash of their first word's folded key, longest first: a lookup per word token, no allocation.
    private readonly Dictionary<int, Entry[]> _byFirstWord;

    public HedgingAnalyzer(HedgingOptions options, HedgingLexicon lexicon)
    {
        var faults = new List<string>();
        var terms = lexicon.Terms.Where(t => options.Counts(t.Category) && (options.CountModalVerbs || !t.Modal)).ToList();
        AddExtra(options.ExtraHedges, HedgingCategory.Hedge, nameof(HedgingOptions.ExtraHedges));
        AddExtra(options.ExtraBoosters, HedgingCategory.Booster, nameof(HedgingOptions.ExtraBoosters));
        if (faults.Count > 0)
        {
            throw new TextLensConfigurationException(faults);
        }

        _byFirstWord = terms
            .Select(t => new Entry(t.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => CharFolding.FoldCase(w)).ToArray(),
                HedgingOptions.NameOf(t.Category), string.Join(' ', t.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant()))
            .DistinctBy(e => string.Join(' ', e.Words))
            .GroupBy(e => TokenKeyHash.Compute(e.Words[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToArray());

        Descriptor = new AnalyzerDescriptor("samples.hedging", 1, "hedging")
        {
            Options = options.ToManifest(),
            Lexicons = [lexicon.Info],
        };

        void AddExtra(IList<string> extra, HedgingCategory category, string key)
        {
            for (var i = 0; i < extra.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(extra[i]) || !extra[i].Any(char.IsLetterOrDigit))
                {
                    faults.Add($"{key}:{i}: '{extra[i]}' is not a term; write one or more words separated by spaces.");
                }
                else if (options.Counts(category))
                {
                    terms.Add(new HedgingTerm(extra[i], category, Modal: false));
                }
            }
        }
    }

    public AnalyzerDescriptor Descriptor { get; }

    public void Analyze(AnalysisContext context)
    {
        var doc = context.Document;
        var tokens = doc.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!tokens[i].IsWordLike || !_byFirstWord.TryGetValue(tokens[i].KeyHash, out var candidates))
            {
                continue;
            }

            foreach (var entry in candidates)
            {
                if (!Matches(doc, tokens, i, entry.Words))
                {
                    continue;
                }

                var start = tokens[i].Start;
                var end = tokens[i + entry.Words.Length - 1].End;
                context.Add(new Annotation("hedging", start, end - start, entry.Category, entry.Label)
                {
                    Facets = [doc.QuoteIndexAt(start) >= 0 ? Quoted : Authorial],
                });
                i += entry.Words.Length - 1;
                break;
            }
        }
    }

    private static bool Matches(ParsedDocument doc, ReadOnlySpan<Token> tokens, int first, string[] words)
    {
        if (first + words.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            ref readonly var token = ref tokens[first + k];
            if (!token.IsWordLike || !doc.KeyOf(token).SequenceEqual(words[k]))
            {
                return false;
            }

            if (k > 0)
            {
                var gap = doc.Text.AsSpan(tokens[first + k - 1].End, token.Start - tokens[first + k - 1].End);
                if (gap.IsEmpty || !gap.IsWhiteSpace())
                {
                    return false;
                }
            }
        }

        return true;
    }

    private sealed record Entry(string[] Words, string Category, string Label);
}

using System.Globalization;

namespace TextLens.Analyzers.Attribution;

/// <summary>Options of the attribution analyzer (<c>textlens.attribution/1</c>); validated when the analyzer is added.</summary>
public sealed class AttributionOptions
{
    /// <summary>Whether the embedded default cue lexicon is used (default <see langword="true"/>); lexicon files extend or override it.</summary>
    public bool IncludeDefaultCues { get; set; } = true;

    /// <summary>Cue lexicon files (JSON) loaded after the default, in order; a later lexicon overrides an earlier one's verb forms, phrases and nouns.</summary>
    public IList<string> CueLexiconFiles { get; } = [];

    /// <summary>Cue lexicons given in code, loaded after the files.</summary>
    public IList<CueLexicon> CueLexicons { get; } = [];

    /// <summary>Whether <c>he</c>, <c>she</c>, <c>it</c>, <c>they</c>, <c>who</c> (and <c>we</c>/<c>I</c> inside a quotation) are resolved to an earlier source (default <see langword="true"/>).</summary>
    public bool ResolvePronouns { get; set; } = true;

    /// <summary>Whether definite descriptions (<c>the ministry</c>, <c>the commander</c>) are resolved to an earlier named source (default <see langword="true"/>).</summary>
    public bool ResolveDescriptions { get; set; } = true;

    /// <summary>How many tokens (adverbs, auxiliaries, time phrases, <c>in a statement</c>) may stand between a source and its verb (default 6, 0 to 32).</summary>
    public int MaxSourceDistanceTokens { get; set; } = 6;

    /// <summary>The longest source noun phrase, in tokens (default 16, 1 to 64).</summary>
    public int MaxSourceTokens { get; set; } = 16;

    /// <summary>How many sentences back a pronoun or description looks for its antecedent (default 12, 1 to 200).</summary>
    public int MaxAntecedentSentences { get; set; } = 12;

    /// <summary>
    /// Whether a quotation without its own cue that directly follows an attribution (a quotation, or indirect speech when
    /// the quotation opens its sentence) continues it, as an attribution of its own with the same source and cue
    /// (default <see langword="true"/>).
    /// </summary>
    public bool ContinueQuotations { get; set; } = true;

    /// <summary>Whether bylines, agency credits, <c>Source Link</c> and reprint notes are written as document facets (default <see langword="true"/>).</summary>
    public bool DetectProvenance { get; set; } = true;

    /// <summary>Adds a cue lexicon file (fluent).</summary>
    public AttributionOptions AddCueLexiconFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CueLexiconFiles.Add(path);
        return this;
    }

    /// <summary>Throws when an option is out of range or no cue lexicon is configured, naming every fault.</summary>
    /// <exception cref="TextLensConfigurationException">An option is invalid.</exception>
    public void Validate()
    {
        var faults = new List<string>();
        Range(faults, nameof(MaxSourceDistanceTokens), MaxSourceDistanceTokens, 0, 32);
        Range(faults, nameof(MaxSourceTokens), MaxSourceTokens, 1, 64);
        Range(faults, nameof(MaxAntecedentSentences), MaxAntecedentSentences, 1, 200);
        if (!IncludeDefaultCues && CueLexiconFiles.Count == 0 && CueLexicons.Count == 0)
        {
            faults.Add("Attribution: IncludeDefaultCues is false and no cue lexicon file or lexicon is given.");
        }

        for (var i = 0; i < CueLexiconFiles.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(CueLexiconFiles[i]))
            {
                faults.Add(string.Create(CultureInfo.InvariantCulture, $"Attribution: CueLexiconFiles[{i}] is empty."));
            }
        }

        if (CueLexicons.Any(l => l is null))
        {
            faults.Add("Attribution: CueLexicons contains null.");
        }

        if (faults.Count > 0)
        {
            throw new TextLensConfigurationException(faults);
        }
    }

    /// <summary>The options as invariant strings, for the manifest.</summary>
    internal Dictionary<string, string> ToManifest() => new(StringComparer.Ordinal)
    {
        [nameof(IncludeDefaultCues)] = Bool(IncludeDefaultCues),
        [nameof(CueLexiconFiles)] = string.Join(";", CueLexiconFiles),
        [nameof(ResolvePronouns)] = Bool(ResolvePronouns),
        [nameof(ResolveDescriptions)] = Bool(ResolveDescriptions),
        [nameof(MaxSourceDistanceTokens)] = MaxSourceDistanceTokens.ToString(CultureInfo.InvariantCulture),
        [nameof(MaxSourceTokens)] = MaxSourceTokens.ToString(CultureInfo.InvariantCulture),
        [nameof(MaxAntecedentSentences)] = MaxAntecedentSentences.ToString(CultureInfo.InvariantCulture),
        [nameof(ContinueQuotations)] = Bool(ContinueQuotations),
        [nameof(DetectProvenance)] = Bool(DetectProvenance),
    };

    /// <summary>A snapshot, so that changing the options after the analyzer is built has no effect on it.</summary>
    internal AttributionOptions Clone()
    {
        var copy = new AttributionOptions
        {
            IncludeDefaultCues = IncludeDefaultCues,
            ResolvePronouns = ResolvePronouns,
            ResolveDescriptions = ResolveDescriptions,
            MaxSourceDistanceTokens = MaxSourceDistanceTokens,
            MaxSourceTokens = MaxSourceTokens,
            MaxAntecedentSentences = MaxAntecedentSentences,
            ContinueQuotations = ContinueQuotations,
            DetectProvenance = DetectProvenance,
        };
        foreach (var f in CueLexiconFiles)
        {
            copy.CueLexiconFiles.Add(f);
        }

        foreach (var l in CueLexicons)
        {
            copy.CueLexicons.Add(l);
        }

        return copy;
    }

    private static string Bool(bool b) => b ? "true" : "false";

    private static void Range(List<string> faults, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            faults.Add(string.Create(CultureInfo.InvariantCulture, $"Attribution: {name} must be between {min} and {max} (was {value})."));
        }
    }
}

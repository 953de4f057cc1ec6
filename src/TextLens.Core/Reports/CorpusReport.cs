namespace TextLens.Reports;

/// <summary>
/// The result of analysing a corpus: the manifest that makes it reproducible, then tidy tables computed from
/// the merged counts. Serialised as JSON with <see cref="TextLensJsonContext"/> (camelCase).
/// </summary>
public sealed class CorpusReport
{
    /// <summary>What ran, on what, with which options and lexicons; what was skipped and why.</summary>
    public required ReportManifest Manifest { get; init; }

    /// <summary>Documents, tokens and characters per group and period.</summary>
    public IReadOnlyList<CorpusOverviewRow> Corpus { get; init; } = [];

    /// <summary>Mentions, documents, rate and share of every (layer, category, label) per group and period.</summary>
    public IReadOnlyList<LabelStatistic> Labels { get; init; } = [];

    /// <summary>Mentions of every facet value of every label per group and period.</summary>
    public IReadOnlyList<FacetStatistic> Facets { get; init; } = [];

    /// <summary>Documents per document-level facet value (bylines, credits) per group and period.</summary>
    public IReadOnlyList<DocumentFacetStatistic> DocumentFacets { get; init; } = [];

    /// <summary>Further tables contributed by analyzers and statistics (log-odds, keyness, co-occurrence, ...).</summary>
    public IReadOnlyList<ReportTable> Tables { get; init; } = [];
}

/// <summary>Documents, tokens and characters of one group and period.</summary>
/// <param name="Group">The group value (for example the outlet), <c>all</c> for the whole corpus.</param>
/// <param name="Period">The period (<c>2023-09</c>), <c>all</c> for every period, <c>unknown</c> for undated documents.</param>
/// <param name="Documents">Documents analysed.</param>
/// <param name="Tokens">Word and number tokens (the denominator of rates).</param>
/// <param name="Characters">Characters of text.</param>
public sealed record CorpusOverviewRow(string Group, string Period, long Documents, long Tokens, long Characters);

/// <summary>Counts and rates of one label in one group and period.</summary>
/// <param name="Group">The group value.</param>
/// <param name="Period">The period.</param>
/// <param name="Layer">The layer (<c>framing</c>).</param>
/// <param name="Category">The category (a concept, an entity type).</param>
/// <param name="Label">The label.</param>
/// <param name="Mentions">Annotations with this label.</param>
/// <param name="Documents">Documents with at least one such annotation.</param>
/// <param name="RatePer10kTokens">Mentions per 10,000 tokens of the group and period.</param>
/// <param name="ShareInCategory">Mentions of the label divided by mentions of every label of its category, same group and period.</param>
public sealed record LabelStatistic(string Group, string Period, string Layer, string Category, string Label,
    long Mentions, long Documents, double RatePer10kTokens, double ShareInCategory);

/// <summary>Mentions of one facet value of one label in one group and period.</summary>
/// <param name="Group">The group value.</param>
/// <param name="Period">The period.</param>
/// <param name="Layer">The layer.</param>
/// <param name="Category">The category.</param>
/// <param name="Label">The label.</param>
/// <param name="Facet">The facet name (<c>voice</c>).</param>
/// <param name="Value">The facet value (<c>quoted</c>).</param>
/// <param name="Mentions">Annotations of the label with this value.</param>
/// <param name="ShareOfLabel">Mentions divided by the label's mentions in the same group and period.</param>
public sealed record FacetStatistic(string Group, string Period, string Layer, string Category, string Label,
    string Facet, string Value, long Mentions, double ShareOfLabel);

/// <summary>Documents having one document-level facet value in one group and period.</summary>
/// <param name="Group">The group value.</param>
/// <param name="Period">The period.</param>
/// <param name="Facet">The facet name (<c>byline</c>).</param>
/// <param name="Value">The value.</param>
/// <param name="Documents">Documents with this value.</param>
public sealed record DocumentFacetStatistic(string Group, string Period, string Facet, string Value, long Documents);

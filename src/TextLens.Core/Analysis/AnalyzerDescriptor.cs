using System.Text.RegularExpressions;

namespace TextLens;

/// <summary>
/// Describes an analyzer: its versioned id (<c>textlens.framing/1</c>), the layer it writes, the layers it
/// needs, the options and lexicons it runs with. Recorded in every report's manifest.
/// </summary>
public sealed partial class AnalyzerDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="id">Lower-case dotted name, for example <c>textlens.framing</c> or <c>acme.hedging</c>.</param>
    /// <param name="version">Version of the analyzer's behaviour; bump it when its output changes.</param>
    /// <param name="layer">The layer its annotations belong to.</param>
    /// <exception cref="ArgumentException">The id or layer is not a lower-case dotted name, or the version is below 1.</exception>
    public AnalyzerDescriptor(string id, int version, string layer)
    {
        if (id is null || !NamePattern().IsMatch(id))
        {
            throw new ArgumentException($"Analyzer id '{id}' must be a lower-case dotted name such as 'acme.hedging'.", nameof(id));
        }

        if (layer is null || !NamePattern().IsMatch(layer))
        {
            throw new ArgumentException($"Layer '{layer}' of analyzer '{id}' must be a lower-case name such as 'hedging'.", nameof(layer));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Id = id;
        Version = version;
        Layer = layer;
    }

    /// <summary>The analyzer's name, without version (<c>textlens.framing</c>).</summary>
    public string Id { get; }

    /// <summary>The analyzer's version.</summary>
    public int Version { get; }

    /// <summary>The versioned id (<c>textlens.framing/1</c>).</summary>
    public string VersionedId => $"{Id}/{Version}";

    /// <summary>The layer its annotations belong to.</summary>
    public string Layer { get; }

    /// <summary>Layers that must be produced by an analyzer that runs earlier; <c>Build()</c> fails without them.</summary>
    public IReadOnlyList<string> RequiredLayers { get; init; } = [];

    /// <summary>Layers read when present; an analyzer producing one runs earlier, but its absence is no error.</summary>
    public IReadOnlyList<string> OptionalLayers { get; init; } = [];

    /// <summary>The options the analyzer runs with, as invariant strings, for the manifest.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>The lexicons (or gazetteers, cue lists, models) the analyzer runs with.</summary>
    public IReadOnlyList<LexiconInfo> Lexicons { get; init; } = [];

    /// <summary>
    /// The facets its annotations carry, each with its vocabulary. Closed facets (stance, voice, source type) are
    /// cross-tabulated per label; open ones (text as written) only per label of a closed vocabulary. A facet that is
    /// not declared counts as closed.
    /// </summary>
    public IReadOnlyList<FacetDeclaration> Facets { get; init; } = [];

    /// <summary>
    /// Whether each of its annotations is written to the per-annotation outputs (annotations file, KWIC sample).
    /// <see langword="false"/> for analyzers whose annotations only feed counts (a vocabulary counter).
    /// </summary>
    public bool WritesAnnotationRows { get; init; } = true;

    /// <summary>The declared vocabulary of a facet: <see cref="FacetVocabulary.Closed"/> when not declared.</summary>
    public FacetVocabulary VocabularyOf(string facet)
    {
        foreach (var f in Facets)
        {
            if (string.Equals(f.Name, facet, StringComparison.Ordinal))
            {
                return f.Vocabulary;
            }
        }

        return FacetVocabulary.Closed;
    }

    /// <inheritdoc />
    public override string ToString() => VersionedId;

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>A facet an analyzer declares: its name and whether its values form a closed set.</summary>
/// <param name="Name">The facet name (<c>voice</c>).</param>
/// <param name="Vocabulary">Closed (a fixed set of values) or open (text as written).</param>
public sealed record FacetDeclaration(string Name, FacetVocabulary Vocabulary);

/// <summary>Whether the values of a facet or the labels of an annotation form a fixed set.</summary>
public enum FacetVocabulary
{
    /// <summary>A fixed, small set of values (<c>stance</c>, <c>voice</c>, <c>sourceType</c>): cross-tabulated per label.</summary>
    Closed = 0,

    /// <summary>Text as written (a source's name, an alias): counted, but not cross-tabulated per open label.</summary>
    Open = 1,
}

/// <summary>A data resource an analyzer uses, identified by name, version and content hash.</summary>
/// <param name="Kind">What it is: <c>framing-lexicon</c>, <c>gazetteer</c>, <c>cue-lexicon</c>, <c>model</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its content as loaded.</param>
/// <param name="Origin">Where it came from: <c>embedded:karabakh-conflict</c> or a file path.</param>
public sealed record LexiconInfo(string Kind, string Name, string Version, string Sha256, string Origin);

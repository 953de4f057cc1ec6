using TextLens.Analyzers.Attribution;
using TextLens.Entities;

namespace TextLens;

/// <summary>Adds the source attribution analyzer (<c>textlens.attribution/1</c>) to a pipeline.</summary>
public static class AttributionBuilderExtensions
{
    /// <summary>
    /// Adds attribution with the default options: who is quoted or cited (layer <c>attribution</c>), with which cue,
    /// of what kind, resolved to a canonical source; reads the <c>entity</c> layer when an entity analyzer runs.
    /// </summary>
    /// <exception cref="TextLensConfigurationException">A cue lexicon is invalid.</exception>
    public static TextLensPipelineBuilder AddAttribution(this TextLensPipelineBuilder builder) => builder.AddAttribution(static _ => { });

    /// <summary>Adds attribution with options (cue lexicon files, pronoun resolution, distances); the options are validated and the lexicons loaded here, before any document is read.</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <exception cref="TextLensConfigurationException">An option is out of range or a cue lexicon is invalid; every fault is listed with file, line, column and field.</exception>
    public static TextLensPipelineBuilder AddAttribution(this TextLensPipelineBuilder builder, Action<AttributionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AttributionOptions();
        configure(options);
        var snapshot = options.Clone();
        snapshot.Validate();

        var lexicons = new List<CueLexicon>();
        if (snapshot.IncludeDefaultCues)
        {
            lexicons.Add(CueLexiconLoader.Default);
        }

        var faults = new List<string>();
        foreach (var file in snapshot.CueLexiconFiles)
        {
            try
            {
                lexicons.Add(CueLexiconLoader.LoadFile(file));
            }
            catch (TextLensConfigurationException ex)
            {
                faults.AddRange(ex.Faults);
            }
        }

        if (faults.Count > 0)
        {
            throw new TextLensConfigurationException(faults);
        }

        lexicons.AddRange(snapshot.CueLexicons);
        var table = new CueTable(lexicons);

        // The entity analyzer may be added before or after this one: its gazetteers are looked up on first use.
        var properties = builder.Properties;
        var gazetteer = new Lazy<ISourceGazetteer?>(() => properties.TryGetValue(EntityIndex.PropertyKey, out var value)
            ? value switch
            {
                EntityIndex index => new EntityIndexGazetteer(index, table),
                ISourceGazetteer custom => custom,
                _ => null,
            }
            : null,
            LazyThreadSafetyMode.ExecutionAndPublication);
        return builder.AddAnalyzer(new AttributionAnalyzer(snapshot, table, gazetteer: () => gazetteer.Value));
    }
}

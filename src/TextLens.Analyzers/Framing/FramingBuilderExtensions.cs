using TextLens.Framing;

namespace TextLens;

/// <summary>Adds the framing analyzer (<c>textlens.framing/1</c>, layer <c>framing</c>) to a pipeline.</summary>
public static class FramingBuilderExtensions
{
    /// <summary>Adds the framing analyzer with the default lexicon <c>karabakh-conflict</c>.</summary>
    public static TextLensPipelineBuilder AddFraming(this TextLensPipelineBuilder builder) =>
        builder.AddFraming(o => o.UseDefaultLexicon(FramingLexicons.KarabakhConflict));

    /// <summary>
    /// Adds the framing analyzer with the lexicons chosen in <paramref name="configure"/>. The lexicons are
    /// loaded, checked and compiled into one matcher here, so a fault surfaces now, before any document is read.
    /// </summary>
    /// <exception cref="LexiconException">A lexicon cannot be loaded or clashes with another.</exception>
    /// <exception cref="TextLensConfigurationException">No lexicon was chosen.</exception>
    public static TextLensPipelineBuilder AddFraming(this TextLensPipelineBuilder builder, Action<FramingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new FramingOptions();
        configure(options);
        return builder.AddAnalyzer(new FramingAnalyzer(options.LoadLexicons(), builder.Parser));
    }
}

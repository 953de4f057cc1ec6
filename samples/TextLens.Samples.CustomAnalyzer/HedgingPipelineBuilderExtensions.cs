using TextLens.Samples.CustomAnalyzer;

namespace TextLens;

/// <summary>Adds the hedging analyzer to a pipeline.</summary>
public static class HedgingPipelineBuilderExtensions
{
    /// <summary>Adds the hedging analyzer (<c>samples.hedging/1</c>, layer <c>hedging</c>) with the embedded lexicon.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the options; defaults when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="TextLensConfigurationException">An extra term is empty; every fault is listed.</exception>
    public static TextLensPipelineBuilder AddHedging(this TextLensPipelineBuilder builder, Action<HedgingOptions>? configure = null)
    {
        var options = new HedgingOptions();
        configure?.Invoke(options);
        return builder.AddHedging(options);
    }

    /// <summary>Adds the hedging analyzer with the given options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="TextLensConfigurationException">An extra term is empty; every fault is listed.</exception>
    public static TextLensPipelineBuilder AddHedging(this TextLensPipelineBuilder builder, HedgingOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.AddAnalyzer(new HedgingAnalyzer(options, HedgingLexicon.Default));
    }
}

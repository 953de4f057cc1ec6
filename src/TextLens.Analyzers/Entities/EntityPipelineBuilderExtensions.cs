using TextLens.Entities;

namespace TextLens;

/// <summary>Adds the entity analyzers to a <see cref="TextLensPipelineBuilder"/>.</summary>
public static class EntityPipelineBuilderExtensions
{
    /// <summary>
    /// Adds the entity analyzer (<c>textlens.entities/1</c>, layer <c>entity</c>) with the embedded <c>world</c> and
    /// <c>karabakh</c> gazetteers and the rule-based recognizer of unlisted names.
    /// </summary>
    /// <exception cref="TextLensConfigurationException">A gazetteer cannot be loaded (every fault is listed).</exception>
    public static TextLensPipelineBuilder AddEntities(this TextLensPipelineBuilder builder) => builder.AddEntities(_ => { });

    /// <summary>
    /// Adds the entity analyzer (<c>textlens.entities/1</c>, layer <c>entity</c>) configured by <paramref name="configure"/>.
    /// The options are validated and the gazetteers loaded now, before any document is read; the combined
    /// <see cref="EntityIndex"/> is registered in <see cref="TextLensPipelineBuilder.Properties"/> under
    /// <see cref="EntityIndex.PropertyKey"/> for other analyzers (see <see cref="GetEntityIndex"/>).
    /// </summary>
    /// <exception cref="TextLensConfigurationException">An option is invalid or a gazetteer cannot be loaded or combined; every fault is listed.</exception>
    public static TextLensPipelineBuilder AddEntities(this TextLensPipelineBuilder builder, Action<EntityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new EntityOptions();
        configure(options);
        var index = options.Validate();
        builder.Properties[EntityIndex.PropertyKey] = index;
        return builder.AddAnalyzer(new EntityAnalyzer(index, options, builder.Parser));
    }

    /// <summary>
    /// The gazetteers registered by <see cref="AddEntities(TextLensPipelineBuilder, Action{EntityOptions})"/>, for
    /// analyzers that resolve names with the same entities (attribution resolves <c>Baku</c> to the Government of
    /// Azerbaijan through <see cref="EntityIndex.ResolveMetonym"/>); <see langword="null"/> when entities were not added.
    /// </summary>
    public static EntityIndex? GetEntityIndex(this TextLensPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Properties.TryGetValue(EntityIndex.PropertyKey, out var value) ? value as EntityIndex : null;
    }

    /// <summary>
    /// Adds the entity × framing-label co-occurrence analyzer (<c>textlens.cooccurrence/1</c>, layer
    /// <c>cooccurrence</c>), which needs layers <c>entity</c> and <c>framing</c> (so <c>Build()</c> fails without both) and
    /// contributes the <c>entity-framing-cooccurrence</c> table with counts and PMI over sentences. It is not added
    /// automatically: sentence co-occurrence is a choice of method, and its annotations add to the annotations file.
    /// </summary>
    public static TextLensPipelineBuilder AddEntityFramingCooccurrence(this TextLensPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAnalyzer(new EntityFramingCooccurrenceAnalyzer());
    }
}

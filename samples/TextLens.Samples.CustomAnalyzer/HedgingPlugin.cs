using TextLens.Plugins;
using TextLens.Samples.CustomAnalyzer;

[assembly: TextLensPlugin(typeof(HedgingPlugin))]

namespace TextLens.Samples.CustomAnalyzer;

/// <summary>The plugin entry: <c>textlens analyze ... --plugin TextLens.Samples.CustomAnalyzer.dll</c> adds the hedging analyzer.</summary>
public sealed class HedgingPlugin : ITextLensPlugin
{
    /// <inheritdoc />
    public void Configure(TextLensPipelineBuilder builder, PluginContext context) =>
        builder.AddHedging(HedgingOptions.From(context));
}

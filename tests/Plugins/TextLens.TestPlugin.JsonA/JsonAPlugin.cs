using TextLens.Plugins;
using TextLens.TestPlugins;

[assembly: TextLensPlugin(typeof(JsonAPlugin))]

namespace TextLens.TestPlugins;

public sealed class JsonAPlugin : ITextLensPlugin
{
    public void Configure(TextLensPipelineBuilder builder, PluginContext context) =>
        builder.AddAnalyzer(new NewtonsoftVersionAnalyzer("tests.json-a"));
}

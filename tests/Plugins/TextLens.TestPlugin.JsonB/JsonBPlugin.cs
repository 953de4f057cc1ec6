using TextLens.Plugins;
using TextLens.TestPlugins;

[assembly: TextLensPlugin(typeof(JsonBPlugin))]

namespace TextLens.TestPlugins;

public sealed class JsonBPlugin : ITextLensPlugin
{
    public void Configure(TextLensPipelineBuilder builder, PluginContext context) =>
        builder.AddAnalyzer(new NewtonsoftVersionAnalyzer("tests.json-b"));
}

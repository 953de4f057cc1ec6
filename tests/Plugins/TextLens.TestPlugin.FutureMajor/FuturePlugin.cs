using TextLens.Plugins;
using TextLens.TestPlugins;

// Declares a TextLens major version no host has: the loader must refuse it before creating the entry type.
[assembly: TextLensPlugin(typeof(FuturePlugin), TargetTextLensMajorVersion = 99)]

namespace TextLens.TestPlugins;

public sealed class FuturePlugin : ITextLensPlugin
{
    public void Configure(TextLensPipelineBuilder builder, PluginContext context) =>
        throw new InvalidOperationException("A plugin for TextLens 99 must never be configured by this host.");
}

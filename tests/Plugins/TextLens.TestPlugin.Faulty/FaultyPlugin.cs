using TextLens.Plugins;
using TextLens.TestPlugins;

[assembly: TextLensPlugin(typeof(FaultyPlugin))]

namespace TextLens.TestPlugins;

/// <summary>
/// Fails where told to: option <c>FailIn=configure</c> throws from Configure, <c>FailIn=options</c> rejects two
/// options; otherwise adds an analyzer that throws on every document containing "boom".
/// </summary>
public sealed class FaultyPlugin : ITextLensPlugin
{
    public void Configure(TextLensPipelineBuilder builder, PluginContext context)
    {
        builder.AddAnalyzer(new FaultyAnalyzer());
        switch (context.GetString("FailIn"))
        {
            case "configure":
                throw new InvalidOperationException("The faulty plugin refuses to configure.");
            case "options":
                throw new TextLensConfigurationException(["option 'A' is wrong", "option 'B' is wrong"]);
        }
    }
}

internal sealed class FaultyAnalyzer : IAnalyzer
{
    public AnalyzerDescriptor Descriptor { get; } = new("tests.faulty", 1, "faulty");

    public void Analyze(AnalysisContext context)
    {
        if (context.Text.Contains("boom", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("boom in " + context.Document.Document.Id);
        }

        context.Add(new Annotation("faulty", 0, Math.Min(4, context.Text.Length), "ok", "ok"));
    }
}

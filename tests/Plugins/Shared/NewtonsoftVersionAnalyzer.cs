using System.Reflection;
using Newtonsoft.Json;
using TextLens;

namespace TextLens.TestPlugins;

/// <summary>Reports which Newtonsoft.Json the plugin sees: in its descriptor options and as the label of one annotation per document.</summary>
internal sealed class NewtonsoftVersionAnalyzer : IAnalyzer
{
    private readonly string _version;

    public NewtonsoftVersionAnalyzer(string id)
    {
        var assembly = typeof(JsonConvert).Assembly;
        _version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
        Descriptor = new AnalyzerDescriptor(id, 1, id.Replace("tests.", "", StringComparison.Ordinal))
        {
            Options = new Dictionary<string, string>
            {
                ["NewtonsoftVersion"] = _version,
                ["NewtonsoftAssemblyVersion"] = assembly.GetName().Version?.ToString() ?? "?",
                ["NewtonsoftLocation"] = assembly.Location,
            },
        };
    }

    public AnalyzerDescriptor Descriptor { get; }

    public void Analyze(AnalysisContext context)
    {
        // Round-trips through the plugin's own Newtonsoft.Json, so the library is really used while analysing.
        var label = JsonConvert.DeserializeObject<string>(JsonConvert.SerializeObject(_version))!;
        context.Add(new Annotation(Descriptor.Layer, 0, Math.Min(1, context.Text.Length), "newtonsoft", label));
    }
}

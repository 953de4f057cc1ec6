using Microsoft.Extensions.Configuration;

namespace TextLens.Extensions.DependencyInjection;

/// <summary>
/// The settings of one TextLens pipeline, bound from a configuration section such as
/// <code>
/// "TextLens": {
///   "Analyzers": ["framing", "entities"],
///   "Framing": { "Lexicons": ["lexicons/karabakh.json"] },
///   "Plugins": [ { "Path": "plugins/hedging/TextLens.Samples.CustomAnalyzer.dll", "Options": { "CountModalVerbs": false } } ],
///   "GroupBy": "outlet",
///   "Period": "month"
/// }
/// </code>
/// Every fault (unknown analyzer, unreadable value, missing plugin file, unknown setting) is reported at once
/// when the pipeline is first built or validated.
/// </summary>
public sealed class TextLensOptions
{
    /// <summary>Names of registered analyzers (<see cref="AnalyzerRegistry"/>) to add, in order.</summary>
    public IList<string> Analyzers { get; } = new List<string>();

    /// <summary>Plugin assemblies to load and let configure the pipeline, in order.</summary>
    public IList<TextLensPluginOptions> Plugins { get; } = new List<TextLensPluginOptions>();

    /// <summary>The metadata field to group documents by (<c>outlet</c> by default); <see langword="null"/> (in configuration <c>""</c> or <c>none</c>) for no grouping.</summary>
    public string? GroupBy { get; set; } = "outlet";

    /// <summary>The period documents are bucketed by (<c>none</c>, <c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>).</summary>
    public PeriodUnit Period { get; set; } = PeriodUnit.None;

    /// <summary>Worker count; the number of processors when <see langword="null"/>.</summary>
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>What a run does with an unreadable record or an analyzer that throws on a document.</summary>
    public ErrorPolicy ErrorPolicy { get; set; } = ErrorPolicy.SkipAndRecord;

    /// <summary>
    /// The configuration section the options were bound from; the settings of an analyzer named in
    /// <see cref="Analyzers"/> are read from its sub-section of the same name (<c>TextLens:Framing</c>).
    /// </summary>
    public IConfiguration? Configuration { get; set; }

    /// <summary>Faults found while binding (unreadable values, unknown settings), reported by validation.</summary>
    internal List<string> BindingFaults { get; } = [];

    /// <summary>Top-level keys of <see cref="Configuration"/> that are not options; validation checks they name registered analyzers.</summary>
    internal List<string> SettingsKeys { get; } = [];

    /// <summary>Creates the <see cref="AnalysisOptions"/> of a run with these settings.</summary>
    /// <exception cref="TextLensConfigurationException">A value is out of range.</exception>
    public AnalysisOptions CreateAnalysisOptions()
    {
        var options = new AnalysisOptions
        {
            GroupBy = GroupBy,
            Period = Period,
            ErrorPolicy = ErrorPolicy,
        };
        if (MaxDegreeOfParallelism is { } dop)
        {
            options.MaxDegreeOfParallelism = dop;
        }

        options.Validate();
        return options;
    }
}

/// <summary>A plugin assembly to load and its options.</summary>
public sealed class TextLensPluginOptions
{
    /// <summary>The plugin assembly (<c>.dll</c>) in its build or publish folder; relative paths resolve against the current directory.</summary>
    public string Path { get; set; } = "";

    /// <summary>The plugin's options as flat configuration keys (<c>CountModalVerbs</c>, <c>ExtraHedges:0</c>), passed to it as <see cref="Plugins.PluginContext.Options"/>.</summary>
    public IDictionary<string, string> Options { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

using Microsoft.Extensions.Options;

namespace TextLens.Extensions.DependencyInjection;

/// <summary>Validates <see cref="TextLensOptions"/> of every pipeline, listing every fault in one result.</summary>
internal sealed class TextLensOptionsValidator(AnalyzerRegistry registry) : IValidateOptions<TextLensOptions>
{
    public ValidateOptionsResult Validate(string? name, TextLensOptions options)
    {
        var faults = Faults(options, registry);
        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }

    internal static List<string> Faults(TextLensOptions options, AnalyzerRegistry registry)
    {
        var faults = new List<string>(options.BindingFaults);
        var section = options.Configuration is Microsoft.Extensions.Configuration.IConfigurationSection s ? s.Path + ":" : "";
        var known = registry.Registrations.Select(r => r.Name).ToList();
        var knownText = known.Count == 0 ? "none is registered" : "registered: " + string.Join(", ", known);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in options.Analyzers)
        {
            if (!registry.TryGet(name, out _))
            {
                faults.Add($"{section}Analyzers: unknown analyzer '{name}' ({knownText}).");
            }
            else if (!seen.Add(name))
            {
                faults.Add($"{section}Analyzers: analyzer '{name}' is listed more than once.");
            }
        }

        for (var i = 0; i < options.Plugins.Count; i++)
        {
            var path = options.Plugins[i].Path;
            if (string.IsNullOrWhiteSpace(path))
            {
                faults.Add($"{section}Plugins:{i}: the plugin has no Path.");
            }
            else if (!File.Exists(path))
            {
                faults.Add($"{section}Plugins:{i}: plugin '{path}' was not found (looked for {Path.GetFullPath(path)}).");
            }
        }

        if (options.GroupBy is { } groupBy && groupBy.Trim().Length == 0)
        {
            faults.Add($"{section}GroupBy: must be a metadata field name, or null for no grouping.");
        }

        if (!Enum.IsDefined(options.Period))
        {
            faults.Add($"{section}Period: {(int)options.Period} is not a period unit.");
        }

        if (!Enum.IsDefined(options.ErrorPolicy))
        {
            faults.Add($"{section}ErrorPolicy: {(int)options.ErrorPolicy} is not an error policy.");
        }

        if (options.MaxDegreeOfParallelism is < 1)
        {
            faults.Add($"{section}MaxDegreeOfParallelism: must be at least 1 (was {options.MaxDegreeOfParallelism}).");
        }

        foreach (var key in options.SettingsKeys)
        {
            if (!registry.TryGet(key, out _))
            {
                faults.Add($"{section}{key}: unknown setting; expected one of {string.Join(", ", TextLensOptionsBinder.OptionKeys)} " +
                    $"or the settings of a registered analyzer ({knownText}).");
            }
        }

        return faults;
    }
}

using System.Globalization;
using Microsoft.Extensions.Configuration;
using TextLens.Statistics;

namespace TextLens.Extensions.DependencyInjection;

/// <summary>
/// Binds <see cref="TextLensOptions"/> from configuration without stopping at the first bad value (the
/// configuration binder throws on the first one), so that validation can list every fault at once. Lists
/// replace, rather than extend, what an earlier binding set, so binding the same section twice is harmless.
/// </summary>
internal static class TextLensOptionsBinder
{
    internal static readonly string[] OptionKeys = ["Analyzers", "Plugins", "GroupBy", "Period", "MaxDegreeOfParallelism", "ErrorPolicy"];

    public static void Bind(IConfiguration configuration, TextLensOptions options)
    {
        options.Configuration = configuration;
        options.BindingFaults.Clear();
        options.SettingsKeys.Clear();
        foreach (var child in configuration.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "ANALYZERS":
                    options.Analyzers.Clear();
                    foreach (var name in ListOf(child))
                    {
                        options.Analyzers.Add(name);
                    }

                    break;
                case "PLUGINS":
                    options.Plugins.Clear();
                    foreach (var item in child.GetChildren())
                    {
                        options.Plugins.Add(BindPlugin(item, options.BindingFaults));
                    }

                    if (child.Value is { Length: > 0 } single)
                    {
                        options.Plugins.Add(new TextLensPluginOptions { Path = single });
                    }

                    break;
                case "GROUPBY":
                    options.GroupBy = child.Value is null || child.Value.Trim().Length == 0 || string.Equals(child.Value.Trim(), "none", StringComparison.OrdinalIgnoreCase)
                        ? null
                        : child.Value.Trim();
                    break;
                case "PERIOD":
                    if (PeriodKey.TryParseUnit(child.Value, out var period))
                    {
                        options.Period = period;
                    }
                    else
                    {
                        options.BindingFaults.Add($"{child.Path}: '{child.Value}' is not a period; use none, day, week, month or year.");
                    }

                    break;
                case "MAXDEGREEOFPARALLELISM":
                    if (int.TryParse(child.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var dop))
                    {
                        options.MaxDegreeOfParallelism = dop;
                    }
                    else
                    {
                        options.BindingFaults.Add($"{child.Path}: '{child.Value}' is not a whole number.");
                    }

                    break;
                case "ERRORPOLICY":
                    if (Enum.TryParse<ErrorPolicy>(child.Value, ignoreCase: true, out var policy) && Enum.IsDefined(policy)
                        && !int.TryParse(child.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                    {
                        options.ErrorPolicy = policy;
                    }
                    else
                    {
                        options.BindingFaults.Add($"{child.Path}: '{child.Value}' is not an error policy; use {string.Join(" or ", Enum.GetNames<ErrorPolicy>())}.");
                    }

                    break;
                default:
                    options.SettingsKeys.Add(child.Key);
                    break;
            }
        }
    }

    /// <summary>Flattens a section into configuration keys relative to it (<c>ExtraHedges:0</c>), leaves only.</summary>
    public static Dictionary<string, string> Flatten(IConfiguration section)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Flatten(section, "", result);
        return result;
    }

    private static void Flatten(IConfiguration section, string prefix, Dictionary<string, string> result)
    {
        foreach (var child in section.GetChildren())
        {
            var key = prefix.Length == 0 ? child.Key : prefix + ConfigurationPath.KeyDelimiter + child.Key;
            if (child.Value is not null)
            {
                result[key] = child.Value;
            }

            Flatten(child, key, result);
        }
    }

    private static TextLensPluginOptions BindPlugin(IConfigurationSection item, List<string> faults)
    {
        var plugin = new TextLensPluginOptions();
        if (item.Value is not null)
        {
            plugin.Path = item.Value;
            return plugin;
        }

        foreach (var child in item.GetChildren())
        {
            if (string.Equals(child.Key, "Path", StringComparison.OrdinalIgnoreCase))
            {
                plugin.Path = child.Value ?? "";
            }
            else if (string.Equals(child.Key, "Options", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var (k, v) in Flatten(child))
                {
                    plugin.Options[k] = v;
                }
            }
            else
            {
                faults.Add($"{child.Path}: unknown plugin setting '{child.Key}'; a plugin has a Path and Options.");
            }
        }

        return plugin;
    }

    private static IEnumerable<string> ListOf(IConfigurationSection section)
    {
        if (section.Value is { } text)
        {
            // "framing,entities" from a command line or an environment variable.
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return part;
            }
        }

        foreach (var child in section.GetChildren())
        {
            if (child.Value is { } value && value.Trim().Length > 0)
            {
                yield return value.Trim();
            }
        }
    }
}

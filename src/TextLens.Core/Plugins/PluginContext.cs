using System.Collections.ObjectModel;
using System.Globalization;

namespace TextLens.Plugins;

/// <summary>
/// What a plugin is given when it configures a builder: its name, the directory it was loaded from (for its own
/// data files) and its options. Options are flat invariant strings keyed as configuration keys are
/// (<c>CountModalVerbs</c>, <c>ExtraHedges:0</c>, <c>ExtraHedges:1</c>), case-insensitive, so the same
/// dictionary can come from a JSON configuration section, a command line or a saved report manifest.
/// </summary>
public sealed class PluginContext
{
    private static readonly IReadOnlyDictionary<string, string> NoOptions =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Creates a context.</summary>
    /// <param name="pluginName">The plugin's assembly name, used in error messages.</param>
    /// <param name="directory">The directory the plugin assembly was loaded from.</param>
    /// <param name="options">The plugin's options; none when <see langword="null"/>.</param>
    public PluginContext(string pluginName, string directory, IReadOnlyDictionary<string, string>? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginName);
        ArgumentNullException.ThrowIfNull(directory);
        PluginName = pluginName;
        Directory = directory;
        Options = options is null || options.Count == 0
            ? NoOptions
            : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(options, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The plugin's assembly name.</summary>
    public string PluginName { get; }

    /// <summary>The directory the plugin assembly was loaded from; relative data file paths resolve against it.</summary>
    public string Directory { get; }

    /// <summary>The plugin's options as flat, case-insensitive configuration keys and invariant string values.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>The full path of a data file shipped with the plugin (relative paths resolve against <see cref="Directory"/>).</summary>
    public string GetPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.GetFullPath(Path.Combine(Directory, path));
    }

    /// <summary>The value of an option, or <see langword="null"/> when it is not set.</summary>
    public string? GetString(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Options.TryGetValue(key, out var value) ? value : null;
    }

    /// <summary>The value of a Boolean option (<c>true</c>/<c>false</c>, case-insensitive), or <paramref name="defaultValue"/> when it is not set.</summary>
    /// <exception cref="TextLensConfigurationException">The value is not a Boolean.</exception>
    public bool GetBoolean(string key, bool defaultValue)
    {
        var text = GetString(key);
        if (text is null)
        {
            return defaultValue;
        }

        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw new TextLensConfigurationException($"Plugin '{PluginName}': option '{key}' must be true or false (was '{text}').");
    }

    /// <summary>The value of an integer option (invariant culture), or <paramref name="defaultValue"/> when it is not set.</summary>
    /// <exception cref="TextLensConfigurationException">The value is not an integer.</exception>
    public int GetInt32(string key, int defaultValue)
    {
        var text = GetString(key);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TextLensConfigurationException($"Plugin '{PluginName}': option '{key}' must be an integer (was '{text}').");
    }

    /// <summary>
    /// The values of a list option: the keys <c>key:0</c>, <c>key:1</c>, ... in index order (the shape of a JSON
    /// array in configuration). Empty when the option is not set.
    /// </summary>
    public IReadOnlyList<string> GetList(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var prefix = key + ":";
        var items = new List<(int Index, string Value)>();
        foreach (var (k, v) in Options)
        {
            if (k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(k.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                items.Add((index, v));
            }
        }

        items.Sort((a, b) => a.Index.CompareTo(b.Index));
        return items.ConvertAll(i => i.Value);
    }
}

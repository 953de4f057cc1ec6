using System.Globalization;
using TextLens.Plugins;

namespace TextLens.Samples.CustomAnalyzer;

/// <summary>Options of the hedging analyzer. Property names are the configuration keys, so the same options bind from JSON, a plugin's options or a report manifest.</summary>
public sealed class HedgingOptions
{
    /// <summary>The categories to count; every category when empty.</summary>
    public IList<HedgingCategory> Categories { get; } = new List<HedgingCategory>();

    /// <summary>Whether modal verbs that hedge (<c>may have</c>, <c>might</c>, <c>could</c>) count; they are frequent and often not hedges.</summary>
    public bool CountModalVerbs { get; set; } = true;

    /// <summary>Further hedges (words separated by spaces), counted under category <c>hedge</c>.</summary>
    public IList<string> ExtraHedges { get; } = new List<string>();

    /// <summary>Further boosters (words separated by spaces), counted under category <c>booster</c>.</summary>
    public IList<string> ExtraBoosters { get; } = new List<string>();

    /// <summary>Whether a category is counted.</summary>
    public bool Counts(HedgingCategory category) => Categories.Count == 0 || Categories.Contains(category);

    /// <summary>Reads options from a plugin's options (<c>Categories:0</c>, <c>CountModalVerbs</c>, <c>ExtraHedges:0</c>, ...).</summary>
    /// <exception cref="TextLensConfigurationException">An option is unknown or unreadable; every fault is listed.</exception>
    public static HedgingOptions From(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var faults = new List<string>();
        var options = new HedgingOptions();
        foreach (var key in context.Options.Keys)
        {
            var root = key.Split(':')[0];
            if (!Array.Exists(Keys, k => string.Equals(k, root, StringComparison.OrdinalIgnoreCase)))
            {
                faults.Add($"Plugin '{context.PluginName}': unknown option '{key}'; expected {string.Join(", ", Keys)}.");
            }
        }

        foreach (var text in context.GetList(nameof(Categories)))
        {
            if (CategoryOf(text) is { } category)
            {
                options.Categories.Add(category);
            }
            else
            {
                faults.Add($"Plugin '{context.PluginName}': category '{text}' is not hedge or booster.");
            }
        }

        try
        {
            options.CountModalVerbs = context.GetBoolean(nameof(CountModalVerbs), defaultValue: true);
        }
        catch (TextLensConfigurationException ex)
        {
            faults.AddRange(ex.Faults);
        }

        foreach (var term in context.GetList(nameof(ExtraHedges)))
        {
            options.ExtraHedges.Add(term);
        }

        foreach (var term in context.GetList(nameof(ExtraBoosters)))
        {
            options.ExtraBoosters.Add(term);
        }

        if (faults.Count > 0)
        {
            throw new TextLensConfigurationException(faults);
        }

        return options;
    }

    /// <summary>The name of a category as written in annotations and options.</summary>
    public static string NameOf(HedgingCategory category) => category switch
    {
        HedgingCategory.Hedge => "hedge",
        HedgingCategory.Booster => "booster",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
    };

    /// <summary>The options as the manifest records them: the same keys as configuration, invariant values.</summary>
    internal Dictionary<string, string> ToManifest()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(CountModalVerbs)] = CountModalVerbs ? "true" : "false",
        };
        Add(nameof(Categories), Categories.Select(NameOf));
        Add(nameof(ExtraHedges), ExtraHedges);
        Add(nameof(ExtraBoosters), ExtraBoosters);
        return result;

        void Add(string key, IEnumerable<string> values)
        {
            var i = 0;
            foreach (var v in values)
            {
                result[string.Create(CultureInfo.InvariantCulture, $"{key}:{i++}")] = v;
            }
        }
    }

    private static readonly string[] Keys = [nameof(Categories), nameof(CountModalVerbs), nameof(ExtraHedges), nameof(ExtraBoosters)];

    private static HedgingCategory? CategoryOf(string text) => text.Trim().ToUpperInvariant() switch
    {
        "HEDGE" => HedgingCategory.Hedge,
        "BOOSTER" => HedgingCategory.Booster,
        _ => null,
    };
}

/// <summary>What a term does to the claim it qualifies.</summary>
public enum HedgingCategory
{
    /// <summary>Distances the writer from the claim (<c>reportedly</c>, <c>allegedly</c>).</summary>
    Hedge = 0,

    /// <summary>Commits the writer to the claim (<c>clearly</c>, <c>undoubtedly</c>).</summary>
    Booster = 1,
}

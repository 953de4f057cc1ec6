namespace TextLens.Cli;

/// <summary>Builds the pipeline the console runs from analyzer names.</summary>
internal static class PipelineFactory
{
    private static readonly Dictionary<string, Action<TextLensPipelineBuilder>> BuiltIns = new(StringComparer.OrdinalIgnoreCase)
    {
    };

    /// <summary>The names of the built-in analyzers, in their default order.</summary>
    public static IReadOnlyList<string> DefaultNames => BuiltIns.Keys.ToList();

    public static IReadOnlyList<string> ParseNames(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? DefaultNames
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static TextLensPipeline Create(IReadOnlyList<string> names)
    {
        var builder = new TextLensPipelineBuilder();
        var unknown = names.Where(n => !BuiltIns.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new TextLensConfigurationException(
                $"Unknown analyzer{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; available: {string.Join(", ", BuiltIns.Keys)}.");
        }

        foreach (var name in names)
        {
            BuiltIns[name](builder);
        }

        return builder.Build();
    }
}

using System.Collections.Concurrent;

namespace TextLens.Entities;

/// <summary>The gazetteers embedded in TextLens.Analyzers: <c>world</c> and <c>karabakh</c>.</summary>
public static class Gazetteers
{
    private const string ResourcePrefix = "TextLens.Analyzers.Entities/Defaults/";
    private static readonly ConcurrentDictionary<string, Gazetteer> Cache = new(StringComparer.Ordinal);

    /// <summary>The names of the embedded gazetteers, sorted: <c>karabakh</c> (depends on <c>world</c>) and <c>world</c>.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } =
        typeof(Gazetteers).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// An embedded gazetteer by name (loaded once, then shared: gazetteers are immutable). Its origin is
    /// <c>embedded:&lt;name&gt;</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No embedded gazetteer has that name.</exception>
    public static Gazetteer Default(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!DefaultNames.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"There is no embedded gazetteer '{name}'; the embedded ones are {string.Join(", ", DefaultNames)}.", nameof(name));
        }

        return Cache.GetOrAdd(name, static n =>
        {
            using var stream = typeof(Gazetteers).Assembly.GetManifestResourceStream(ResourcePrefix + n + ".json")!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Gazetteer.Parse(buffer.ToArray(), "embedded:" + n);
        });
    }
}

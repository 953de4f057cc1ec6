using System.Collections.Concurrent;

namespace TextLens.Framing;

/// <summary>
/// The default framing lexicons embedded in the package: <c>karabakh-conflict</c> (the 2020 war, the 2022-2023
/// Lachin road blockade and the September 2023 operation) and <c>ukraine-war</c> (the 2022 coverage of the Russian
/// invasion of Ukraine). Each is loaded once and shared.
/// </summary>
public static class FramingLexicons
{
    private static readonly ConcurrentDictionary<string, Lazy<FramingLexicon>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The name of the default lexicon used by <see cref="FramingBuilderExtensions.AddFraming(TextLensPipelineBuilder)"/>.</summary>
    public const string KarabakhConflict = "karabakh-conflict";

    /// <summary>The name of the lexicon for the 2022 Russia-Ukraine war coverage.</summary>
    public const string UkraineWar = "ukraine-war";

    /// <summary>The names of the embedded lexicons.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = [KarabakhConflict, UkraineWar];

    /// <summary>An embedded lexicon by name (origin <c>embedded:&lt;name&gt;</c>).</summary>
    /// <exception cref="LexiconException">No embedded lexicon has that name.</exception>
    public static FramingLexicon Default(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!DefaultNames.Contains(name, StringComparer.Ordinal))
        {
            throw new LexiconException(new LexiconFault($"embedded:{name}", null, null, null,
                $"There is no default framing lexicon named \"{name}\"; the defaults are {string.Join(", ", DefaultNames)}."));
        }

        return Loaded.GetOrAdd(name, static n => new Lazy<FramingLexicon>(() => LoadEmbedded(n))).Value;
    }

    private static FramingLexicon LoadEmbedded(string name)
    {
        var assembly = typeof(FramingLexicons).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .FirstOrDefault(r => r.Replace('\\', '/').EndsWith($"Framing/Defaults/{name}.json", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The embedded lexicon {name}.json is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return FramingLexicon.Parse(memory.ToArray(), $"embedded:{name}");
    }
}

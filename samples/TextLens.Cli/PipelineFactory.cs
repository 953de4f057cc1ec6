using Microsoft.Extensions.Configuration;
using TextLens.Extensions.DependencyInjection;
using TextLens.Cli.Commands;
using TextLens.Plugins;

namespace TextLens.Cli;

/// <summary>
/// Builds the pipeline the console runs: built-in analyzers by name from the shared <see cref="AnalyzerRegistry"/>
/// (the same names as in DI configuration), lexicon/gazetteer/cue files from the command line as their
/// configuration sections, and plugins loaded from the paths the user names.
/// </summary>
internal sealed class PipelineFactory : IDisposable
{
    private static readonly AnalyzerRegistry Registry = new();
    private readonly List<PluginAssembly> _plugins = [];

    /// <summary>The names of the built-in analyzers that run when none is named, in their default order.</summary>
    public static IReadOnlyList<string> DefaultNames => Registry.Defaults.Select(r => r.Name).ToList();

    /// <summary>The names of every built-in analyzer, opt-in ones (vocabulary) included.</summary>
    public static IReadOnlyList<string> AllNames => Registry.Registrations.Select(r => r.Name).ToList();

    public static IReadOnlyList<string> ParseNames(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? DefaultNames
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Builds a pipeline from analyzer names, data files per analyzer and plugin paths.</summary>
    /// <exception cref="TextLensConfigurationException">Unknown analyzer, bad lexicon, bad plugin (every fault listed where possible).</exception>
    public TextLensPipeline Create(RunSettings settings)
    {
        var unknown = settings.Analyzers.Where(n => !Registry.TryGet(n, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new TextLensConfigurationException(
                $"Unknown analyzer{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; available: {string.Join(", ", AllNames)}.");
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Add(values, "Framing:Lexicons", settings.Lexicons);
        Add(values, "Entities:Gazetteers", settings.Gazetteers);
        Add(values, "Attribution:CueLexicons", settings.CueLexicons);
        values["Entities:Recognizer"] = settings.Recognizer;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var builder = new TextLensPipelineBuilder();
        foreach (var name in settings.Analyzers)
        {
            Registry.TryGet(name, out var registration);
            var section = configuration.GetSection(char.ToUpperInvariant(name[0]) + name[1..]);
            registration!.Configure(builder, section.Exists() ? section : null);
        }

        foreach (var path in settings.Plugins)
        {
            var plugin = TextLensPluginLoader.Load(path);
            _plugins.Add(plugin);
            plugin.Configure(builder);
        }

        return builder.Build();
    }

    /// <summary>Rebuilds the pipeline and options recorded in a report's manifest.</summary>
    public static ManifestReplay Replay(string manifestPath) =>
        TextLensManifestReplay.Create(TextLensManifestReplay.ReadManifest(manifestPath));

    public void Dispose()
    {
        foreach (var p in _plugins)
        {
            p.Dispose();
        }
    }

    private static void Add(Dictionary<string, string?> values, string key, IReadOnlyList<string> files)
    {
        for (var i = 0; i < files.Count; i++)
        {
            // A file path, or the name of an embedded lexicon/gazetteer (ukraine-war, world).
            values[$"{key}:{i}"] = File.Exists(files[i]) ? Path.GetFullPath(files[i]) : files[i];
        }
    }
}

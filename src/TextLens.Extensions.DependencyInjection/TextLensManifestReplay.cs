using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TextLens.Plugins;
using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens;

/// <summary>
/// Re-creates a run from a saved report manifest: loads the plugins it names (checking each file's SHA-256),
/// lets them configure a builder with the options they ran with, adds the other analyzers through the
/// <see cref="AnalyzerRegistry"/> with the options recorded for them, and checks that every analyzer has the
/// recorded id, version, options and lexicon hashes. Analysing the same corpus with the result gives the same
/// report, apart from <see cref="ReportManifest.Run"/>.
/// </summary>
/// <example>
/// <code>
/// var manifest = TextLensManifestReplay.ReadManifest("report.json");
/// using var replay = TextLensManifestReplay.Create(manifest);
/// var report = await replay.Build().AnalyzeAsync(corpus, replay.CreateAnalysisOptions());
/// </code>
/// </example>
public static class TextLensManifestReplay
{
    /// <summary>Reads the manifest of a report file (<c>report.json</c>) or a manifest file.</summary>
    /// <exception cref="TextLensConfigurationException">The file is missing or is neither a TextLens report nor a manifest.</exception>
    public static ReportManifest ReadManifest(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new TextLensConfigurationException($"Manifest '{path}' was not found (looked for {Path.GetFullPath(path)}).");
        }

        using var stream = File.OpenRead(path);
        return ReadManifest(stream, path);
    }

    /// <summary>Reads the manifest of a report (the <c>manifest</c> property) or a bare manifest from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="source">A name for error messages.</param>
    /// <exception cref="TextLensConfigurationException">The JSON is neither a TextLens report nor a manifest.</exception>
    public static ReportManifest ReadManifest(Stream utf8Json, string source = "manifest")
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            var root = document.RootElement;
            var element = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("manifest", out var m) ? m : root;
            return element.Deserialize(TextLensJsonContext.Default.ReportManifest)
                ?? throw new TextLensConfigurationException($"'{source}' holds no manifest.");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, {ex.Path})" : "";
            throw new TextLensConfigurationException($"'{source}' is not a TextLens report or manifest{where}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Rebuilds the pipeline builder of a manifest and checks it against the manifest. Every fault (missing or
    /// changed plugin, unregistered analyzer, different version, options or lexicon hash) is reported at once.
    /// </summary>
    /// <param name="manifest">The manifest of the run to re-create.</param>
    /// <param name="options">Where to find plugins and analyzers; defaults when <see langword="null"/>.</param>
    /// <returns>The replay; dispose it to unload the plugins once its pipeline is no longer used.</returns>
    /// <exception cref="TextLensConfigurationException">The run cannot be re-created as recorded; every fault is listed.</exception>
    public static ManifestReplay Create(ReportManifest manifest, ManifestReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        options ??= new ManifestReplayOptions();
        var faults = new List<string>();
        var warnings = new List<string>();
        if (!string.Equals(manifest.TextLensVersion, TextLensPipeline.Version, StringComparison.Ordinal))
        {
            warnings.Add($"The manifest was written by TextLens {manifest.TextLensVersion}; this is TextLens {TextLensPipeline.Version}. " +
                "Tokenization or statistics may differ even where analyzers match.");
        }

        if (!PeriodKey.TryParseUnit(manifest.Period, out _))
        {
            faults.Add($"The manifest's period '{manifest.Period}' is not a period unit.");
        }

        var builder = new TextLensPipelineBuilder();
        var plugins = new List<PluginAssembly>();
        try
        {
            foreach (var recorded in manifest.Plugins ?? [])
            {
                LoadPlugin(recorded, options, builder, plugins, faults);
            }

            foreach (var analyzer in manifest.Analyzers)
            {
                if (builder.Contains(analyzer.Id))
                {
                    continue;
                }

                if (!options.Registry.TryGetByAnalyzerId(analyzer.Id, out var registration))
                {
                    faults.Add($"Analyzer '{analyzer.Id}/{analyzer.Version}' is not added by any plugin the manifest names and is not in the analyzer registry; " +
                        "register it (AnalyzerRegistry.Register) to replay this manifest.");
                    continue;
                }

                try
                {
                    registration.Configure(builder, SectionOf(registration.Name, analyzer.Options));
                }
                catch (TextLensConfigurationException ex)
                {
                    faults.AddRange(ex.Faults.Select(f => $"Analyzer '{analyzer.Id}/{analyzer.Version}': {f}"));
                }
            }

            Verify(manifest, builder, faults);
            if (faults.Count > 0)
            {
                throw new TextLensConfigurationException(faults);
            }

            InManifestOrder(manifest, builder);
            var replay = new ManifestReplay(manifest, builder, [.. plugins], warnings);
            plugins.Clear();
            return replay;
        }
        finally
        {
            foreach (var p in plugins)
            {
                p.Dispose();
            }
        }
    }

    private static void LoadPlugin(PluginManifest recorded, ManifestReplayOptions options, TextLensPipelineBuilder builder,
        List<PluginAssembly> plugins, List<string> faults)
    {
        var path = options.PluginPaths.TryGetValue(recorded.Name, out var overridden) ? overridden : recorded.Path;
        try
        {
            var plugin = TextLensPluginLoader.Load(path);
            plugins.Add(plugin);
            if (!string.Equals(plugin.Sha256, recorded.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                faults.Add(new PluginLoadException(plugin.Path, PluginLoadReason.ChecksumMismatch,
                    $"Plugin '{recorded.Name}' at {plugin.Path} has SHA-256 {plugin.Sha256}, but the manifest records {recorded.Sha256} " +
                    $"(version {recorded.Version}): it is not the file the run used.").Message);
                return;
            }

            if (!string.Equals(plugin.Name, recorded.Name, StringComparison.Ordinal))
            {
                faults.Add($"Plugin at {plugin.Path} is '{plugin.Name}', but the manifest records '{recorded.Name}'.");
                return;
            }

            plugin.Configure(builder, recorded.Options);
        }
        catch (TextLensConfigurationException ex)
        {
            faults.AddRange(ex.Faults);
        }
    }

    private static IConfigurationSection SectionOf(string name, IReadOnlyDictionary<string, string> options)
    {
        var data = options.Select(kv => new KeyValuePair<string, string?>(name + ConfigurationPath.KeyDelimiter + kv.Key, kv.Value));
        return new ConfigurationBuilder().AddInMemoryCollection(data).Build().GetSection(name);
    }

    private static void Verify(ReportManifest manifest, TextLensPipelineBuilder builder, List<string> faults)
    {
        var recordedIds = new HashSet<string>(manifest.Analyzers.Select(a => a.Id), StringComparer.Ordinal);
        foreach (var recorded in manifest.Analyzers)
        {
            var matches = builder.Analyzers.Where(a => string.Equals(a.Descriptor.Id, recorded.Id, StringComparison.Ordinal)).ToList();
            if (matches.Count != 1)
            {
                if (matches.Count > 1)
                {
                    faults.Add($"Analyzer '{recorded.Id}' was added {matches.Count} times while replaying the manifest.");
                }

                continue;
            }

            var d = matches[0].Descriptor;
            var label = $"Analyzer '{recorded.Id}/{recorded.Version}'";
            if (d.Version != recorded.Version)
            {
                faults.Add($"{label}: this build provides version {d.Version}; the manifest records version {recorded.Version}.");
            }

            if (!string.Equals(d.Layer, recorded.Layer, StringComparison.Ordinal))
            {
                faults.Add($"{label}: writes layer '{d.Layer}' here; the manifest records layer '{recorded.Layer}'.");
            }

            foreach (var key in recorded.Options.Keys.Union(d.Options.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var then = recorded.Options.TryGetValue(key, out var a) ? a : null;
                var now = d.Options.TryGetValue(key, out var b) ? b : null;
                if (!string.Equals(then, now, StringComparison.Ordinal))
                {
                    faults.Add($"{label}: option '{key}' is {Show(now)} here; the manifest records {Show(then)}.");
                }
            }

            foreach (var lexicon in recorded.Lexicons)
            {
                var current = d.Lexicons.FirstOrDefault(l => string.Equals(l.Kind, lexicon.Kind, StringComparison.Ordinal)
                    && string.Equals(l.Name, lexicon.Name, StringComparison.Ordinal));
                if (current is null)
                {
                    faults.Add($"{label}: {lexicon.Kind} '{lexicon.Name}' (version {lexicon.Version}, from {lexicon.Origin}) is not loaded here.");
                }
                else if (!string.Equals(current.Sha256, lexicon.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    faults.Add($"{label}: {lexicon.Kind} '{lexicon.Name}' loaded from {current.Origin} has SHA-256 {current.Sha256}, " +
                        $"but the manifest records {lexicon.Sha256} (version {lexicon.Version}, from {lexicon.Origin}): the lexicon changed since the run.");
                }
            }

            foreach (var extra in d.Lexicons.Where(l => !recorded.Lexicons.Any(r => string.Equals(r.Kind, l.Kind, StringComparison.Ordinal)
                && string.Equals(r.Name, l.Name, StringComparison.Ordinal))))
            {
                faults.Add($"{label}: {extra.Kind} '{extra.Name}' (from {extra.Origin}) is loaded here but is not in the manifest.");
            }
        }

        foreach (var extra in builder.Analyzers.Where(a => !recordedIds.Contains(a.Descriptor.Id)))
        {
            faults.Add($"Analyzer '{extra.Descriptor.VersionedId}' is added while replaying (by a plugin) but is not in the manifest.");
        }
    }

    private static void InManifestOrder(ReportManifest manifest, TextLensPipelineBuilder builder)
    {
        // Build() orders analyzers by layer dependencies, then by the order added: adding them in the order they
        // ran reproduces that order.
        var byId = builder.Analyzers.ToDictionary(a => a.Descriptor.Id, StringComparer.Ordinal);
        foreach (var id in byId.Keys)
        {
            builder.Remove(id);
        }

        foreach (var recorded in manifest.Analyzers)
        {
            builder.AddAnalyzer(byId[recorded.Id]);
        }
    }

    private static string Show(string? value) => value is null ? "not set" : $"'{value}'";
}

/// <summary>Where <see cref="TextLensManifestReplay"/> finds what a manifest names.</summary>
public sealed class ManifestReplayOptions
{
    /// <summary>The registry of analyzers not added by plugins (defaults to the built-in analyzers).</summary>
    public AnalyzerRegistry Registry { get; set; } = new();

    /// <summary>
    /// Plugin paths by plugin assembly name, overriding the paths recorded in the manifest (for a run re-created
    /// on another machine). The file must still have the recorded SHA-256.
    /// </summary>
    public IDictionary<string, string> PluginPaths { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// A run re-created from a manifest: the builder (analyzers in the recorded order, plugins loaded) and the
/// analysis options. Dispose it to unload the plugins once the pipeline is no longer used.
/// </summary>
public sealed class ManifestReplay : IDisposable
{
    private readonly PluginAssembly[] _plugins;

    internal ManifestReplay(ReportManifest manifest, TextLensPipelineBuilder builder, PluginAssembly[] plugins, IReadOnlyList<string> warnings)
    {
        Manifest = manifest;
        Builder = builder;
        _plugins = plugins;
        Warnings = warnings;
    }

    /// <summary>The manifest replayed.</summary>
    public ReportManifest Manifest { get; }

    /// <summary>The builder, configured and checked against the manifest. Adding analyzers makes the run differ from the recorded one.</summary>
    public TextLensPipelineBuilder Builder { get; }

    /// <summary>The plugins loaded.</summary>
    public IReadOnlyList<PluginAssembly> Plugins => _plugins;

    /// <summary>Differences that do not stop the replay but may change results (another TextLens version).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Builds the pipeline.</summary>
    /// <exception cref="TextLensConfigurationException">The builder no longer validates.</exception>
    public TextLensPipeline Build() => Builder.Build();

    /// <summary>The analysis options of the recorded run: its grouping field and period (other options at their defaults).</summary>
    public AnalysisOptions CreateAnalysisOptions()
    {
        _ = PeriodKey.TryParseUnit(Manifest.Period, out var period);
        return new AnalysisOptions { GroupBy = Manifest.GroupBy, Period = period };
    }

    /// <summary>Unloads the plugins.</summary>
    public void Dispose()
    {
        foreach (var p in _plugins)
        {
            p.Dispose();
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using TextLens.Entities;
using TextLens.Entities.Recognition;
using TextLens.Framing;
using TextLens.Vocabulary;

namespace TextLens;

/// <summary>
/// Analyzers that can be named in configuration (<c>"Analyzers": ["framing", "entities"]</c>) or on the command
/// line: each name maps to a versioned analyzer id and to an action that adds the analyzer to a builder, reading
/// its settings from a configuration section (<c>TextLens:Framing</c>). The console, <c>AddTextLens</c> and
/// <see cref="TextLensManifestReplay"/> share it; replay looks registrations up by analyzer id and passes the
/// options recorded in the manifest as the section, so an analyzer's <see cref="AnalyzerDescriptor.Options"/>
/// should use the same keys as its configuration section.
/// </summary>
/// <remarks>Fill it at start-up; it is not safe to register while other threads read it.</remarks>
public sealed class AnalyzerRegistry
{
    private readonly Dictionary<string, AnalyzerRegistration> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a registry holding the built-in analyzers of <c>TextLens.Analyzers</c>.</summary>
    public AnalyzerRegistry()
        : this(includeBuiltIns: true)
    {
    }

    /// <summary>Creates a registry, with or without the built-in analyzers.</summary>
    /// <param name="includeBuiltIns">Whether to register the built-in analyzers.</param>
    public AnalyzerRegistry(bool includeBuiltIns)
    {
        if (includeBuiltIns)
        {
            RegisterBuiltIns();
        }
    }

    /// <summary>The registrations that run when no analyzer is named, ordered by name (opt-in ones such as <c>vocabulary</c> left out).</summary>
    public IReadOnlyList<AnalyzerRegistration> Defaults => Registrations.Where(r => r.IsDefault).ToList();

    /// <summary>Every registration, ordered by name.</summary>
    public IReadOnlyList<AnalyzerRegistration> Registrations =>
        _byName.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Registers (or replaces) an analyzer under a name.</summary>
    /// <param name="name">The name used in configuration, case-insensitive (<c>framing</c>, <c>hedging</c>).</param>
    /// <param name="analyzerId">The id of the analyzer it adds, without version (<c>textlens.framing</c>).</param>
    /// <param name="configure">Adds the analyzer to a builder from its settings section (<see langword="null"/> when there is none).</param>
    /// <returns>This registry.</returns>
    public AnalyzerRegistry Register(string name, string analyzerId, Action<TextLensPipelineBuilder, IConfigurationSection?> configure) =>
        Register(new AnalyzerRegistration(name, analyzerId, configure));

    /// <summary>Registers (or replaces) an analyzer registration.</summary>
    /// <exception cref="ArgumentException">The name is empty or the analyzer id is already registered under another name.</exception>
    public AnalyzerRegistry Register(AnalyzerRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.AnalyzerId);
        ArgumentNullException.ThrowIfNull(registration.Configure);
        var other = _byName.Values.FirstOrDefault(r => string.Equals(r.AnalyzerId, registration.AnalyzerId, StringComparison.Ordinal)
            && !string.Equals(r.Name, registration.Name, StringComparison.OrdinalIgnoreCase));
        if (other is not null)
        {
            throw new ArgumentException($"Analyzer '{registration.AnalyzerId}' is already registered as '{other.Name}'.", nameof(registration));
        }

        _byName[registration.Name] = registration;
        return this;
    }

    /// <summary>Finds a registration by name (case-insensitive).</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out AnalyzerRegistration? registration)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out registration);
    }

    /// <summary>Finds a registration by analyzer id without version (<c>textlens.framing</c>).</summary>
    public bool TryGetByAnalyzerId(string analyzerId, [NotNullWhen(true)] out AnalyzerRegistration? registration)
    {
        ArgumentNullException.ThrowIfNull(analyzerId);
        registration = _byName.Values.FirstOrDefault(r => string.Equals(r.AnalyzerId, analyzerId, StringComparison.Ordinal));
        return registration is not null;
    }

    private void RegisterBuiltIns()
    {
        // Order matters only for the default list; the pipeline orders analyzers by the layers they read.
        Register("entities", "textlens.entities", ConfigureEntities);
        Register("attribution", "textlens.attribution", ConfigureAttribution);
        Register("framing", FramingAnalyzer.AnalyzerId, ConfigureFraming);
        Register(new AnalyzerRegistration("vocabulary", VocabularyAnalyzer.AnalyzerId, ConfigureVocabulary) { IsDefault = false });
    }

    /// <summary>
    /// <c>"Vocabulary": { "Bigrams": true, "FoldDiacritics": false }</c>: words only and diacritics kept without settings.
    /// Also reads the options a report manifest records (<c>bigrams = "true"</c>).
    /// </summary>
    internal static void ConfigureVocabulary(TextLensPipelineBuilder builder, IConfigurationSection? section)
    {
        var bigrams = Flag(section, "Bigrams");
        var fold = Flag(section, "FoldDiacritics");
        builder.AddVocabulary(o =>
        {
            o.Bigrams = bigrams;
            o.FoldDiacritics = fold;
        });
    }

    private static bool Flag(IConfigurationSection? section, string key)
    {
        var text = section?[key];
        if (text is null)
        {
            return false;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new TextLensConfigurationException($"{section!.Path}:{key} must be true or false (was '{text}').");
    }

    /// <summary>
    /// <c>"Attribution": { "CueLexicons": ["cues/extra.json"] }</c>: cue lexicon files added to the embedded default cues.
    /// </summary>
    internal static void ConfigureAttribution(TextLensPipelineBuilder builder, IConfigurationSection? section)
    {
        var files = section?.GetSection("CueLexicons").GetChildren().Select(c => c.Value).OfType<string>().ToList() ?? [];
        builder.AddAttribution(o =>
        {
            foreach (var file in files)
            {
                o.AddCueLexiconFile(file);
            }
        });
    }

    /// <summary>
    /// <c>"Entities": { "Gazetteers": ["world", "karabakh", "gazetteers/mine.json"], "Recognizer": "statistical" }</c>:
    /// embedded gazetteers by name (optionally <c>embedded:</c>-prefixed), anything else a gazetteer file; the default
    /// gazetteers without settings. <c>Recognizer</c> picks the finder of names the gazetteers do not list:
    /// <c>rules</c> (the built-in rules, the library's default) or <c>statistical</c> (the embedded CoNLL-2003 model).
    /// Also reads the form a report manifest records (<c>gazetteers = "world@1,karabakh@1"</c>,
    /// <c>recognizer = "conll2003-perceptron/2"</c> or <c>"rules/1"</c>).
    /// </summary>
    /// <exception cref="TextLensConfigurationException">The recognizer is not one of those.</exception>
    internal static void ConfigureEntities(TextLensPipelineBuilder builder, IConfigurationSection? section)
    {
        var sources = Sources(section, "Gazetteers");
        var statistical = UsesStatisticalRecognizer(section?["Recognizer"]);
        builder.AddEntities(o =>
        {
            foreach (var source in sources)
            {
                var name = source.StartsWith("embedded:", StringComparison.Ordinal) ? source["embedded:".Length..] : source;
                if (Gazetteers.DefaultNames.Contains(name, StringComparer.Ordinal))
                {
                    o.UseDefaultGazetteer(name);
                }
                else
                {
                    o.AddGazetteerFile(source);
                }
            }

            if (statistical)
            {
                o.UseStatisticalRecognizer();
            }
        });
    }

    /// <summary>Whether a recognizer setting names the statistical model (<c>statistical</c>, or the name a manifest records) rather than the rules (<c>rules</c>, <c>rules/1</c>, or nothing).</summary>
    private static bool UsesStatisticalRecognizer(string? setting)
    {
        const string Model = StatisticalEntityRecognizer.DefaultModelName;
        return setting?.Trim() switch
        {
            null or "" => false,
            var s when s.Equals("rules", StringComparison.OrdinalIgnoreCase) || s.StartsWith("rules/", StringComparison.Ordinal) => false,
            var s when s.Equals("statistical", StringComparison.OrdinalIgnoreCase) || s == Model || s.StartsWith(Model + "/", StringComparison.Ordinal) => true,
            var s => throw new TextLensConfigurationException(
                $"Entities recognizer '{s}' is not known: use 'rules' (the built-in rules) or 'statistical' (the embedded {Model} model)."),
        };
    }

    private static List<string> Sources(IConfigurationSection? section, string key)
    {
        var list = section?.GetSection(key);
        var sources = list?.GetChildren().Select(c => c.Value).OfType<string>().ToList() ?? [];
        if (sources.Count == 0 && (list?.Value ?? section?.GetSection(key.ToLowerInvariant()).Value) is { } recorded)
        {
            sources = recorded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.Split('@')[0]).ToList();
        }

        return sources;
    }

    /// <summary>
    /// <c>"Framing": { "Lexicons": ["karabakh-conflict", "lexicons/mine.json"] }</c>: embedded lexicons by name
    /// (optionally <c>embedded:</c>-prefixed), anything else a lexicon file; the default lexicon without settings.
    /// Also reads the form a report manifest records (<c>lexicons = "karabakh-conflict@1.0,ukraine-war@1.0"</c>),
    /// which names lexicons but not the files they came from, so only embedded lexicons replay from a manifest.
    /// </summary>
    internal static void ConfigureFraming(TextLensPipelineBuilder builder, IConfigurationSection? section)
    {
        var sources = Sources(section, "Lexicons");

        if (sources.Count == 0)
        {
            builder.AddFraming();
            return;
        }

        builder.AddFraming(o =>
        {
            foreach (var source in sources)
            {
                var name = source.StartsWith("embedded:", StringComparison.Ordinal) ? source["embedded:".Length..] : source;
                if (FramingLexicons.DefaultNames.Contains(name, StringComparer.Ordinal))
                {
                    o.UseDefaultLexicon(name);
                }
                else
                {
                    o.AddLexiconFile(source);
                }
            }
        });
    }
}

/// <summary>An analyzer that can be named in configuration.</summary>
/// <param name="Name">The name used in configuration (<c>framing</c>).</param>
/// <param name="AnalyzerId">The id of the analyzer it adds, without version (<c>textlens.framing</c>).</param>
/// <param name="Configure">Adds the analyzer to a builder from its settings section (<see langword="null"/> when there is none).</param>
public sealed record AnalyzerRegistration(string Name, string AnalyzerId, Action<TextLensPipelineBuilder, IConfigurationSection?> Configure)
{
    /// <summary>
    /// Whether it runs when no analyzer is named (the console's default list). <see langword="false"/> for opt-in analyzers
    /// such as <c>vocabulary</c>, whose counts are large and needed only by some questions.
    /// </summary>
    public bool IsDefault { get; init; } = true;
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TextLens.Plugins;

namespace TextLens.Extensions.DependencyInjection;

/// <summary>The code configuration of one pipeline: the actions of every <c>AddTextLens</c> call, in call order.</summary>
internal sealed class TextLensPipelineSetup
{
    public List<Action<TextLensPipelineBuilder, IServiceProvider>> Actions { get; } = [];
}

/// <summary>The names of the pipelines registered with <c>AddTextLens</c> (<c>""</c> is the default pipeline).</summary>
internal sealed class TextLensPipelineNames
{
    public SortedSet<string> Names { get; } = new(StringComparer.Ordinal);
}

/// <summary>Marker options whose start-up validation builds the pipeline of the same name.</summary>
internal sealed class TextLensStartupCheck;

/// <summary>Builds the pipeline of a name when the host validates options on start, and reports its faults as a validation failure.</summary>
internal sealed class TextLensStartupCheckValidator(TextLensPipelineFactory factory) : IValidateOptions<TextLensStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, TextLensStartupCheck options)
    {
        try
        {
            factory.Get(name ?? Options.DefaultName);
            return ValidateOptionsResult.Success;
        }
        catch (TextLensConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Faults);
        }
    }
}

/// <summary>
/// Builds each named pipeline once, on first use: settings from configuration (registered analyzers, then
/// plugins), then <see cref="IAnalyzer"/> services, then the code of every <c>AddTextLens</c> call in order;
/// when several analyzers share an id, the one added last replaces the others. Owns the plugins it loaded and
/// unloads them when the container is disposed.
/// </summary>
internal sealed class TextLensPipelineFactory(
    IServiceProvider services,
    IOptionsMonitor<TextLensOptions> options,
    IOptionsMonitor<TextLensPipelineSetup> setups,
    AnalyzerRegistry registry) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<TextLensPipeline>> _pipelines = new(StringComparer.Ordinal);
    private readonly List<PluginAssembly> _plugins = [];
    private bool _disposed;

    public TextLensPipeline Get(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _pipelines.GetOrAdd(name, n => new Lazy<TextLensPipeline>(() => Create(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    public void Dispose()
    {
        _disposed = true;
        lock (_plugins)
        {
            foreach (var p in _plugins)
            {
                p.Dispose();
            }

            _plugins.Clear();
        }
    }

    private TextLensPipeline Create(string name)
    {
        var prefix = name.Length == 0 ? "" : $"Pipeline '{name}': ";
        TextLensOptions settings;
        try
        {
            settings = options.Get(name);
        }
        catch (OptionsValidationException ex)
        {
            throw new TextLensConfigurationException(ex.Failures.Select(f => prefix + f).ToList(), ex);
        }

        var faults = new List<string>();
        var loaded = new List<PluginAssembly>();
        var builder = new TextLensPipelineBuilder();
        try
        {
            foreach (var analyzer in settings.Analyzers)
            {
                var registration = registry.TryGet(analyzer, out var r) ? r : throw new InvalidOperationException($"Analyzer '{analyzer}' passed validation but is not registered.");
                var section = settings.Configuration?.GetSection(registration.Name);
                try
                {
                    registration.Configure(builder, section is not null && section.Exists() ? section : null);
                }
                catch (TextLensConfigurationException ex)
                {
                    faults.AddRange(ex.Faults.Select(f => $"{prefix}{registration.Name}: {f}"));
                }
            }

            foreach (var plugin in settings.Plugins)
            {
                try
                {
                    var assembly = TextLensPluginLoader.Load(plugin.Path);
                    loaded.Add(assembly);
                    assembly.Configure(builder, new Dictionary<string, string>(plugin.Options, StringComparer.OrdinalIgnoreCase));
                }
                catch (TextLensConfigurationException ex)
                {
                    faults.AddRange(ex.Faults.Select(f => prefix + f));
                }
            }

            var registered = name.Length == 0 ? services.GetServices<IAnalyzer>() : services.GetKeyedServices<IAnalyzer>(name);
            foreach (var analyzer in registered)
            {
                builder.AddAnalyzer(analyzer);
            }

            foreach (var action in setups.Get(name).Actions)
            {
                try
                {
                    action(builder, services);
                }
                catch (TextLensConfigurationException ex)
                {
                    faults.AddRange(ex.Faults.Select(f => prefix + f));
                }
            }

            KeepLastOfEachId(builder);
            TextLensPipeline? pipeline = null;
            try
            {
                pipeline = builder.Build();
            }
            catch (TextLensConfigurationException ex)
            {
                faults.AddRange(ex.Faults.Select(f => prefix + f));
            }

            if (faults.Count > 0)
            {
                throw new TextLensConfigurationException(faults);
            }

            lock (_plugins)
            {
                _plugins.AddRange(loaded);
            }

            loaded.Clear();
            return pipeline!;
        }
        finally
        {
            foreach (var p in loaded)
            {
                p.Dispose();
            }
        }
    }

    /// <summary>
    /// Keeps, for each analyzer id added more than once, only the analyzer added last, at the position of the
    /// first: calling <c>AddTextLens</c> twice with the same analyzer, or adding in code an analyzer that
    /// configuration also names, replaces it instead of failing the build.
    /// </summary>
    internal static void KeepLastOfEachId(TextLensPipelineBuilder builder)
    {
        var all = builder.Analyzers.ToList();
        var last = new Dictionary<string, IAnalyzer>(StringComparer.Ordinal);
        foreach (var a in all)
        {
            last[a.Descriptor.Id] = a;
        }

        if (last.Count == all.Count)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = all.Where(a => seen.Add(a.Descriptor.Id)).Select(a => last[a.Descriptor.Id]).ToList();
        foreach (var id in last.Keys)
        {
            builder.Remove(id);
        }

        foreach (var a in kept)
        {
            builder.AddAnalyzer(a);
        }
    }
}

using System.Reflection;
using TextLens.Reports;

namespace TextLens.Plugins;

/// <summary>
/// A loaded plugin assembly: configures pipeline builders with its entry type and records itself in each
/// builder's <see cref="TextLensPipelineBuilder.Plugins"/> (name, version, SHA-256, options, analyzers added)
/// so that reports say which plugin produced what. Dispose it to unload its load context; the memory is
/// reclaimed once no pipeline, analyzer or annotation type from the plugin is still referenced.
/// </summary>
public sealed class PluginAssembly : IDisposable
{
    private readonly ITextLensPlugin _entry;
    private PluginLoadContext? _context;

    internal PluginAssembly(PluginLoadContext context, string path, string name, string version, string sha256, ITextLensPlugin entry)
    {
        _context = context;
        _entry = entry;
        Path = path;
        Name = name;
        Version = version;
        Sha256 = sha256;
        Directory = System.IO.Path.GetDirectoryName(path) ?? ".";
    }

    /// <summary>The full path of the plugin assembly.</summary>
    public string Path { get; }

    /// <summary>The directory of the plugin assembly, where its data files live.</summary>
    public string Directory { get; }

    /// <summary>The assembly's simple name.</summary>
    public string Name { get; }

    /// <summary>The assembly's informational version (or assembly version).</summary>
    public string Version { get; }

    /// <summary>Lower-case hex SHA-256 of the assembly file.</summary>
    public string Sha256 { get; }

    /// <summary>The full name of the entry type.</summary>
    public string EntryTypeName => _entry.GetType().FullName ?? _entry.GetType().Name;

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsUnloaded => _context is null;

    /// <summary>The load context, for tests that check it is collected after unloading.</summary>
    internal PluginLoadContext? LoadContext => _context;

    /// <summary>
    /// Lets the plugin configure a builder, then records the plugin (with its options and the analyzers it added)
    /// in <see cref="TextLensPipelineBuilder.Plugins"/>. If the plugin fails, the analyzers it added are removed.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The plugin's options as flat configuration keys (<c>ExtraHedges:0</c>); none when <see langword="null"/>.</param>
    /// <exception cref="PluginLoadException">The plugin rejected its options (<see cref="PluginLoadReason.InvalidOptions"/>),
    /// threw (<see cref="PluginLoadReason.EntryTypeThrew"/>) or missed a dependency (<see cref="PluginLoadReason.MissingDependency"/>).</exception>
    /// <exception cref="ObjectDisposedException">The plugin was unloaded.</exception>
    public void Configure(TextLensPipelineBuilder builder, IReadOnlyDictionary<string, string>? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ObjectDisposedException.ThrowIf(_context is null, this);
        var before = new HashSet<IAnalyzer>(builder.Analyzers, ReferenceEqualityComparer.Instance);
        var beforeIds = new HashSet<string>(builder.Analyzers.Select(a => a.Descriptor.Id), StringComparer.Ordinal);
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in options ?? new Dictionary<string, string>())
        {
            sorted[k] = v;
        }

        var label = $"'{Name}' ({Path})";
        try
        {
            _entry.Configure(builder, new PluginContext(Name, Directory, sorted));
        }
        catch (Exception ex)
        {
            foreach (var added in builder.Analyzers.Where(a => !before.Contains(a)).Select(a => a.Descriptor.Id).Distinct(StringComparer.Ordinal).ToList())
            {
                if (!beforeIds.Contains(added))
                {
                    builder.Remove(added);
                }
            }

            throw Wrap(ex, label);
        }

        builder.Plugins.Add(new PluginManifest(Name, Version, Sha256, Path)
        {
            Options = sorted,
            Analyzers = builder.Analyzers.Where(a => !before.Contains(a)).Select(a => a.Descriptor.VersionedId).ToList(),
        });
    }

    /// <summary>
    /// Unloads the plugin's load context. Pipelines built with the plugin must not be used afterwards; the
    /// context is collected once nothing references its types any more.
    /// </summary>
    public void Dispose()
    {
        var context = Interlocked.Exchange(ref _context, null);
        context?.Unload();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Version} ({Path})";

    /// <summary>The assembly that could not be found, when <paramref name="ex"/> (or an inner exception) is an assembly load failure.</summary>
    internal static string? MissingAssembly(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var file = e switch
            {
                FileNotFoundException f => f.FileName,
                FileLoadException f => f.FileName,
                _ => null,
            };

            // An assembly display name ("Newtonsoft.Json, Version=13.0.0.0, ..."), not a data file path.
            if (file is not null && file.Contains(", Version=", StringComparison.Ordinal))
            {
                return file;
            }
        }

        return null;
    }

    internal static string MissingDependencyMessage(string label, string path, string missing) =>
        $"Plugin {label} depends on assembly '{missing}', which was found neither in the plugin's folder ({System.IO.Path.GetDirectoryName(path)}) " +
        "nor in the host. Load the plugin from its complete build or publish output (its .deps.json and every dependency DLL).";

    private PluginLoadException Wrap(Exception ex, string label)
    {
        var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
        if (MissingAssembly(inner) is { } missing)
        {
            return new PluginLoadException(Path, PluginLoadReason.MissingDependency, MissingDependencyMessage(label, Path, missing), inner);
        }

        if (inner is TextLensConfigurationException config)
        {
            return new PluginLoadException(Path, PluginLoadReason.InvalidOptions,
                config.Faults.Select(f => f.Contains(Name, StringComparison.Ordinal) ? f : $"Plugin {label}: {f}").ToList(), inner);
        }

        return new PluginLoadException(Path, PluginLoadReason.EntryTypeThrew,
            $"Plugin {label}: {EntryTypeName}.Configure threw {inner.GetType().Name}: {inner.Message}", inner);
    }
}

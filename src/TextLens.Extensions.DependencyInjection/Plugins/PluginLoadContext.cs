using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace TextLens.Plugins;

/// <summary>
/// The collectible load context of one plugin. The plugin's own dependencies (read from its <c>.deps.json</c>
/// by <see cref="AssemblyDependencyResolver"/>) load here, isolated from the host and from other plugins; the
/// TextLens contract assemblies always come from the host so that <see cref="ITextLensPlugin"/>,
/// <see cref="IAnalyzer"/> and the annotation types keep their identity; <c>Microsoft.Extensions.*</c> come
/// from the host when it has a version at least as high as the one the plugin was built against, else from the
/// plugin's folder.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    /// <summary>Assemblies always shared with the host (the plugin contract).</summary>
    internal static readonly string[] ContractAssemblies = ["TextLens.Core", "TextLens.Analyzers"];

    private readonly AssemblyDependencyResolver _resolver;
    private readonly HashSet<string> _shipped;
    private readonly string _depsFile;

    public PluginLoadContext(string pluginPath)
        : base($"TextLens plugin {Path.GetFileNameWithoutExtension(pluginPath)}", isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(pluginPath);
        _depsFile = Path.ChangeExtension(pluginPath, ".deps.json");
        _shipped = ShippedAssemblies(_depsFile);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is not null && Array.Exists(ContractAssemblies, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)))
        {
            // Version compatibility of the contract is checked by the loader before any plugin type is touched;
            // whatever version the plugin asks for, it gets the host's copy.
            return FromHost(new AssemblyName(name)) ?? FromPluginFolder(assemblyName);
        }

        if (name is not null && name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
        {
            return FromHost(assemblyName) ?? FromPluginFolder(assemblyName);
        }

        // Everything else the plugin ships is its own; framework assemblies are not in its deps file and fall
        // through to the default context.
        return FromPluginFolder(assemblyName);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private Assembly? FromPluginFolder(AssemblyName assemblyName)
    {
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path is not null)
        {
            return LoadFromAssemblyPath(path);
        }

        // The plugin says it ships this assembly but the file is gone: fail, rather than quietly run the plugin
        // with whatever version the host happens to have.
        if (assemblyName.Name is { } name && _shipped.Contains(name))
        {
            throw new FileNotFoundException(
                $"{name}.dll is listed in {Path.GetFileName(_depsFile)} but missing from {Path.GetDirectoryName(_depsFile)}.", assemblyName.FullName);
        }

        return null;
    }

    /// <summary>The names of the managed assemblies a plugin's deps file lists as its own runtime files.</summary>
    private static HashSet<string> ShippedAssemblies(string depsFile)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(depsFile))
        {
            return names;
        }

        try
        {
            using var stream = File.OpenRead(depsFile);
            using var deps = JsonDocument.Parse(stream);
            if (!deps.RootElement.TryGetProperty("targets", out var targets))
            {
                return names;
            }

            foreach (var target in targets.EnumerateObject())
            {
                foreach (var library in target.Value.EnumerateObject())
                {
                    if (library.Value.TryGetProperty("runtime", out var runtime))
                    {
                        foreach (var file in runtime.EnumerateObject())
                        {
                            names.Add(Path.GetFileNameWithoutExtension(file.Name));
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A malformed deps file is reported by the resolver itself.
        }

        return names;
    }

    private static Assembly? FromHost(AssemblyName assemblyName)
    {
        foreach (var loaded in Default.Assemblies)
        {
            var n = loaded.GetName();
            if (string.Equals(n.Name, assemblyName.Name, StringComparison.OrdinalIgnoreCase)
                && (assemblyName.Version is null || n.Version is null || n.Version >= assemblyName.Version))
            {
                return loaded;
            }
        }

        try
        {
            // The default binder refuses a host version lower than the one asked for.
            return Default.LoadFromAssemblyName(assemblyName);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}

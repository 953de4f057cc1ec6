using System.Reflection;
using System.Security.Cryptography;

namespace TextLens.Plugins;

/// <summary>
/// Loads plugin assemblies named by the user (never by scanning a folder), each in its own collectible
/// <see cref="System.Runtime.Loader.AssemblyLoadContext"/> that shares the TextLens contract assemblies with
/// the host and keeps the plugin's other dependencies isolated.
/// </summary>
/// <example>
/// <code>
/// using var plugin = TextLensPluginLoader.Load("plugins/hedging/TextLens.Samples.CustomAnalyzer.dll");
/// var builder = new TextLensPipelineBuilder();
/// plugin.Configure(builder, new Dictionary&lt;string, string&gt; { ["CountModalVerbs"] = "false" });
/// var pipeline = builder.Build();
/// </code>
/// </example>
public static class TextLensPluginLoader
{
    /// <summary>The major version of the host's TextLens.Core; a plugin must target the same one.</summary>
    public static int HostMajorVersion => HostCoreVersion.Major;

    internal static Version HostCoreVersion { get; } = typeof(ITextLensPlugin).Assembly.GetName().Version ?? new Version(0, 0);

    /// <summary>
    /// Loads a plugin assembly, checks it is a TextLens plugin built for this TextLens major version, and creates
    /// its entry type. Its dependencies are resolved from its <c>.deps.json</c> and its folder, so point at the
    /// plugin's build or publish output, not at a lone copy of the DLL.
    /// </summary>
    /// <param name="path">The plugin assembly (<c>.dll</c>); relative paths resolve against the current directory.</param>
    /// <returns>The loaded plugin; dispose it to unload it once no pipeline built with it is in use.</returns>
    /// <exception cref="PluginLoadException">The file is missing, not an assembly, not a plugin, built for another
    /// major version, misses a dependency, or its entry type is invalid or throws; <see cref="PluginLoadException.Reason"/> says which.</exception>
    public static PluginAssembly Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new PluginLoadException(fullPath, PluginLoadReason.FileNotFound,
                $"Plugin '{path}' was not found (looked for {fullPath}).");
        }

        AssemblyName assemblyName;
        try
        {
            assemblyName = AssemblyName.GetAssemblyName(fullPath);
        }
        catch (BadImageFormatException ex)
        {
            throw new PluginLoadException(fullPath, PluginLoadReason.NotAnAssembly,
                $"Plugin '{fullPath}' is not a .NET assembly ({ex.Message}).", ex);
        }

        var sha256 = HashFile(fullPath);
        var label = $"'{assemblyName.Name}' ({fullPath})";
        var context = new PluginLoadContext(fullPath);
        try
        {
            var assembly = context.LoadFromAssemblyPath(fullPath);
            var entryType = FindEntryType(assembly, fullPath, label);
            var entry = CreateEntry(entryType, fullPath, label);
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assemblyName.Version?.ToString() ?? "0.0.0";
            return new PluginAssembly(context, fullPath, assemblyName.Name ?? Path.GetFileNameWithoutExtension(fullPath), version, sha256, entry);
        }
        catch (PluginLoadException)
        {
            context.Unload();
            throw;
        }
        catch (Exception ex) when (PluginAssembly.MissingAssembly(ex) is { } missing)
        {
            context.Unload();
            throw new PluginLoadException(fullPath, PluginLoadReason.MissingDependency,
                PluginAssembly.MissingDependencyMessage(label, fullPath, missing), ex);
        }
        catch (BadImageFormatException ex)
        {
            context.Unload();
            throw new PluginLoadException(fullPath, PluginLoadReason.NotAnAssembly,
                $"Plugin '{fullPath}' could not be loaded as a .NET assembly ({ex.Message}).", ex);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>Compares a referenced TextLens.Core version and a declared major version with the host's; returns the fault, or <see langword="null"/>.</summary>
    internal static string? CheckVersion(string label, Version? referencedCore, int declaredMajor, Version host)
    {
        if (declaredMajor >= 0 && declaredMajor != host.Major)
        {
            return $"Plugin {label} declares TextLens major version {declaredMajor}, but this host runs TextLens {host.Major}.x ({host}); " +
                $"use a build of the plugin made for TextLens {host.Major}.x.";
        }

        if (referencedCore is not null && referencedCore.Major != host.Major)
        {
            return $"Plugin {label} was built against TextLens.Core {referencedCore} (major version {referencedCore.Major}), but this host runs " +
                $"TextLens.Core {host} (major version {host.Major}); rebuild the plugin against TextLens {host.Major}.x.";
        }

        if (referencedCore is not null && referencedCore > host)
        {
            return $"Plugin {label} was built against TextLens.Core {referencedCore}, newer than this host's {host}; " +
                $"update the host or rebuild the plugin against TextLens.Core {host}.";
        }

        return null;
    }

    private static Type FindEntryType(Assembly assembly, string fullPath, string label)
    {
        var core = Array.Find(assembly.GetReferencedAssemblies(), n => string.Equals(n.Name, "TextLens.Core", StringComparison.OrdinalIgnoreCase));
        if (core is null)
        {
            throw new PluginLoadException(fullPath, PluginLoadReason.NotAPlugin,
                $"Plugin {label} is not a TextLens plugin: it does not reference TextLens.Core and has no [assembly: TextLensPlugin(typeof(...))] attribute.");
        }

        // Compare the referenced version before any plugin type is resolved against the host's contract.
        if (CheckVersion(label, core.Version, -1, HostCoreVersion) is { } versionFault)
        {
            throw new PluginLoadException(fullPath, PluginLoadReason.IncompatibleVersion, versionFault);
        }

        var attribute = assembly.GetCustomAttributesData()
            .FirstOrDefault(a => string.Equals(a.AttributeType.FullName, typeof(TextLensPluginAttribute).FullName, StringComparison.Ordinal));
        if (attribute is null)
        {
            throw new PluginLoadException(fullPath, PluginLoadReason.NotAPlugin,
                $"Plugin {label} is not a TextLens plugin: it has no [assembly: TextLensPlugin(typeof(...))] attribute naming its entry type.");
        }

        var declared = attribute.NamedArguments
            .Where(a => string.Equals(a.MemberName, nameof(TextLensPluginAttribute.TargetTextLensMajorVersion), StringComparison.Ordinal))
            .Select(a => a.TypedValue.Value is int i ? i : -1)
            .DefaultIfEmpty(-1)
            .First();
        if (CheckVersion(label, null, declared, HostCoreVersion) is { } declaredFault)
        {
            throw new PluginLoadException(fullPath, PluginLoadReason.IncompatibleVersion, declaredFault);
        }

        if (attribute.ConstructorArguments is not [{ Value: Type entryType }])
        {
            throw new PluginLoadException(fullPath, PluginLoadReason.InvalidEntryType,
                $"Plugin {label}: its TextLensPlugin attribute names no entry type.");
        }

        if (!typeof(ITextLensPlugin).IsAssignableFrom(entryType))
        {
            var lookalike = entryType.GetInterfaces().Any(i => string.Equals(i.FullName, typeof(ITextLensPlugin).FullName, StringComparison.Ordinal));
            throw new PluginLoadException(fullPath, PluginLoadReason.InvalidEntryType, lookalike
                ? $"Plugin {label}: entry type '{entryType.FullName}' implements a different copy of ITextLensPlugin than the host's; do not ship TextLens.Core inside the plugin."
                : $"Plugin {label}: entry type '{entryType.FullName}' does not implement {typeof(ITextLensPlugin).FullName}.");
        }

        if (entryType.IsAbstract || entryType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new PluginLoadException(fullPath, PluginLoadReason.InvalidEntryType,
                $"Plugin {label}: entry type '{entryType.FullName}' must be a concrete class with a public parameterless constructor.");
        }

        return entryType;
    }

    private static ITextLensPlugin CreateEntry(Type entryType, string fullPath, string label)
    {
        try
        {
            return (ITextLensPlugin)Activator.CreateInstance(entryType)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is { } inner)
        {
            if (PluginAssembly.MissingAssembly(inner) is { } missing)
            {
                throw new PluginLoadException(fullPath, PluginLoadReason.MissingDependency,
                    PluginAssembly.MissingDependencyMessage(label, fullPath, missing), inner);
            }

            throw new PluginLoadException(fullPath, PluginLoadReason.EntryTypeThrew,
                $"Plugin {label}: the constructor of entry type '{entryType.FullName}' threw {inner.GetType().Name}: {inner.Message}", inner);
        }
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}

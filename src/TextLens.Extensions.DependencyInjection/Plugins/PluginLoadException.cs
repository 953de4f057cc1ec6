namespace TextLens.Plugins;

/// <summary>A plugin assembly could not be loaded or could not configure a pipeline; names the assembly and the reason.</summary>
public sealed class PluginLoadException : TextLensConfigurationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="assemblyPath">The plugin assembly's path.</param>
    /// <param name="reason">Why it failed.</param>
    /// <param name="message">A sentence naming the assembly and the reason.</param>
    /// <param name="innerException">The exception that revealed the fault, when there is one.</param>
    public PluginLoadException(string assemblyPath, PluginLoadReason reason, string message, Exception? innerException = null)
        : base([message], innerException)
    {
        AssemblyPath = assemblyPath;
        Reason = reason;
    }

    /// <summary>Creates the exception from several faults (a plugin that rejected several of its options).</summary>
    /// <param name="assemblyPath">The plugin assembly's path.</param>
    /// <param name="reason">Why it failed.</param>
    /// <param name="faults">Every fault, each naming the plugin.</param>
    /// <param name="innerException">The exception that revealed the faults.</param>
    public PluginLoadException(string assemblyPath, PluginLoadReason reason, IReadOnlyList<string> faults, Exception? innerException = null)
        : base(faults, innerException)
    {
        AssemblyPath = assemblyPath;
        Reason = reason;
    }

    /// <summary>The plugin assembly's full path.</summary>
    public string AssemblyPath { get; }

    /// <summary>Why loading or configuring failed.</summary>
    public PluginLoadReason Reason { get; }
}

/// <summary>Why a plugin could not be loaded or could not configure a pipeline.</summary>
public enum PluginLoadReason
{
    /// <summary>No file at the path.</summary>
    FileNotFound = 0,

    /// <summary>The file is not a .NET assembly (<see cref="BadImageFormatException"/>).</summary>
    NotAnAssembly = 1,

    /// <summary>The assembly has no <see cref="TextLensPluginAttribute"/> (or does not reference TextLens.Core at all).</summary>
    NotAPlugin = 2,

    /// <summary>The plugin targets a different TextLens major version, or a newer TextLens.Core than the host's.</summary>
    IncompatibleVersion = 3,

    /// <summary>The entry type does not implement <see cref="ITextLensPlugin"/> or has no public parameterless constructor.</summary>
    InvalidEntryType = 4,

    /// <summary>The entry type's constructor or <see cref="ITextLensPlugin.Configure"/> threw; the inner exception says why.</summary>
    EntryTypeThrew = 5,

    /// <summary>An assembly the plugin depends on was found neither next to the plugin nor in the host.</summary>
    MissingDependency = 6,

    /// <summary>The plugin rejected its options (it threw <see cref="TextLensConfigurationException"/>).</summary>
    InvalidOptions = 7,

    /// <summary>The file's SHA-256 differs from the one recorded in a report manifest being replayed.</summary>
    ChecksumMismatch = 8,
}

namespace TextLens.Plugins;

/// <summary>
/// Marks an assembly as a TextLens plugin and names its entry type, which implements
/// <see cref="ITextLensPlugin"/> and has a public parameterless constructor:
/// <c>[assembly: TextLensPlugin(typeof(HedgingPlugin))]</c>. A host loads only the plugin assemblies it is
/// told to load; it never scans folders.
/// </summary>
/// <param name="entryType">The type that configures the pipeline builder.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class TextLensPluginAttribute(Type entryType) : Attribute
{
    /// <summary>The entry type: implements <see cref="ITextLensPlugin"/>, public, with a public parameterless constructor.</summary>
    public Type EntryType { get; } = entryType;

    /// <summary>
    /// The TextLens major version the plugin is written for. When left at -1 (the default), the major version
    /// of the <c>TextLens.Core</c> assembly the plugin was compiled against is used. A host refuses a plugin
    /// whose major version differs from its own.
    /// </summary>
    public int TargetTextLensMajorVersion { get; set; } = -1;
}

namespace TextLens.Plugins;

/// <summary>
/// The entry point of a plugin assembly (named by <see cref="TextLensPluginAttribute"/>): adds the plugin's
/// analyzers, lexicons or report contributors to a pipeline builder. Called once per builder; it may be
/// called for several builders, so it must not keep per-builder state.
/// </summary>
public interface ITextLensPlugin
{
    /// <summary>Configures the builder, typically with the plugin's own <c>Add*</c> extension methods.</summary>
    /// <param name="builder">The pipeline builder of the host.</param>
    /// <param name="context">The plugin's options from the host's configuration and its directory for data files.</param>
    /// <exception cref="TextLensConfigurationException">An option is invalid; the host reports every fault listed.</exception>
    void Configure(TextLensPipelineBuilder builder, PluginContext context);
}

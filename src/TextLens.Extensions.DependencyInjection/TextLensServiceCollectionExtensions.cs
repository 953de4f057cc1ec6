using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TextLens;
using TextLens.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers TextLens pipelines in a service collection. Each pipeline is an immutable singleton
/// <see cref="TextLensPipeline"/> built on first resolve from, in order: the analyzers its configuration names
/// (<see cref="AnalyzerRegistry"/>), the plugins its configuration names, the <see cref="IAnalyzer"/> services
/// (keyed with the pipeline's name for a named pipeline), and the code of every <c>AddTextLens</c> call in call
/// order. When several analyzers share an id, the one added last replaces the others. Every call is safe to
/// repeat. Faults surface as one <see cref="TextLensConfigurationException"/> listing all of them, on first
/// resolve, on <see cref="TextLensServiceProviderExtensions.ValidateTextLens"/>, or when a host runs its start-up
/// validation (<c>ValidateOnStart</c>).
/// </summary>
public static class TextLensServiceCollectionExtensions
{
    /// <summary>Registers the default pipeline, configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the builder (<c>b =&gt; b.AddHedging()</c>); may be <see langword="null"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTextLens(this IServiceCollection services, Action<TextLensPipelineBuilder>? configure = null) =>
        AddTextLens(services, Options.Options.DefaultName, configure is null ? null : (b, _) => configure(b));

    /// <summary>Registers the default pipeline from a configuration section (<c>configuration.GetSection("TextLens")</c>), then code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section bound to <see cref="TextLensOptions"/>.</param>
    /// <param name="configure">Further configures the builder; may be <see langword="null"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTextLens(this IServiceCollection services, IConfiguration configuration, Action<TextLensPipelineBuilder>? configure = null) =>
        AddTextLens(services, Options.Options.DefaultName, configuration, configure);

    /// <summary>
    /// Registers a named pipeline configured in code, resolved with <c>GetRequiredKeyedService&lt;TextLensPipeline&gt;(name)</c>
    /// or <c>[FromKeyedServices(name)]</c>. The name <c>""</c> is the default (unkeyed) pipeline.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The pipeline's name.</param>
    /// <param name="configure">Configures the builder.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTextLens(this IServiceCollection services, string name, Action<TextLensPipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddTextLens(services, name, (b, _) => configure(b));
    }

    /// <summary>Registers a named pipeline from a configuration section, then code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The pipeline's name (<c>""</c> for the default pipeline).</param>
    /// <param name="configuration">The section bound to <see cref="TextLensOptions"/> (named options of the same name).</param>
    /// <param name="configure">Further configures the builder; may be <see langword="null"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTextLens(this IServiceCollection services, string name, IConfiguration configuration,
        Action<TextLensPipelineBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AddTextLens(services, name, configure is null ? null : (b, _) => configure(b));
        services.Configure<TextLensOptions>(name, o => TextLensOptionsBinder.Bind(configuration, o));
        return services;
    }

    /// <summary>Registers a named pipeline configured in code that needs services (lexicon stores, file providers).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The pipeline's name (<c>""</c> for the default pipeline).</param>
    /// <param name="configure">Configures the builder with the root service provider; may be <see langword="null"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTextLens(this IServiceCollection services, string name, Action<TextLensPipelineBuilder, IServiceProvider>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        AddCore(services);
        Names(services).Add(name);
        if (configure is not null)
        {
            services.Configure<TextLensPipelineSetup>(name, s => s.Actions.Add(configure));
        }

        if (name.Length == 0)
        {
            services.TryAddSingleton(sp => sp.GetRequiredService<TextLensPipelineFactory>().Get(Options.Options.DefaultName));
        }
        else
        {
            services.TryAddKeyedSingleton<TextLensPipeline>(name, (sp, _) => sp.GetRequiredService<TextLensPipelineFactory>().Get(name));
        }

        services.AddOptions<TextLensStartupCheck>(name).ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Registers an analyzer by name in the <see cref="AnalyzerRegistry"/> used by <c>AddTextLens</c>, so that
    /// configuration can list it (<c>"Analyzers": ["hedging"]</c>) and manifests that name it can be replayed.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The name used in configuration (<c>hedging</c>).</param>
    /// <param name="analyzerId">The id of the analyzer it adds, without version (<c>samples.hedging</c>).</param>
    /// <param name="configure">Adds the analyzer to a builder from its settings section (<see langword="null"/> when there is none).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTextLensAnalyzer(this IServiceCollection services, string name, string analyzerId,
        Action<TextLensPipelineBuilder, IConfigurationSection?> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddCore(services);
        services.AddSingleton(new AnalyzerRegistration(name, analyzerId, configure));
        return services;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.AddOptions();
        services.TryAddSingleton(sp =>
        {
            var registry = new AnalyzerRegistry();
            foreach (var registration in sp.GetServices<AnalyzerRegistration>())
            {
                registry.Register(registration);
            }

            return registry;
        });
        services.TryAddSingleton<TextLensPipelineFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TextLensOptions>, TextLensOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TextLensStartupCheck>, TextLensStartupCheckValidator>());
    }

    private static SortedSet<string> Names(IServiceCollection services)
    {
        foreach (var d in services)
        {
            if (d.ServiceType == typeof(TextLensPipelineNames) && !d.IsKeyedService && d.ImplementationInstance is TextLensPipelineNames existing)
            {
                return existing.Names;
            }
        }

        var names = new TextLensPipelineNames();
        services.AddSingleton(names);
        return names.Names;
    }
}

/// <summary>Validation of the TextLens pipelines registered in a service provider.</summary>
public static class TextLensServiceProviderExtensions
{
    /// <summary>
    /// Builds every pipeline registered with <c>AddTextLens</c> now, for hosts that do not run start-up
    /// validation (a console, a test); throws one exception listing every fault of every pipeline.
    /// </summary>
    /// <param name="services">The service provider.</param>
    /// <returns>The service provider.</returns>
    /// <exception cref="TextLensConfigurationException">A pipeline's settings, plugins or analyzers are invalid; every fault is listed.</exception>
    /// <exception cref="InvalidOperationException"><c>AddTextLens</c> was not called.</exception>
    public static IServiceProvider ValidateTextLens(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var names = services.GetService<TextLensPipelineNames>()
            ?? throw new InvalidOperationException("No TextLens pipeline is registered; call services.AddTextLens(...) first.");
        var factory = services.GetRequiredService<TextLensPipelineFactory>();
        var faults = new List<string>();
        foreach (var name in names.Names)
        {
            try
            {
                factory.Get(name);
            }
            catch (TextLensConfigurationException ex)
            {
                faults.AddRange(ex.Faults);
            }
        }

        if (faults.Count > 0)
        {
            throw new TextLensConfigurationException(faults);
        }

        return services;
    }
}

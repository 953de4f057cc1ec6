using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TextLens.Extensions.DependencyInjection;
using TextLens.Plugins;
using TextLens.Samples.CustomAnalyzer;

namespace TextLens.Tests;

public sealed class ServiceCollectionTests
{
    [Fact]
    public void Calling_AddTextLens_twice_is_safe_and_the_last_analyzer_with_an_id_wins()
    {
        var services = new ServiceCollection();
        services.AddTextLens(b => b.AddHedging());
        services.AddTextLens(b => b.AddHedging(o => o.CountModalVerbs = false));
        services.AddTextLens();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var pipeline = provider.GetRequiredService<TextLensPipeline>();

        Assert.Single(services, d => d.ServiceType == typeof(TextLensPipeline));
        var hedging = Assert.Single(pipeline.Analyzers);
        Assert.Equal("false", hedging.Descriptor.Options["CountModalVerbs"]);
        Assert.Same(pipeline, provider.GetRequiredService<TextLensPipeline>());
    }

    [Fact]
    public void Configure_actions_run_in_call_order()
    {
        var calls = new List<string>();
        var services = new ServiceCollection();
        services.AddTextLens(b => { calls.Add("first"); b.AddAnalyzer(new KeywordAnalyzer("peace", "tests.first", "first")); });
        services.AddTextLens(b => { calls.Add("second"); b.AddAnalyzer(new KeywordAnalyzer("war", "tests.second", "second")); });
        using var provider = services.BuildServiceProvider();

        var pipeline = provider.GetRequiredService<TextLensPipeline>();

        Assert.Equal(["first", "second"], calls);
        Assert.Equal(["tests.first", "tests.second"], pipeline.Analyzers.Select(a => a.Descriptor.Id));
    }

    [Fact]
    public void Named_pipelines_resolve_independently()
    {
        var services = new ServiceCollection();
        services.AddTextLens("news", b => b.AddHedging());
        services.AddTextLens("social", b => b.AddAnalyzer(new KeywordAnalyzer("ceasefire")));
        services.AddTextLens("news", b => b.AddAnalyzer(new KeywordAnalyzer("peace", "tests.news-only", "news")));
        services.AddSingleton<NewsConsumer>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var news = provider.GetRequiredKeyedService<TextLensPipeline>("news");
        var social = provider.GetRequiredKeyedService<TextLensPipeline>("social");

        Assert.Equal(["samples.hedging", "tests.news-only"], news.Analyzers.Select(a => a.Descriptor.Id));
        Assert.Equal(["tests.keyword"], social.Analyzers.Select(a => a.Descriptor.Id));
        Assert.Same(news, provider.GetRequiredService<NewsConsumer>().Pipeline);
        Assert.Null(provider.GetService<TextLensPipeline>());
        provider.ValidateTextLens();
    }

    [Fact]
    public void Analyzers_registered_as_services_are_picked_up()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAnalyzer>(new KeywordAnalyzer("peace"));
        services.AddKeyedSingleton<IAnalyzer>("news", new KeywordAnalyzer("war", "tests.war", "war"));
        services.AddTextLens(b => b.AddHedging());
        services.AddTextLens("news", b => { });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["tests.keyword", "samples.hedging"], provider.GetRequiredService<TextLensPipeline>().Analyzers.Select(a => a.Descriptor.Id));
        Assert.Equal(["tests.war"], provider.GetRequiredKeyedService<TextLensPipeline>("news").Analyzers.Select(a => a.Descriptor.Id));
    }

    [Fact]
    public async Task Configuration_names_registered_analyzers_and_plugins()
    {
        var configuration = Json($$"""
            {
              "TextLens": {
                "Analyzers": [ "keyword" ],
                "Keyword": { "Word": "forces" },
                "Plugins": [ { "Path": {{Quote(TestPlugins.Hedging)}}, "Options": { "CountModalVerbs": false, "ExtraHedges": [ "sources say" ] } } ],
                "GroupBy": "outlet",
                "Period": "month",
                "MaxDegreeOfParallelism": 2
              }
            }
            """);
        var services = new ServiceCollection();
        services.AddTextLensAnalyzer("keyword", "tests.keyword", KeywordAnalyzer.Configure);
        services.AddTextLens(configuration.GetSection("TextLens"));
        using var provider = services.BuildServiceProvider();

        var pipeline = provider.ValidateTextLens().GetRequiredService<TextLensPipeline>();
        var options = provider.GetRequiredService<IOptions<TextLensOptions>>().Value.CreateAnalysisOptions();
        var report = await pipeline.AnalyzeAsync(SampleCorpus.Create(), options);

        Assert.Equal(["tests.keyword", "samples.hedging"], pipeline.Analyzers.Select(a => a.Descriptor.Id));
        Assert.Equal((PeriodUnit.Month, "outlet", 2), (options.Period, options.GroupBy, options.MaxDegreeOfParallelism));
        var plugin = Assert.Single(report.Manifest.Plugins!);
        Assert.Equal("sources say", plugin.Options["ExtraHedges:0"]);
        Assert.Equal("false", report.Manifest.Analyzers[1].Options["CountModalVerbs"]);
        Assert.Contains(report.Labels, l => l is { Layer: "keyword", Label: "forces", Group: "Caspian Dispatch", Period: "2023-09" });
        Assert.Contains(report.Labels, l => l is { Layer: "hedging", Label: "allegedly", Group: "Yerevan Herald", Period: "2023-09" });
        Assert.Contains(report.Facets, f => f is { Layer: "hedging", Label: "certainly", Facet: "voice", Group: "all", Period: "all" });
    }

    [Fact]
    public void Configuration_with_several_faults_gives_one_exception_listing_each()
    {
        var configuration = Json("""
            {
              "TextLens": {
                "Analyzers": [ "keyword", "framingg" ],
                "Keyword": { "Word": "forces" },
                "Period": "fortnight",
                "MaxDegreeOfParallelism": "many",
                "ErrorPolicy": "Ignore",
                "Plugins": [ { "Path": "no/such/plugin.dll" }, { "Options": { "X": "1" } } ],
                "Colour": "blue"
              }
            }
            """);
        var services = new ServiceCollection();
        services.AddTextLensAnalyzer("keyword", "tests.keyword", KeywordAnalyzer.Configure);
        services.AddTextLens(configuration.GetSection("TextLens"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<TextLensConfigurationException>(() => provider.GetRequiredService<TextLensPipeline>());

        string[] expected =
        [
            // Values in key order (configuration sorts keys), then names, plugins, unknown settings.
            "TextLens:ErrorPolicy: 'Ignore' is not an error policy; use SkipAndRecord or Throw.",
            "TextLens:MaxDegreeOfParallelism: 'many' is not a whole number.",
            "TextLens:Period: 'fortnight' is not a period; use none, day, week, month or year.",
            "TextLens:Analyzers: unknown analyzer 'framingg' (registered: attribution, entities, framing, keyword, vocabulary).",
            $"TextLens:Plugins:0: plugin 'no/such/plugin.dll' was not found (looked for {Path.GetFullPath("no/such/plugin.dll")}).",
            "TextLens:Plugins:1: the plugin has no Path.",
            "TextLens:Colour: unknown setting; expected one of Analyzers, Plugins, GroupBy, Period, MaxDegreeOfParallelism, ErrorPolicy " +
                "or the settings of a registered analyzer (registered: attribution, entities, framing, keyword, vocabulary).",
        ];
        Assert.Equal(expected, ex.Faults);
        Assert.StartsWith("7 configuration faults:", ex.Message, StringComparison.Ordinal);
        Assert.All(expected, f => Assert.Contains(f, ex.Message, StringComparison.Ordinal));

        // The same single list from explicit validation, and from a host's start-up validation.
        Assert.Equal(expected, Assert.Throws<TextLensConfigurationException>(() => provider.ValidateTextLens()).Faults);
        var startup = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(expected, startup.Failures);
    }

    [Fact]
    public void Plugin_and_build_faults_are_reported_together()
    {
        var services = new ServiceCollection();
        services.AddTextLens(Json($$"""
            { "Plugins": [ {{Quote(TestPlugins.FutureMajor)}}, { "Path": {{Quote(TestPlugins.Faulty)}}, "Options": { "FailIn": "configure" } } ] }
            """));
        services.AddTextLens(b => b.AddAnalyzer(new NeedsLayerAnalyzer()));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<TextLensConfigurationException>(() => provider.ValidateTextLens());

        Assert.Equal(3, ex.Faults.Count);
        Assert.StartsWith("Plugin 'TextLens.TestPlugin.FutureMajor' (", ex.Faults[0], StringComparison.Ordinal);
        Assert.Contains("declares TextLens major version 99", ex.Faults[0], StringComparison.Ordinal);
        Assert.EndsWith("TextLens.TestPlugins.FaultyPlugin.Configure threw InvalidOperationException: The faulty plugin refuses to configure.", ex.Faults[1], StringComparison.Ordinal);
        Assert.Equal("Analyzer 'tests.needs/1' requires layer 'missing', which no analyzer in the pipeline produces.", ex.Faults[2]);
    }

    [Fact]
    public void Built_in_framing_analyzer_is_named_in_configuration()
    {
        var services = new ServiceCollection();
        services.AddTextLens(Json("""{ "Analyzers": [ "framing" ], "Framing": { "Lexicons": [ "ukraine-war", "embedded:karabakh-conflict" ] } }"""));
        using var provider = services.BuildServiceProvider();

        var framing = Assert.Single(provider.GetRequiredService<TextLensPipeline>().Analyzers).Descriptor;

        Assert.Equal("textlens.framing/1", framing.VersionedId);
        Assert.Equal(["ukraine-war", "karabakh-conflict"], framing.Lexicons.Select(l => l.Name));
    }

    [Fact]
    public void A_missing_framing_lexicon_is_reported_with_the_other_faults()
    {
        var services = new ServiceCollection();
        services.AddTextLens(Json("""{ "Analyzers": [ "framing" ], "Framing": { "Lexicons": [ "no/such/lexicon.json" ] } }"""));
        services.AddTextLens(b => b.AddAnalyzer(new NeedsLayerAnalyzer()));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<TextLensConfigurationException>(() => provider.ValidateTextLens());

        Assert.Equal(2, ex.Faults.Count);
        Assert.StartsWith("framing: ", ex.Faults[0], StringComparison.Ordinal);
        Assert.Contains("no/such/lexicon.json", ex.Faults[0], StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Faults[0], StringComparison.Ordinal);
        Assert.Equal("Analyzer 'tests.needs/1' requires layer 'missing', which no analyzer in the pipeline produces.", ex.Faults[1]);
    }

    [Fact]
    public void Named_pipeline_faults_name_the_pipeline()
    {
        var services = new ServiceCollection();
        services.AddTextLens("news", Json("""{ "Period": "hourly" }"""));
        services.AddTextLens(b => b.AddHedging());
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<TextLensPipeline>();
        var ex = Assert.Throws<TextLensConfigurationException>(() => provider.ValidateTextLens());
        Assert.Equal(["Pipeline 'news': Period: 'hourly' is not a period; use none, day, week, month or year."], ex.Faults);
    }

    [Fact]
    public void Configuration_and_code_adding_the_same_analyzer_keep_the_code_one()
    {
        var services = new ServiceCollection();
        services.AddTextLensAnalyzer("keyword", "tests.keyword", KeywordAnalyzer.Configure);
        services.AddTextLens(Json("""{ "Analyzers": "keyword", "Keyword": { "Word": "peace" } }"""), b => b.AddAnalyzer(new KeywordAnalyzer("war")));
        using var provider = services.BuildServiceProvider();

        var analyzer = Assert.Single(provider.GetRequiredService<TextLensPipeline>().Analyzers);
        Assert.Equal("war", analyzer.Descriptor.Options["Word"]);
    }

    [Fact]
    public void Binding_the_same_configuration_twice_does_not_duplicate_lists()
    {
        var configuration = Json($$"""{ "Plugins": [ {{Quote(TestPlugins.Hedging)}} ], "Analyzers": [ "keyword" ], "Keyword": { "Word": "peace" } }""");
        var services = new ServiceCollection();
        services.AddTextLensAnalyzer("keyword", "tests.keyword", KeywordAnalyzer.Configure);
        services.AddTextLens(configuration);
        services.AddTextLens(configuration);
        using var provider = services.BuildServiceProvider();

        var pipeline = provider.GetRequiredService<TextLensPipeline>();
        Assert.Equal(["tests.keyword", "samples.hedging"], pipeline.Analyzers.Select(a => a.Descriptor.Id));
        Assert.Single(pipeline.Plugins);
    }

    [Fact]
    public void Disposing_the_container_unloads_the_plugins_it_loaded()
    {
        var services = new ServiceCollection();
        services.AddTextLens(Json($$"""{ "Plugins": [ {{Quote(TestPlugins.Hedging)}} ] }"""));
        var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<TextLensPipelineFactory>();
        provider.GetRequiredService<TextLensPipeline>();

        provider.Dispose();

        Assert.Throws<ObjectDisposedException>(() => factory.Get(""));
    }

    private static IConfigurationRoot Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static string Quote(string path) => System.Text.Json.JsonSerializer.Serialize(path);

    private sealed class NewsConsumer([FromKeyedServices("news")] TextLensPipeline pipeline)
    {
        public TextLensPipeline Pipeline { get; } = pipeline;
    }

    private sealed class NeedsLayerAnalyzer : IAnalyzer
    {
        public AnalyzerDescriptor Descriptor { get; } = new("tests.needs", 1, "needs") { RequiredLayers = ["missing"] };

        public void Analyze(AnalysisContext context)
        {
        }
    }
}

using System.Runtime.CompilerServices;
using TextLens.Corpus;
using TextLens.Plugins;

namespace TextLens.Tests;

public sealed class PluginLoaderTests
{
    [Fact]
    public async Task Sample_plugin_loads_from_its_output_folder_and_annotates_a_run()
    {
        using var plugin = TextLensPluginLoader.Load(TestPlugins.Hedging);
        var builder = new TextLensPipelineBuilder();
        plugin.Configure(builder, new Dictionary<string, string> { ["CountModalVerbs"] = "false" });
        var pipeline = builder.Build();

        var report = await pipeline.AnalyzeAsync(SampleCorpus.Create(), new AnalysisOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal("TextLens.Samples.CustomAnalyzer", plugin.Name);
        Assert.Equal("TextLens.Samples.CustomAnalyzer.HedgingPlugin", plugin.EntryTypeName);
        var analyzer = Assert.Single(report.Manifest.Analyzers);
        Assert.Equal(("samples.hedging", 1, "hedging"), (analyzer.Id, analyzer.Version, analyzer.Layer));
        Assert.Equal("false", analyzer.Options["CountModalVerbs"]);
        var lexicon = Assert.Single(analyzer.Lexicons);
        Assert.Equal(("hedging-lexicon", "hedging-en"), (lexicon.Kind, lexicon.Name));
        Assert.Matches("^[0-9a-f]{64}$", lexicon.Sha256);

        var recorded = Assert.Single(report.Manifest.Plugins!);
        Assert.Equal(plugin.Name, recorded.Name);
        Assert.Equal(plugin.Sha256, recorded.Sha256);
        Assert.Equal(plugin.Path, recorded.Path);
        Assert.Equal(["samples.hedging/1"], recorded.Analyzers);
        Assert.Equal("false", recorded.Options["CountModalVerbs"]);

        var all = report.Labels.Where(l => l.Group == "all" && l.Period == "all").ToDictionary(l => (l.Category, l.Label), l => l.Mentions);
        Assert.Equal(1, all[("hedge", "reportedly")]);
        Assert.Equal(1, all[("hedge", "according to unconfirmed reports")]);
        Assert.Equal(1, all[("booster", "it is clear that")]);
        Assert.Equal(1, all[("booster", "undeniably")]);
        Assert.DoesNotContain(("hedge", "might"), all.Keys);
        Assert.DoesNotContain(("hedge", "could"), all.Keys);
        Assert.Contains(report.Labels, l => l.Group == "Caspian Dispatch" && l.Label == "clearly");
    }

    [Fact]
    public void Plugins_depending_on_different_versions_of_a_library_load_side_by_side()
    {
        using var a = TextLensPluginLoader.Load(TestPlugins.JsonA);
        using var b = TextLensPluginLoader.Load(TestPlugins.JsonB);
        var builder = new TextLensPipelineBuilder();
        a.Configure(builder);
        b.Configure(builder);
        var pipeline = builder.Build();

        var options = pipeline.Analyzers.ToDictionary(x => x.Descriptor.Id, x => x.Descriptor.Options);
        Assert.Equal("13.0.1", options["tests.json-a"]["NewtonsoftVersion"]);
        Assert.Equal("13.0.2", options["tests.json-b"]["NewtonsoftVersion"]);
        Assert.StartsWith(Path.GetDirectoryName(TestPlugins.JsonA)!, options["tests.json-a"]["NewtonsoftLocation"], StringComparison.Ordinal);
        Assert.StartsWith(Path.GetDirectoryName(TestPlugins.JsonB)!, options["tests.json-b"]["NewtonsoftLocation"], StringComparison.Ordinal);

        // The host has its own Newtonsoft.Json (13.0.3, from the test SDK); neither plugin sees it.
        var host = typeof(Newtonsoft.Json.JsonConvert).Assembly;
        Assert.StartsWith("13.0.3", host.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion, StringComparison.Ordinal);

        var result = pipeline.Analyze(new TextDocument("d", "Some text."));
        Assert.Equal(["13.0.1", "13.0.2"], result.Annotations.Select(x => x.Label).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Shared_contract_assemblies_come_from_the_host()
    {
        using var plugin = TextLensPluginLoader.Load(TestPlugins.Hedging);
        var builder = new TextLensPipelineBuilder();
        plugin.Configure(builder);
        var analyzer = Assert.Single(builder.Analyzers);
        Assert.NotSame(typeof(TextLens.Samples.CustomAnalyzer.HedgingPlugin).Assembly, analyzer.GetType().Assembly);
        Assert.Same(typeof(IAnalyzer).Assembly, analyzer.GetType().GetInterfaces().Single(i => i.Name == nameof(IAnalyzer)).Assembly);
    }

    [Fact]
    public void File_not_found()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-plugin-" + Guid.NewGuid().ToString("N") + ".dll");
        var ex = Assert.Throws<PluginLoadException>(() => TextLensPluginLoader.Load(path));
        Assert.Equal(PluginLoadReason.FileNotFound, ex.Reason);
        Assert.Equal(path, ex.AssemblyPath);
        Assert.Equal($"Plugin '{path}' was not found (looked for {path}).", ex.Message);
    }

    [Fact]
    public void Not_an_assembly()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("textlens-plugin-").FullName, "Lexicon.dll");
        File.WriteAllText(path, "{ \"this\": \"is a lexicon, not an assembly\" }");
        var ex = Assert.Throws<PluginLoadException>(() => TextLensPluginLoader.Load(path));
        Assert.Equal(PluginLoadReason.NotAnAssembly, ex.Reason);
        Assert.StartsWith($"Plugin '{path}' is not a .NET assembly (", ex.Message, StringComparison.Ordinal);
        Assert.IsType<BadImageFormatException>(ex.InnerException);
    }

    [Fact]
    public void Not_a_plugin_when_the_assembly_does_not_reference_TextLens()
    {
        var path = Path.Combine(Path.GetDirectoryName(TestPlugins.JsonA)!, "Newtonsoft.Json.dll");
        var ex = Assert.Throws<PluginLoadException>(() => TextLensPluginLoader.Load(path));
        Assert.Equal(PluginLoadReason.NotAPlugin, ex.Reason);
        Assert.Equal($"Plugin 'Newtonsoft.Json' ({path}) is not a TextLens plugin: it does not reference TextLens.Core and has no " +
            "[assembly: TextLensPlugin(typeof(...))] attribute.", ex.Message);
    }

    [Fact]
    public void Not_a_plugin_when_the_attribute_is_missing()
    {
        // The test assembly references TextLens.Core but declares no entry type.
        var path = typeof(PluginLoaderTests).Assembly.Location;
        var ex = Assert.Throws<PluginLoadException>(() => TextLensPluginLoader.Load(path));
        Assert.Equal(PluginLoadReason.NotAPlugin, ex.Reason);
        Assert.Equal($"Plugin 'TextLens.Extensions.DependencyInjection.Tests' ({path}) is not a TextLens plugin: it has no " +
            "[assembly: TextLensPlugin(typeof(...))] attribute naming its entry type.", ex.Message);
    }

    [Fact]
    public void Incompatible_major_version()
    {
        var path = TestPlugins.FutureMajor;
        var ex = Assert.Throws<PluginLoadException>(() => TextLensPluginLoader.Load(path));
        Assert.Equal(PluginLoadReason.IncompatibleVersion, ex.Reason);
        var host = typeof(IAnalyzer).Assembly.GetName().Version!;
        Assert.Equal($"Plugin 'TextLens.TestPlugin.FutureMajor' ({path}) declares TextLens major version 99, but this host runs TextLens " +
            $"{host.Major}.x ({host}); use a build of the plugin made for TextLens {host.Major}.x.", ex.Message);
    }

    [Theory]
    [InlineData("2.0.0.0", "1.4.0.0", "was built against TextLens.Core 2.0.0.0 (major version 2), but this host runs TextLens.Core 1.4.0.0 (major version 1)")]
    [InlineData("1.5.0.0", "1.4.0.0", "was built against TextLens.Core 1.5.0.0, newer than this host's 1.4.0.0")]
    public void Referenced_TextLens_Core_version_is_compared_with_the_host(string referenced, string host, string expected)
    {
        var fault = TextLensPluginLoader.CheckVersion("'P' (p.dll)", new Version(referenced), -1, new Version(host));
        Assert.Contains(expected, fault, StringComparison.Ordinal);
        Assert.Null(TextLensPluginLoader.CheckVersion("'P' (p.dll)", new Version("1.2.0.0"), -1, new Version(host)));
    }

    [Fact]
    public void Entry_type_that_throws_is_wrapped_with_its_exception()
    {
        using var plugin = TextLensPluginLoader.Load(TestPlugins.Faulty);
        var builder = new TextLensPipelineBuilder();
        var ex = Assert.Throws<PluginLoadException>(() => plugin.Configure(builder, new Dictionary<string, string> { ["FailIn"] = "configure" }));
        Assert.Equal(PluginLoadReason.EntryTypeThrew, ex.Reason);
        Assert.Equal($"Plugin 'TextLens.TestPlugin.Faulty' ({plugin.Path}): TextLens.TestPlugins.FaultyPlugin.Configure threw " +
            "InvalidOperationException: The faulty plugin refuses to configure.", ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Empty(builder.Analyzers);
        Assert.Empty(builder.Plugins);
    }

    [Fact]
    public void Plugin_rejecting_its_options_lists_every_fault()
    {
        using var plugin = TextLensPluginLoader.Load(TestPlugins.Faulty);
        var ex = Assert.Throws<PluginLoadException>(() => plugin.Configure(new TextLensPipelineBuilder(), new Dictionary<string, string> { ["FailIn"] = "options" }));
        Assert.Equal(PluginLoadReason.InvalidOptions, ex.Reason);
        Assert.Equal([$"Plugin 'TextLens.TestPlugin.Faulty' ({plugin.Path}): option 'A' is wrong", $"Plugin 'TextLens.TestPlugin.Faulty' ({plugin.Path}): option 'B' is wrong"], ex.Faults);
    }

    [Fact]
    public void Missing_dependency_names_the_missing_assembly()
    {
        var path = TestPlugins.CopyToTemp(TestPlugins.JsonA);
        File.Delete(Path.Combine(Path.GetDirectoryName(path)!, "Newtonsoft.Json.dll"));

        var ex = Assert.ThrowsAny<PluginLoadException>(() =>
        {
            using var plugin = TextLensPluginLoader.Load(path);
            plugin.Configure(new TextLensPipelineBuilder());
        });

        Assert.Equal(PluginLoadReason.MissingDependency, ex.Reason);
        Assert.Equal(path, ex.AssemblyPath);
        Assert.Equal($"Plugin 'TextLens.TestPlugin.JsonA' ({path}) depends on assembly 'Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, " +
            $"PublicKeyToken=30ad4fe6b2a6aeed', which was found neither in the plugin's folder ({Path.GetDirectoryName(path)}) nor in the host. " +
            "Load the plugin from its complete build or publish output (its .deps.json and every dependency DLL).", ex.Message);
    }

    [Fact]
    public void Unloaded_plugin_context_is_collected_once_the_host_lets_go()
    {
        var context = LoadRunAndUnload(TestPlugins.Hedging);
        for (var i = 0; context.IsAlive && i < 20; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "The plugin's load context is still alive after unloading.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadRunAndUnload(string path)
    {
        var plugin = TextLensPluginLoader.Load(path);
        var builder = new TextLensPipelineBuilder();
        plugin.Configure(builder);
        var result = builder.Build().Analyze(new TextDocument("d", "Troops reportedly left; it is clear that talks failed."));
        Assert.Equal(2, result.Annotations.Count);
        var context = new WeakReference(plugin.LoadContext);
        plugin.Dispose();
        Assert.True(plugin.IsUnloaded);
        return context;
    }

    [Fact]
    public void Configure_after_unload_throws()
    {
        var plugin = TextLensPluginLoader.Load(TestPlugins.Hedging);
        plugin.Dispose();
        Assert.Throws<ObjectDisposedException>(() => plugin.Configure(new TextLensPipelineBuilder()));
    }
}

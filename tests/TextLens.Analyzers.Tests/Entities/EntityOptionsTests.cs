using TextLens.Entities;

namespace TextLens.Tests.Entities;

public sealed class EntityOptionsTests
{
    [Fact]
    public void Every_fault_in_the_options_is_listed_at_once()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => new TextLensPipelineBuilder().AddEntities(o =>
        {
            o.Mode = EntityMode.RecognizerOnly;
            o.DetectUnlisted = false;
            o.MinimumConfidence = 1.5;
            o.TopCount = 0;
            o.UseDefaultGazetteer("atlantis");
            o.AddGazetteerFile("/no/such/file.json");
        }));
        Assert.Equal(5, ex.Faults.Count);
        Assert.Contains(ex.Faults, f => f.Contains("RecognizerOnly but DetectUnlisted is false", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.Contains("MinimumConfidence must be between 0 and 1 (was 1.5)", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.Contains("TopCount must be at least 1", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.Contains("no embedded gazetteer of that name; the embedded ones are karabakh, world", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.Contains("/no/such/file.json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recognizer_that_would_never_run_is_a_fault()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => new TextLensPipelineBuilder().AddEntities(o =>
        {
            o.Mode = EntityMode.GazetteerOnly;
            o.Recognizer = new NullRecognizer();
        }));
        Assert.Contains("the recognizer does not run", Assert.Single(ex.Faults), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_gazetteer_file_fails_when_the_analyzer_is_added_with_its_position()
    {
        var path = Path.Combine(Path.GetTempPath(), $"textlens-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"name\": \"bad\", \"version\": \"1\",\n  \"entities\": [ { \"id\": \"xx.gpe.a\", \"name\": \"\", \"type\": \"GPE\" } ] }");
        try
        {
            var ex = Assert.Throws<LexiconException>(() => new TextLensPipelineBuilder().AddEntities(o => o.AddGazetteerFile(path)));
            Assert.Equal(path, ex.File);
            Assert.Equal(2, ex.Line);
            Assert.Equal("entities[0].name", ex.Field);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_embedded_gazetteer_brings_the_embedded_one_it_depends_on()
    {
        var builder = new TextLensPipelineBuilder().AddEntities(o => o.UseDefaultGazetteer("karabakh"));
        var index = builder.GetEntityIndex()!;
        Assert.Equal(["world", "karabakh"], index.Gazetteers.Select(g => g.Name));
    }

    [Fact]
    public void The_index_is_shared_through_the_builder_and_recorded_in_the_descriptor()
    {
        var builder = new TextLensPipelineBuilder();
        Assert.Null(builder.GetEntityIndex());
        builder.AddEntities();
        var index = builder.GetEntityIndex();
        Assert.NotNull(index);
        Assert.Same(index, builder.Properties[EntityIndex.PropertyKey]);
        var descriptor = builder.Build().Analyzers.Single().Descriptor;
        Assert.Equal("textlens.entities/1", descriptor.VersionedId);
        Assert.Equal("entity", descriptor.Layer);
        Assert.Equal(["world", "karabakh"], descriptor.Lexicons.Select(l => l.Name));
        Assert.All(descriptor.Lexicons, l => Assert.Equal("gazetteer", l.Kind));
        Assert.Equal("Both", descriptor.Options["mode"]);
        Assert.Equal("rules/1", descriptor.Options["recognizer"]);
    }

    [Fact]
    public void The_index_resolves_names_and_metonyms_for_other_analyzers()
    {
        var index = new TextLensPipelineBuilder().AddEntities().GetEntityIndex()!;
        Assert.True(index.TryResolve("the Kremlin", out var kremlin));
        Assert.Equal("ru.fac.kremlin", kremlin.Id);
        Assert.Equal("Government of Russia", index.ResolveMetonym(kremlin).Name);
        Assert.True(index.TryResolve("Baku’s defence ministry", out var ministry));
        Assert.Equal("az.org.ministry-of-defence", ministry.Id);
        Assert.Same(ministry, index.ResolveMetonym(ministry));
        Assert.True(index.TryResolve("Füzuli", out var fuzuli));
        Assert.Equal("Azerbaijan", index.ParentOf(fuzuli)!.Name);
        Assert.True(index.TryResolve("President Aliyev", out var aliyev));
        Assert.Equal("az.person.ilham-aliyev", aliyev.Id);
        Assert.True(index.TryResolve("US", out _));
        Assert.False(index.TryResolve("us", out _));
        Assert.False(index.TryResolve("nowhere in particular", out _));
    }

    private sealed class NullRecognizer : IEntityRecognizer
    {
        public string Name => "null/1";

        public void Recognize(Text.ParsedDocument document, IReadOnlyList<RecognizedEntity> known, ICollection<RecognizedEntity> found)
        {
        }
    }
}

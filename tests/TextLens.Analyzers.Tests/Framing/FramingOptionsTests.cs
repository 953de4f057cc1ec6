using TextLens.Framing;

namespace TextLens.Tests.Framing;

public sealed class FramingOptionsTests
{
    private const string Small = """{ "name": "small", "version": "1", "concepts": [ { "id": "c", "labels": [ { "id": "l", "patterns": ["word"] } ] } ] }""";

    [Fact]
    public void AddFraming_uses_the_karabakh_lexicon_by_default()
    {
        var builder = new TextLensPipelineBuilder().AddFraming();
        Assert.Equal(["karabakh-conflict"], builder.Analyzers.Single().Descriptor.Lexicons.Select(l => l.Name));
        builder.Build();
    }

    [Fact]
    public void Lexicons_come_from_defaults_files_objects_and_json()
    {
        var dir = Directory.CreateTempSubdirectory("textlens-options-");
        try
        {
            var file = Path.Combine(dir.FullName, "file.json");
            File.WriteAllText(file, Small.Replace("small", "from-file", StringComparison.Ordinal).Replace("\"c\"", "\"c2\"", StringComparison.Ordinal));
            var inCode = new FramingLexicon("in-code", "1", [new FramingConcept("c3", [new FramingLabel("l", ["other"])])]);
            var options = new FramingOptions().UseDefaultLexicon("ukraine-war").AddLexiconFile(file).AddLexicon(inCode).AddLexiconJson(Small, "inline");
            Assert.Equal(["default:ukraine-war", $"file:{file}", "lexicon:in-code", "json:inline"], options.Lexicons);

            var pipeline = new TextLensPipelineBuilder().AddFraming(o => o.UseDefaultLexicon("ukraine-war").AddLexiconFile(file).AddLexicon(inCode).AddLexiconJson(Small, "inline")).Build();
            var d = pipeline.Analyzers.Single().Descriptor;
            Assert.Equal(["ukraine-war", "from-file", "in-code", "small"], d.Lexicons.Select(l => l.Name));
            Assert.Equal(file, d.Lexicons[1].Origin);
            Assert.Equal("inline", d.Lexicons[3].Origin);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void No_lexicon_is_a_configuration_fault()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => new TextLensPipelineBuilder().AddFraming(_ => { }));
        Assert.Contains("at least one lexicon", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_faulty_lexicon_is_reported_before_any_document_is_read()
    {
        var ex = Assert.Throws<LexiconException>(() => new TextLensPipelineBuilder().AddFraming(o => o
            .UseDefaultLexicon("nowhere")
            .AddLexiconFile("/no/such/lexicon.json")
            .AddLexiconJson("{ \"name\": ", "broken")));
        Assert.Equal(["embedded:nowhere", "/no/such/lexicon.json", "broken"], ex.LexiconFaults.Select(f => f.File));
    }

    [Fact]
    public void Two_lexicons_may_not_share_a_name_or_a_label()
    {
        var names = Assert.Throws<LexiconException>(() => new TextLensPipelineBuilder().AddFraming(o => o.AddLexiconJson(Small, "one").AddLexiconJson(Small, "two")));
        Assert.Contains("already loaded from one", names.Message, StringComparison.Ordinal);

        var clash = Small.Replace("\"small\"", "\"other\"", StringComparison.Ordinal);
        var labels = Assert.Throws<LexiconException>(() => new TextLensPipelineBuilder().AddFraming(o => o.AddLexiconJson(Small, "one").AddLexiconJson(clash, "two")));
        Assert.Contains("Label \"c/l\" is also defined by lexicon \"small\"", labels.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_framing_twice_fails_at_build()
    {
        var builder = new TextLensPipelineBuilder().AddFraming().AddFraming();
        var ex = Assert.Throws<TextLensConfigurationException>(builder.Build);
        Assert.Contains("'textlens.framing' is added more than once", ex.Message, StringComparison.Ordinal);
    }
}

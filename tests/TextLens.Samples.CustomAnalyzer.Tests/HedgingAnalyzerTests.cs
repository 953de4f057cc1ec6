using FsCheck;
using FsCheck.Fluent;
using TextLens.Plugins;
using TextLens.Text;

namespace TextLens.Samples.CustomAnalyzer.Tests;

public sealed class HedgingAnalyzerTests
{
    private static IReadOnlyList<Annotation> Analyze(string text, Action<HedgingOptions>? configure = null)
    {
        var pipeline = new TextLensPipelineBuilder().AddHedging(configure).Build();
        return pipeline.Analyze(new TextDocument("d", text)).Annotations;
    }

    private static string[] Labels(string text, Action<HedgingOptions>? configure = null) =>
        Analyze(text, configure).Select(a => $"{a.Category}:{a.Label}").ToArray();

    [Theory]
    [InlineData("reportedly", "hedge")]
    [InlineData("allegedly", "hedge")]
    [InlineData("it is believed", "hedge")]
    [InlineData("apparently", "hedge")]
    [InlineData("may have", "hedge")]
    [InlineData("might", "hedge")]
    [InlineData("could", "hedge")]
    [InlineData("possibly", "hedge")]
    [InlineData("according to unconfirmed reports", "hedge")]
    [InlineData("is said to", "hedge")]
    [InlineData("purportedly", "hedge")]
    [InlineData("clearly", "booster")]
    [InlineData("undoubtedly", "booster")]
    [InlineData("certainly", "booster")]
    [InlineData("definitely", "booster")]
    [InlineData("without doubt", "booster")]
    [InlineData("it is clear that", "booster")]
    [InlineData("obviously", "booster")]
    [InlineData("in fact", "booster")]
    [InlineData("undeniably", "booster")]
    public void Every_lexicon_term_is_found_with_its_category_and_exact_span(string term, string category)
    {
        var text = $"The envoy said that {term} the talks had stalled.";
        var annotation = Assert.Single(Analyze(text));
        Assert.Equal(("hedging", category, term), (annotation.Layer, annotation.Category, annotation.Label));
        Assert.Equal(term, text.Substring(annotation.Start, annotation.Length));
    }

    [Fact]
    public void Matching_ignores_case_and_needs_whole_words()
    {
        Assert.Equal(["hedge:reportedly", "booster:in fact"], Labels("REPORTEDLY, troops left. In Fact they stayed."));
        Assert.Empty(Labels("Unclearly worded, mighty convoy, infact, clearer."));
    }

    [Fact]
    public void Words_of_a_term_must_be_separated_by_whitespace_only()
    {
        Assert.Equal(["booster:in fact"], Labels("In\n fact it held."));
        Assert.Empty(Labels("In, fact it held. Without: doubt."));
    }

    [Fact]
    public void The_longest_term_wins_where_terms_overlap()
    {
        var labels = Labels("Separatists may have fled, as it is clear that the roads are open.", o => o.ExtraHedges.Add("may"));
        Assert.Equal(["hedge:may have", "booster:it is clear that"], labels);
    }

    [Fact]
    public void Modal_verbs_count_only_when_asked()
    {
        const string text = "Talks might resume; the truce could hold; troops may have left; allegedly so.";
        Assert.Equal(["hedge:might", "hedge:could", "hedge:may have", "hedge:allegedly"], Labels(text));
        Assert.Equal(["hedge:allegedly"], Labels(text, o => o.CountModalVerbs = false));
    }

    [Fact]
    public void Categories_filter_what_is_counted()
    {
        const string text = "Reportedly the town fell; clearly it did.";
        Assert.Equal(["booster:clearly"], Labels(text, o => o.Categories.Add(HedgingCategory.Booster)));
        Assert.Equal(["hedge:reportedly"], Labels(text, o => o.Categories.Add(HedgingCategory.Hedge)));
    }

    [Fact]
    public void Extra_terms_are_counted_under_their_category()
    {
        var labels = Labels("Sources say the dam broke. Beyond question it did.", o =>
        {
            o.ExtraHedges.Add("sources say");
            o.ExtraBoosters.Add("Beyond  question");
        });
        Assert.Equal(["hedge:sources say", "booster:beyond question"], labels);
    }

    [Fact]
    public void Empty_extra_terms_are_each_reported()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => new TextLensPipelineBuilder().AddHedging(o =>
        {
            o.ExtraHedges.Add(" ");
            o.ExtraBoosters.Add("--");
        }));
        Assert.Equal(["ExtraHedges:0: ' ' is not a term; write one or more words separated by spaces.",
            "ExtraBoosters:0: '--' is not a term; write one or more words separated by spaces."], ex.Faults);
    }

    [Fact]
    public void Voice_follows_the_parser_quotation_spans()
    {
        const string text = "Officials clearly lied. \"We will certainly rebuild,\" she said.";
        var parsed = DocumentParser.Default.Parse(new TextDocument("d", text));
        var annotations = Analyze(text);

        Assert.Equal(2, annotations.Count);
        foreach (var a in annotations)
        {
            Assert.Equal(parsed.QuoteIndexAt(a.Start) >= 0 ? "quoted" : "authorial", a.Facet("voice"));
        }

        Assert.Single(parsed.Quotes.ToArray());
        Assert.Equal("authorial", annotations[0].Facet("voice"));
        Assert.Equal("quoted", annotations[1].Facet("voice"));
    }

    [Fact]
    public void Descriptor_records_id_layer_options_and_lexicon()
    {
        var pipeline = new TextLensPipelineBuilder().AddHedging(o =>
        {
            o.CountModalVerbs = false;
            o.Categories.Add(HedgingCategory.Hedge);
            o.ExtraHedges.Add("sources say");
        }).Build();
        var d = Assert.Single(pipeline.Analyzers).Descriptor;

        Assert.Equal(("samples.hedging/1", "hedging"), (d.VersionedId, d.Layer));
        Assert.Equal(new Dictionary<string, string>
        {
            ["Categories:0"] = "hedge",
            ["CountModalVerbs"] = "false",
            ["ExtraHedges:0"] = "sources say",
        }, d.Options.ToDictionary());
        var lexicon = Assert.Single(d.Lexicons);
        Assert.Equal(("hedging-lexicon", "hedging-en", "1.0", "embedded:hedging-en"), (lexicon.Kind, lexicon.Name, lexicon.Version, lexicon.Origin));
        Assert.Equal(HedgingLexicon.Default.Info.Sha256, lexicon.Sha256);
    }

    [Fact]
    public void Plugin_options_read_like_configuration_and_every_fault_is_listed()
    {
        var options = HedgingOptions.From(new PluginContext("P", ".", new Dictionary<string, string>
        {
            ["categories:0"] = "Booster",
            ["CountModalVerbs"] = "False",
            ["ExtraHedges:1"] = "word has it",
            ["ExtraHedges:0"] = "sources say",
        }));
        Assert.Equal([HedgingCategory.Booster], options.Categories);
        Assert.False(options.CountModalVerbs);
        Assert.Equal(["sources say", "word has it"], options.ExtraHedges);

        var ex = Assert.Throws<TextLensConfigurationException>(() => HedgingOptions.From(new PluginContext("P", ".", new Dictionary<string, string>
        {
            ["Categories:0"] = "doubt",
            ["CountModalVerbs"] = "sometimes",
            ["Colour"] = "blue",
        })));
        Assert.Equal(["Plugin 'P': unknown option 'Colour'; expected Categories, CountModalVerbs, ExtraHedges, ExtraBoosters.",
            "Plugin 'P': category 'doubt' is not hedge or booster.",
            "Plugin 'P': option 'CountModalVerbs' must be true or false (was 'sometimes')."], ex.Faults);
    }

    [Fact]
    public void Plugin_entry_adds_the_analyzer_with_its_options()
    {
        var builder = new TextLensPipelineBuilder();
        new HedgingPlugin().Configure(builder, new PluginContext("P", ".", new Dictionary<string, string> { ["CountModalVerbs"] = "false" }));
        Assert.Equal("false", Assert.Single(builder.Analyzers).Descriptor.Options["CountModalVerbs"]);
    }

    [Fact]
    public void Annotations_always_lie_on_word_boundaries_of_the_text()
    {
        var words = new[] { "reportedly", "clearly", "in", "fact", "it", "is", "clear", "that", "troops", "said", "\"", ",", ".", "might", "x" };
        var gen = Gen.ArrayOf(Gen.Elements(words)).Select(ws => string.Join(" ", ws));
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            foreach (var a in Analyze(text))
            {
                var span = text.Substring(a.Start, a.Length);
                Assert.Equal(a.Label, string.Join(' ', span.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant());
                Assert.True(a.Start == 0 || !char.IsLetterOrDigit(text[a.Start - 1]));
                Assert.True(a.End == text.Length || !char.IsLetterOrDigit(text[a.End]));
            }
        }).QuickCheckThrowOnFailure();
    }
}

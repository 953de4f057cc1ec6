using TextLens.Corpus;
using TextLens.Framing;
using TextLens.Reports;
using static TextLens.Tests.Framing.FramingTestSupport;

namespace TextLens.Tests.Framing;

public sealed class FramingAnalyzerTests
{
    private static readonly FramingLexicon Karabakh = FramingLexicons.Default("karabakh-conflict");

    [Fact]
    public void An_annotation_carries_concept_label_span_and_the_labels_facets()
    {
        const string text = "Baku blamed Armenian separatists for the blasts.";
        var a = Assert.Single(Analyze(Karabakh, text));
        Assert.Equal("framing", a.Layer);
        Assert.Equal("karabakh-armenian-forces", a.Category);
        Assert.Equal("separatists", a.Label);
        Assert.Equal("Armenian separatists", text.Substring(a.Start, a.Length));
        Assert.Equal(
        [
            new AnnotationFacet("stance", "delegitimizing"), new AnnotationFacet("perspective", "azerbaijani"),
            new AnnotationFacet("lexicon", "karabakh-conflict"), new AnnotationFacet("voice", "authorial"),
        ], a.Facets);
    }

    [Fact]
    public void A_label_inside_a_quotation_is_quoted_and_not_a_scare_quote()
    {
        const string text = "“Armenian separatists shelled our positions in the Karabakh economic region,” the ministry said.";
        var found = Analyze(Karabakh, text);
        Assert.Equal(["separatists", "karabakh-economic-region"], found.Select(a => a.Label));
        Assert.All(found, a => Assert.Equal("quoted", a.Facet("voice")));
        Assert.All(found, a => Assert.Null(a.Facet("scareQuoted")));
        Assert.All(found, a => Assert.Null(a.Facet("source")));
    }

    [Fact]
    public void A_label_that_is_all_a_quotation_holds_is_scare_quoted()
    {
        const string text = "Baku launched “local anti-terrorist measures” in the region. The cargo was passed off as “peacekeeping humanitarian aid.” "
            + "The practice of \"mine terrorism\" is old, and the anti-terrorist operation went on.";
        var found = Analyze(Karabakh, text);
        Assert.Equal(["local-anti-terrorist-measures", "humanitarian-aid", "mine-terror", "anti-terrorist-operation"], found.Select(a => a.Label));
        Assert.Equal(["true", "true", "true", null], found.Select(a => a.Facet("scareQuoted")));
        Assert.Equal(["quoted", "quoted", "quoted", "authorial"], found.Select(a => a.Facet("voice")));
    }

    [Fact]
    public void A_label_inside_a_longer_quotation_is_not_a_scare_quote()
    {
        const string text = "Reports said the shipments were “peacekeeping humanitarian aid for the Russian peacekeeping contingent” only.";
        var found = Analyze(Karabakh, text);
        Assert.Equal(["humanitarian-aid", "peacekeeping-contingent"], found.Select(a => a.Label));
        Assert.All(found, a => Assert.Null(a.Facet("scareQuoted")));
        Assert.All(found, a => Assert.Equal("quoted", a.Facet("voice")));
    }

    [Fact]
    public void Inside_attributed_speech_the_voice_is_quoted_and_the_source_is_named()
    {
        const string text = "The Ministry of Defence said that illegal Armenian armed detachments had laid new mines near Lachin. Separatists denied it.";
        var content = text.IndexOf("illegal", StringComparison.Ordinal);
        var contentEnd = text.IndexOf(". Separatists", StringComparison.Ordinal);
        var attribution = new FixedAttribution(new Annotation("attribution", 0, contentEnd, "official", "Ministry of Defence of Azerbaijan")
        {
            Spans = [new AnnotationSpan("source", 0, 24), new AnnotationSpan("cue", 25, 4), new AnnotationSpan("content", content, contentEnd - content)],
        });

        var found = Analyze(Karabakh, text, attribution);

        Assert.Equal(["illegal-armed-formations", "lachin", "separatists"], found.Select(a => a.Label));
        Assert.Equal(["quoted", "quoted", "authorial"], found.Select(a => a.Facet("voice")));
        Assert.Equal(["Ministry of Defence of Azerbaijan", "Ministry of Defence of Azerbaijan", null], found.Select(a => a.Facet("source")));
    }

    [Fact]
    public void The_framing_analyzer_runs_after_an_attribution_analyzer_added_later()
    {
        const string text = "Officials said separatists had left.";
        var attribution = new FixedAttribution(new Annotation("attribution", 0, text.Length, "official", "Officials")
        {
            Spans = [new AnnotationSpan("content", 15, 20)],
        });
        var pipeline = new TextLensPipelineBuilder().AddFraming().AddAnalyzer(attribution).Build();
        Assert.Equal(["fixed.attribution", "textlens.framing"], pipeline.Analyzers.Select(a => a.Descriptor.Id));
        var result = pipeline.Analyze(new TextDocument("d", text));
        var a = Assert.Single(result.Annotations, x => x.Layer == "framing");
        Assert.Equal("Officials", a.Facet("source"));
    }

    [Fact]
    public void The_descriptor_records_id_version_layers_and_lexicon_hashes()
    {
        var builder = new TextLensPipelineBuilder().AddFraming(o => o.UseDefaultLexicon("karabakh-conflict").UseDefaultLexicon("ukraine-war"));
        var d = Assert.Single(builder.Analyzers).Descriptor;
        Assert.Equal("textlens.framing/1", d.VersionedId);
        Assert.Equal("framing", d.Layer);
        Assert.Equal(["attribution"], d.OptionalLayers);
        Assert.Empty(d.RequiredLayers);
        Assert.Equal("karabakh-conflict@2,ukraine-war@2", d.Options["lexicons"]);
        Assert.Equal(["karabakh-conflict", "ukraine-war"], d.Lexicons.Select(l => l.Name));
        Assert.All(d.Lexicons, l =>
        {
            Assert.Equal("framing-lexicon", l.Kind);
            Assert.Matches("^[0-9a-f]{64}$", l.Sha256);
            Assert.Equal($"embedded:{l.Name}", l.Origin);
        });
        Assert.IsAssignableFrom<IReportContributor>(builder.Analyzers[0]);
        Assert.Contains(builder.Analyzers[0], builder.ReportContributors.Cast<object>());
    }

    [Fact]
    public async Task The_report_holds_the_framing_tables()
    {
        TextDocument Doc(string id, string outlet, string text) => new(id, text, new DocumentMetadata { Outlet = outlet });
        var corpus = new InMemoryCorpus(
        [
            Doc("a1", "Caspian", "Armenian separatists left. The separatists laid mines, and “separatists” is the word."),
            Doc("a2", "Caspian", "Separatists again, and ethnic Armenian forces once."),
            Doc("b1", "Yerevan", "Ethnic Armenian forces defended Artsakh. Karabakh Armenian forces held."),
        ]);
        var pipeline = new TextLensPipelineBuilder().AddFraming().Build();

        var report = await pipeline.AnalyzeAsync(corpus, new AnalysisOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(["framing-shares", "framing-voice", "framing-log-odds", "framing-keyness"], report.Tables.Select(t => t.Name));
        var shares = report.Tables[0];
        IReadOnlyList<ReportValue> Row(ReportTable t, params string[] keys) =>
            Assert.Single(t.Rows, r => keys.Select((k, i) => r[i].Text == k).All(x => x));

        // Caspian: 4 × separatists, 1 × ethnic-armenian-forces in the concept → shares 0.8 and 0.2; unused labels listed with 0.
        var caspianSeparatists = Row(shares, "Caspian", "all", "karabakh-conflict", "karabakh-armenian-forces", "separatists");
        Assert.Equal(4, caspianSeparatists[shares.Columns.ToList().IndexOf("mentions")].Number);
        Assert.Equal(5, caspianSeparatists[shares.Columns.ToList().IndexOf("conceptMentions")].Number);
        Assert.Equal(0.8, caspianSeparatists[shares.Columns.ToList().IndexOf("share")].Number!.Value, 12);
        Assert.Equal("delegitimizing", caspianSeparatists[shares.Columns.ToList().IndexOf("stance")].Text);
        var caspianDefense = Row(shares, "Caspian", "all", "karabakh-conflict", "karabakh-armenian-forces", "artsakh-defense-army");
        Assert.Equal(0, caspianDefense[shares.Columns.ToList().IndexOf("share")].Number);
        Assert.DoesNotContain(shares.Rows, r => r[0].Text == "Caspian" && r[3].Text == "september-2023-operation");

        var voice = report.Tables[1];
        var v = Row(voice, "Caspian", "all", "karabakh-armenian-forces", "separatists");
        Assert.Equal(4, v[voice.Columns.ToList().IndexOf("mentions")].Number);
        Assert.Equal(3, v[voice.Columns.ToList().IndexOf("authorial")].Number);
        Assert.Equal(1, v[voice.Columns.ToList().IndexOf("quoted")].Number);
        Assert.Equal(0.25, v[voice.Columns.ToList().IndexOf("quotedShare")].Number);
        Assert.Equal(1, v[voice.Columns.ToList().IndexOf("scareQuoted")].Number);

        var logOdds = report.Tables[2];
        var lo = Row(logOdds, "Caspian", "karabakh-armenian-forces", "separatists");
        Assert.Equal(4, lo[3].Number);
        Assert.Equal(5, lo[4].Number);
        Assert.Equal(0, lo[5].Number);
        Assert.True(lo[10].Number > 0);
        Assert.True(Row(logOdds, "Yerevan", "karabakh-armenian-forces", "separatists")[10].Number < 0);

        var keyness = report.Tables[3];
        var g = Row(keyness, "Caspian", "karabakh-armenian-forces", "separatists");
        Assert.Equal("over", g[keyness.Columns.ToList().IndexOf("direction")].Text);
        Assert.True(g[keyness.Columns.ToList().IndexOf("g2")].Number > 0);
        Assert.Equal(report.Corpus.Single(c => c.Group == "Caspian").Tokens, g[keyness.Columns.ToList().IndexOf("groupTokens")].Number);
    }

    /// <summary>A stand-in attribution analyzer that writes the annotations it is given.</summary>
    private sealed class FixedAttribution(params Annotation[] annotations) : IAnalyzer
    {
        public AnalyzerDescriptor Descriptor { get; } = new("fixed.attribution", 1, "attribution");

        public void Analyze(AnalysisContext context)
        {
            foreach (var a in annotations)
            {
                context.Add(a);
            }
        }
    }
}

using System.Globalization;
using TextLens.Corpus;
using TextLens.Text;

namespace TextLens.Tests.Entities;

public sealed class EntityFramingCooccurrenceTests
{
    /// <summary>A stand-in for the framing analyzer: marks "separatists" (armed-groups) and "mandate" (peacekeeping).</summary>
    private sealed class FakeFraming : IAnalyzer
    {
        public AnalyzerDescriptor Descriptor { get; } = new("test.framing", 1, "framing");

        public void Analyze(AnalysisContext context)
        {
            foreach (var t in context.Document.Tokens)
            {
                var key = context.Document.KeyOf(t).ToString();
                if (key is "separatists")
                {
                    context.Add(new Annotation("framing", t.Start, t.Length, "armed-groups", "separatists"));
                }
                else if (key is "mandate")
                {
                    context.Add(new Annotation("framing", t.Start, t.Length, "peacekeeping", "mandate"));
                }
            }
        }
    }

    private const string Text =
        "Russian peacekeepers watched the separatists near Shusha. Shusha was quiet. The separatists left Aghdam. Russian peacekeepers renewed the mandate.";

    private static TextLensPipeline Pipeline() =>
        new TextLensPipelineBuilder().AddEntityFramingCooccurrence().AddAnalyzer(new FakeFraming()).AddEntities(o => o.Mode = TextLens.Entities.EntityMode.GazetteerOnly).Build();

    [Fact]
    public void The_analyzer_needs_the_entity_and_framing_layers()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => new TextLensPipelineBuilder().AddEntities().AddEntityFramingCooccurrence().Build());
        Assert.Contains("requires layer 'framing'", Assert.Single(ex.Faults), StringComparison.Ordinal);
        var pipeline = Pipeline();
        Assert.Equal(["test.framing", "textlens.entities", "textlens.cooccurrence"], pipeline.Analyzers.Select(a => a.Descriptor.Id));
    }

    [Fact]
    public void One_annotation_per_pair_per_eligible_sentence_with_the_sentence_as_span()
    {
        var result = Pipeline().Analyze(new TextDocument("d", Text));
        var co = result.Annotations.Where(a => a.Layer == "cooccurrence").ToList();
        var doc = DocumentParser.Default.Parse(new TextDocument("d", Text));
        var sentences = doc.Sentences.ToArray();
        string Sentence(Annotation a) => sentences.Single(s => s.Start == a.Start && s.Length == a.Length).Start.ToString(CultureInfo.InvariantCulture);

        var pairs = co.Where(a => a.Category != "*" && a.Label != "*").Select(a => $"{Sentence(a)} {a.Category} {a.Label}").ToList();
        Assert.Equal(
        [
            $"{sentences[0].Start} ru.org.peacekeeping-contingent armed-groups/separatists",
            $"{sentences[0].Start} az.gpe.shusha armed-groups/separatists",
            $"{sentences[2].Start} az.gpe.aghdam armed-groups/separatists",
            $"{sentences[3].Start} ru.org.peacekeeping-contingent peacekeeping/mandate",
        ], pairs.OrderBy(p => int.Parse(p.Split(' ')[0], CultureInfo.InvariantCulture)).ThenBy(p => p.Contains("shusha", StringComparison.Ordinal) ? 1 : 0));
        Assert.Equal(3, co.Count(a => a.Category == "*" && a.Label == "*"));
        Assert.DoesNotContain(co, a => a.Start == sentences[1].Start);
    }

    [Fact]
    public void A_pair_counts_once_per_sentence()
    {
        var result = Pipeline().Analyze(new TextDocument("d", "The separatists and the separatists met in Shusha near Shusha."));
        Assert.Single(result.Annotations, a => a.Layer == "cooccurrence" && a.Category == "az.gpe.shusha" && a.Label == "armed-groups/separatists");
    }

    [Fact]
    public async Task The_report_table_gives_counts_and_pmi_over_eligible_sentences()
    {
        var report = await Pipeline().AnalyzeAsync(new InMemoryCorpus([new TextDocument("d", Text)]), new AnalysisOptions { GroupBy = null });
        var table = report.Tables.Single(t => t.Name == "entity-framing-cooccurrence");
        Assert.Equal(["group", "period", "entity", "name", "type", "label", "sentences", "documents", "entitySentences", "labelSentences", "eligibleSentences", "pmi", "npmi"],
            table.Columns);
        var rows = table.Rows.ToDictionary(r => $"{r[2].Text} {r[5].Text}");
        Assert.Equal(4, rows.Count);

        // N = 3 eligible sentences; peacekeepers in 2, separatists in 2, mandate in 1, Shusha in 1, Aghdam in 1.
        void Check(string key, string name, string type, long pair, long e, long l, double pmi)
        {
            var r = rows[key];
            Assert.Equal(name, r[3].Text);
            Assert.Equal(type, r[4].Text);
            Assert.Equal([pair, 1, e, l, 3], new[] { r[6], r[7], r[8], r[9], r[10] }.Select(v => (long)v.Number!.Value));
            Assert.Equal(pmi, r[11].Number!.Value, 12);
            Assert.Equal(pmi / -Math.Log2(pair / 3.0), r[12].Number!.Value, 12);
        }

        Check("ru.org.peacekeeping-contingent armed-groups/separatists", "Russian peacekeeping contingent", "ORG", 1, 2, 2, Math.Log2(0.75));
        Check("az.gpe.shusha armed-groups/separatists", "Shusha", "GPE", 1, 1, 2, Math.Log2(1.5));
        Check("az.gpe.aghdam armed-groups/separatists", "Aghdam", "GPE", 1, 1, 2, Math.Log2(1.5));
        Check("ru.org.peacekeeping-contingent peacekeeping/mandate", "Russian peacekeeping contingent", "ORG", 1, 2, 1, Math.Log2(1.5));
    }

    [Fact]
    public void It_works_with_the_real_framing_analyzer()
    {
        var pipeline = new TextLensPipelineBuilder().AddFraming().AddEntities().AddEntityFramingCooccurrence().Build();
        var result = pipeline.Analyze(new TextDocument("d", "Armenian separatists in Karabakh laid mines near Shusha."));
        var framing = result.Annotations.Where(a => a.Layer == "framing").Select(a => a.Category + "/" + a.Label).Distinct().ToList();
        Assert.NotEmpty(framing);
        foreach (var label in framing)
        {
            Assert.Contains(result.Annotations, a => a.Layer == "cooccurrence" && a.Category == "az.gpe.shusha" && a.Label == label);
        }
    }
}

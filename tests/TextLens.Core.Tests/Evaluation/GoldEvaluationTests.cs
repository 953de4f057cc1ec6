using TextLens.Evaluation;

namespace TextLens.Tests.Evaluation;

public class GoldEvaluationTests
{
    //                     0         1         2         3         4         5
    //                     0123456789012345678901234567890123456789012345678901234
    private const string Text = "The separatists fired. Rebels answered. Separatists left.";

    private static readonly CodedDocument Document = new("d1", Text,
    [
        new Annotation("framing", 4, 11, "armed-groups", "separatists"),
        new Annotation("framing", 40, 11, "armed-groups", "separatists"),
        new Annotation("framing", 23, 6, "armed-groups", "rebels-other"),
        new Annotation("entity", 0, 3, "ORG", "The"),
    ]);

    [Fact]
    public void Evaluate_TwoCoders_ScoresTheToolAgainstEach()
    {
        var gold = new GoldStandard(
        [
            new CodedSpan("d1", 4, 15, "framing", "separatists", "ana"),
            new CodedSpan("d1", 23, 29, "framing", "rebels", "ana"),
            new CodedSpan("d1", 4, 15, "framing", "separatists", "ben"),
            new CodedSpan("d1", 40, 51, "framing", "separatists", "ben"),
        ], []);

        var evaluation = GoldEvaluation.Evaluate(gold, [Document]);

        Assert.Equal(["ana", "ben"], evaluation.Spans.Select(s => s.Coder));
        Assert.Equal(new PrecisionRecall(1, 1, 0), evaluation.Spans[0].Exact.Labels.Single(l => l.Label == "separatists").Counts);
        Assert.Equal(new PrecisionRecall(0, 0, 1), evaluation.Spans[0].Exact.Labels.Single(l => l.Label == "rebels").Counts);
        Assert.Equal(new PrecisionRecall(2, 0, 0), evaluation.Spans[1].Overlap.Micro);
        Assert.Equal(
            [("ana", "false hit", "Separatists"), ("ana", "miss", "Rebels")],
            evaluation.Errors.Select(e => (e.Coder, e.Kind, e.Line.Text)).OrderBy(e => e.Kind));
        Assert.True(evaluation.DocumentCodesFromSpans);
    }

    [Fact]
    public void Evaluate_DocumentCodesOfPresence_ToolValueIsPresence()
    {
        var gold = new GoldStandard([],
        [
            new DocumentCode("d1", "separatists", 1, "ana"), new DocumentCode("d1", "rebels", 0, "ana"),
            new DocumentCode("d2", "separatists", 0, "ana"), new DocumentCode("d2", "rebels", 1, "ana"),
        ]);

        var evaluation = GoldEvaluation.Evaluate(gold, [Document, new CodedDocument("d2", "Nothing here.", [])]);

        var data = evaluation.Documents!;
        Assert.Equal(["ana", "textlens"], data.Coders);
        Assert.Equal([1.0, 0.0, 0.0, 0.0], Enumerable.Range(0, 4).Select(u => data.Value(u, "textlens")!.Value));
        var pooled = evaluation.Agreement.Single(a => a.Label == GoldEvaluation.AllLabels);
        Assert.Equal(("textlens", "ana", 4), (pooled.First, pooled.Second, pooled.Units));
        Assert.Equal(data.Alpha(AgreementMetric.Nominal), pooled.AlphaNominal, 12);
    }

    [Fact]
    public void Evaluate_GoldDocumentNotInCorpusAndSpanPastTheEnd_ListsBothWithOrigins()
    {
        var gold = new GoldStandard(
        [
            new CodedSpan("d1", 50, 99, "framing", "separatists") { Origin = "gold.csv:2" },
            new CodedSpan("d9", 0, 4, "framing", "separatists") { Origin = "gold.csv:3" },
        ], []);

        var e = Assert.Throws<TextLensConfigurationException>(() => GoldEvaluation.Evaluate(gold, [Document]));

        Assert.Equal(
        [
            "gold.csv:2: end 99 is past the end of document 'd1' (57 characters)",
            "gold.csv:3: document 'd9' is not in the corpus",
        ], e.Faults);
    }

    [Fact]
    public void ToTables_SpanTable_HasMicroAndMacroRowsPerCoder()
    {
        var gold = new GoldStandard([new CodedSpan("d1", 4, 15, "framing", "separatists")], []);

        var tables = GoldEvaluation.Evaluate(gold, [Document]).ToTables();

        Assert.Equal(["evaluation-spans", "evaluation-agreement", "evaluation-confusion", "evaluation-errors"], tables.Select(t => t.Name));
        Assert.Equal(["separatists", "(micro)", "(macro)"], tables[0].Rows.Select(r => r[2].Text));
        Assert.Equal(0.5, tables[0].Rows[0][6].Number);
    }

    [Fact]
    public void RenderHtml_EscapesCorpusText()
    {
        var doc = new CodedDocument("d1", "A <script>x</script> separatist", [new Annotation("framing", 21, 10, "g", "separatists")]);
        var gold = new GoldStandard([new CodedSpan("d1", 2, 8, "framing", "separatists")], []);

        var html = GoldEvaluation.Evaluate(gold, [doc]).RenderHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}

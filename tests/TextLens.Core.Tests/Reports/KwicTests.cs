using System.Text.Json;
using System.Text.RegularExpressions;
using TextLens.Reports;
using TextLens.Text;

namespace TextLens.Tests.Reports;

public sealed class KwicTests
{
    private const string Text = "Baku blamed Armenian separatists for the death of four officers.\nThe separatists’ positions were shelled  near the\r\nLachin road.";

    private static Annotation At(string text, string match, string label, string layer = "framing", string category = "forces", int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(match, start + 1, StringComparison.Ordinal);
        }

        return new Annotation(layer, start, match.Length, category, label) { Facets = [new AnnotationFacet("stance", "delegitimizing"), new AnnotationFacet("voice", "authorial")] };
    }

    [Fact]
    public void Lines_hold_n_tokens_of_context_with_white_space_normalised()
    {
        Annotation[] annotations =
        [
            At(Text, "Armenian separatists", "separatists"),
            At(Text, "separatists", "separatists", occurrence: 1),
            At(Text, "Lachin road", "lachin-road", category: "road"),
        ];

        var lines = Kwic.Lines("doc-1", Text, annotations, new KwicOptions { ContextTokens = 3 }).ToList();

        Assert.Equal(3, lines.Count);
        Assert.Equal(("Baku blamed", "Armenian separatists", "for the death"), (lines[0].Left, lines[0].Text, lines[0].Right));
        // Punctuation is a token; the line break became a space.
        Assert.Equal(("officers. The", "separatists", "’ positions were"), (lines[1].Left, lines[1].Text, lines[1].Right));
        Assert.Equal(("shelled near the", "Lachin road", "."), (lines[2].Left, lines[2].Text, lines[2].Right));
        Assert.Equal(("doc-1", "framing", "forces", "separatists"), (lines[0].DocumentId, lines[0].Layer, lines[0].Category, lines[0].Label));
        Assert.Equal(Text.IndexOf("Armenian", StringComparison.Ordinal), lines[0].Start);
        Assert.Equal(20, lines[0].Length);
        Assert.Equal("authorial", lines[0].Facet("voice"));
    }

    [Fact]
    public void A_match_across_a_line_break_is_shown_on_one_line()
    {
        const string text = "Weapons moved along the Lachin\nroad at night.";
        var a = new Annotation("framing", text.IndexOf("Lachin", StringComparison.Ordinal), "Lachin\nroad".Length, "road", "lachin-road");
        var line = Assert.Single(Kwic.Lines("d", text, [a]));
        Assert.Equal(("Weapons moved along the", "Lachin road", "at night."), (line.Left, line.Text, line.Right));
    }

    [Fact]
    public void Context_stops_at_the_ends_of_the_document()
    {
        const string text = "Separatists left.";
        var line = Assert.Single(Kwic.Lines("d", text, [new Annotation("framing", 0, 11, "forces", "separatists")]));
        Assert.Equal(("", "Separatists", "left."), (line.Left, line.Text, line.Right));
        Assert.Empty(Kwic.Lines("d", text, [new Annotation("framing", 10, 20, "forces", "outside")]));
    }

    [Fact]
    public void Lines_are_filtered_by_layer_category_label_pattern_and_predicate()
    {
        Annotation[] annotations =
        [
            At(Text, "Armenian separatists", "separatists"),
            At(Text, "Baku", "Baku", layer: "entity", category: "GPE"),
            At(Text, "Lachin road", "lachin-road", category: "road"),
        ];

        string[] Labels(KwicOptions o) => Kwic.Lines("d", Text, annotations, o).Select(l => l.Label).ToArray();
        Assert.Equal(["separatists", "lachin-road"], Labels(new KwicOptions { Layers = new HashSet<string> { "framing" } }));
        Assert.Equal(["lachin-road"], Labels(new KwicOptions { Categories = new HashSet<string> { "road" } }));
        Assert.Equal(["Baku"], Labels(new KwicOptions { Labels = new HashSet<string> { "Baku" } }));
        Assert.Equal(["separatists"], Labels(new KwicOptions { TextPattern = new Regex("separat", RegexOptions.None, TimeSpan.FromSeconds(1)) }));
        Assert.Equal(["Baku"], Labels(new KwicOptions { Where = a => a.Layer == "entity" }));
    }

    [Fact]
    public void Csv_cells_that_a_spreadsheet_would_run_are_neutralised()
    {
        Assert.Equal("'=SUM(A1)", KwicWriter.CsvCell("=SUM(A1)"));
        Assert.Equal("'+1", KwicWriter.CsvCell("+1"));
        Assert.Equal("'- Voter suppression", KwicWriter.CsvCell("- Voter suppression"));
        Assert.Equal("'@handle", KwicWriter.CsvCell("@handle"));
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", KwicWriter.CsvCell("=HYPERLINK(\"x\",\"y\")"));
        Assert.Equal("\"a, b\"", KwicWriter.CsvCell("a, b"));
        Assert.Equal("plain", KwicWriter.CsvCell("plain"));
        Assert.Equal("", KwicWriter.CsvCell(null));
    }

    [Fact]
    public void The_csv_writer_streams_document_results()
    {
        const string text = "=cmd| said: Armenian separatists, again.";
        var result = new DocumentResult
        {
            Document = new TextDocument("doc,1", text),
            Group = "Caspian",
            Period = "2023-09",
            Annotations = [At(text, "Armenian separatists", "separatists")],
        };
        var output = new StringWriter();
        using (var writer = new KwicWriter(output, KwicFormat.Csv, new KwicOptions { ContextTokens = 5 }, leaveOpen: true))
        {
            writer.Write(result);
            writer.Write(new DocumentResult { ReadError = new Corpus.CorpusReadError("x", 1, 1, null, "bad") });
            Assert.Equal(1, writer.LinesWritten);
        }

        var rows = output.ToString().Split("\r\n");
        Assert.Equal("documentId,group,period,layer,category,label,start,length,left,text,right,facets", rows[0]);
        Assert.Equal("\"doc,1\",Caspian,2023-09,framing,forces,separatists,12,20,'=cmd| said:,Armenian separatists,\", again.\",stance=delegitimizing; voice=authorial", rows[1]);
        Assert.Equal("", rows[2]);
    }

    [Fact]
    public void The_jsonl_writer_writes_one_object_a_line_from_text_and_annotations()
    {
        var output = new StringWriter();
        using (var writer = new KwicWriter(output, KwicFormat.Jsonl, new KwicOptions { ContextTokens = 2 }, leaveOpen: true))
        {
            writer.Write("doc-1", Text, [At(Text, "Armenian separatists", "separatists"), At(Text, "positions", "positions", category: "x")], "Caspian", "all");
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("doc-1", root.GetProperty("documentId").GetString());
        Assert.Equal("Caspian", root.GetProperty("group").GetString());
        Assert.Equal("Baku blamed", root.GetProperty("left").GetString());
        Assert.Equal("Armenian separatists", root.GetProperty("text").GetString());
        Assert.Equal("for the", root.GetProperty("right").GetString());
        Assert.Equal(12, root.GetProperty("start").GetInt32());
        Assert.Equal("delegitimizing", root.GetProperty("facets").GetProperty("stance").GetString());
        // Non-ASCII text stays readable (not \u-escaped).
        Assert.Contains("\"left\":\"separatists’\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_parsed_document_can_be_reused_for_the_lines()
    {
        var parsed = DocumentParser.Default.Parse(new TextDocument("d", Text));
        var line = Kwic.Line(parsed, At(Text, "Lachin road", "lachin-road"), new KwicOptions { ContextTokens = 1 }, "g", "p");
        Assert.NotNull(line);
        Assert.Equal(("the", "Lachin road", ".", "g", "p"), (line.Left, line.Text, line.Right, line.Group, line.Period));
    }
}

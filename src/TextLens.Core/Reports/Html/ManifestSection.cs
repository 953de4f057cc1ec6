using System.Globalization;

namespace TextLens.Reports.Html;

/// <summary>What ran on what: versions, grouping, analyzers with options and lexicon hashes, counts, run facts, errors.</summary>
internal sealed class ManifestSection : ReportSection
{
    public override string Id => "manifest";

    public override string Title => "Manifest";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        var m = view.Report.Manifest;
        var c = m.Counts;

        w.Open("div", ("class", "cards"));
        Card(w, "Read", c.DocumentsRead, null);
        Card(w, "Analysed", c.DocumentsAnalyzed, null);
        Card(w, "Skipped", c.DocumentsSkipped, c.DocumentsSkipped > 0 ? "warn" : null);
        Card(w, "Flagged", c.DocumentsFlagged, c.DocumentsFlagged > 0 ? "warn" : null);
        Card(w, "Failed", c.DocumentsFailed, c.DocumentsFailed > 0 ? "warn" : null);
        Card(w, "Tokens", c.Tokens, null);
        Card(w, "Characters", c.Characters, null);
        w.Close("div");

        w.Open("dl", ("class", "facts"));
        Fact(w, "TextLens", m.TextLensVersion);
        Fact(w, "Source", m.Source);
        Fact(w, "Grouped by", string.IsNullOrEmpty(m.GroupBy) ? "— (not grouped)" : m.GroupBy);
        Fact(w, "Period", m.Period);
        if (m.Run is { } run)
        {
            Fact(w, "Run started", run.StartedUtc.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
            Fact(w, "Elapsed", run.ElapsedSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s on " +
                run.DegreeOfParallelism.ToString(CultureInfo.InvariantCulture) + (run.DegreeOfParallelism == 1 ? " worker" : " workers"));
        }

        w.Close("dl");

        w.Element("h3", "Analyzers");
        if (m.Analyzers.Count == 0)
        {
            Empty(w, "No analyzers are recorded.");
        }
        else
        {
            BeginTable(w, "analyzers", [("Analyzer", false), ("Version", true), ("Layer", false), ("Options", false), ("Lexicons", false)]);
            foreach (var a in m.Analyzers)
            {
                w.Open("tr");
                w.Open("td").Element("code", a.Id).Close("td");
                NumberCell(w, a.Version, a.Version.ToString(CultureInfo.InvariantCulture));
                TextCell(w, a.Layer);
                w.Open("td", ("class", "opts"));
                foreach (var (key, value) in a.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
                {
                    w.Open("div").Element("span", key, ("class", "k")).Text(" = ").Element("code", value).Close("div");
                }

                w.Close("td");
                w.Open("td", ("class", "lex"));
                foreach (var lex in a.Lexicons)
                {
                    w.Open("div");
                    w.Element("strong", lex.Name).Text(" " + lex.Version + " ");
                    w.Element("code", lex.Sha256.Length > 12 ? lex.Sha256[..12] : lex.Sha256, ("title", "SHA-256 " + lex.Sha256), ("class", "hash"));
                    w.Element("span", " " + lex.Kind + " · " + lex.Origin, ("class", "sub"));
                    w.Close("div");
                }

                w.Close("td");
                w.Close("tr");
            }

            EndTable(w);
        }

        if (m.Run is { Timings.Count: > 0 } timed)
        {
            w.Open("details", ("class", "timings"));
            w.Element("summary", "Timings of this run");
            BeginTable(w, null, [("Step", false), ("Documents", true), ("Seconds", true), ("Characters / s", true), ("Allocated", true)]);
            foreach (var t in timed.Timings)
            {
                w.Open("tr");
                w.Open("td").Element("code", t.Step).Close("td");
                NumberCell(w, t.Documents, NumberText.Count(t.Documents));
                NumberCell(w, t.Seconds, t.Seconds.ToString("0.000", CultureInfo.InvariantCulture));
                NumberCell(w, t.CharactersPerSecond, NumberText.Compact((long)t.CharactersPerSecond));
                NumberCell(w, t.AllocatedBytes, NumberText.Compact(t.AllocatedBytes) + "B");
                w.Close("tr");
            }

            EndTable(w);
            w.Close("details");
        }

        w.Element("h3", "Errors", ("id", "errors"));
        var errors = m.Errors;
        if (errors.Count == 0)
        {
            Empty(w, "No record was skipped, flagged or failed.");
            return;
        }

        w.Open("ul", ("class", "counts"));
        foreach (var kind in errors.GroupBy(e => e.Kind, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            w.Open("li").Element("span", kind.Key, ("class", "tag " + KindClass(kind.Key))).Text(" " + NumberText.Count(kind.Count())).Close("li");
        }

        w.Close("ul");
        var shown = Math.Min(errors.Count, view.Options.MaxErrors);
        BeginTable(w, "errors", tall: true, headers: [("Kind", false), ("Source", false), ("Line", true), ("Record", true), ("Document", false), ("Analyzer", false), ("Message", false)]);
        for (var i = 0; i < shown; i++)
        {
            var e = errors[i];
            w.Open("tr");
            w.Open("td").Element("span", e.Kind, ("class", "tag " + KindClass(e.Kind))).Close("td");
            TextCell(w, e.Source, "path");
            TextCell(w, e.Line?.ToString(CultureInfo.InvariantCulture), "num");
            TextCell(w, e.Record?.ToString(CultureInfo.InvariantCulture), "num");
            TextCell(w, e.DocumentId);
            TextCell(w, e.Analyzer);
            TextCell(w, e.Message, "msg");
            w.Close("tr");
        }

        EndTable(w);
        if (errors.Count > shown)
        {
            Note(w, $"Showing the first {NumberText.Count(shown)} of {NumberText.Count(errors.Count)} errors; {NumberText.Count(errors.Count - shown)} more are in errors.csv and report.json.");
        }
    }

    private static string KindClass(string kind) => kind is "read" or "analyzer" ? "tag-bad" : "tag-warn";

    private static void Card(HtmlWriter w, string label, long value, string? modifier)
    {
        w.Open("div", ("class", modifier is null ? "card" : "card " + modifier));
        w.Element("div", NumberText.Count(value), ("class", "v"));
        w.Element("div", label, ("class", "l"));
        w.Close("div");
    }

    private static void Fact(HtmlWriter w, string name, string value)
    {
        w.Element("dt", name);
        w.Element("dd", value);
    }
}

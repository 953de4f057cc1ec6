namespace TextLens.Reports.Html;

/// <summary>Documents and tokens per group (chart and table) and per period (a periods × groups table).</summary>
internal sealed class CorpusSection : ReportSection
{
    public override string Id => "corpus";

    public override string Title => "Corpus";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        var rows = view.Report.Corpus;
        var overall = rows.Where(r => r.Period == ReportView.All)
            .GroupBy(r => r.Group, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (rows.Count == 0 || !overall.TryGetValue(ReportView.All, out var total) || total.Documents == 0)
        {
            Empty(w, "No document was analysed.");
            return;
        }

        if (view.Grouped)
        {
            var bars = view.Groups.Select(g => overall.TryGetValue(g, out var r) ? r : new CorpusOverviewRow(g, ReportView.All, 0, 0, 0))
                .OrderByDescending(r => r.Documents).ThenBy(r => r.Group, StringComparer.Ordinal)
                .Select(r => (r.Group, r.Documents, $"{r.Group}: {NumberText.Count(r.Documents)} documents, {NumberText.Count(r.Tokens)} tokens"))
                .ToList();
            BeginFigure(w, $"Documents per {view.GroupNoun}", $"{NumberText.Count(total.Documents)} documents in all");
            new HorizontalBarChart { Title = $"Documents per {view.GroupNoun}", Rows = bars }.Render(w);
            EndFigure(w, null);
        }

        BeginTable(w, "sortable", [(Capital(view.GroupNoun), false), ("Documents", true), ("Tokens", true), ("Characters", true), ("Tokens per document", true)]);
        foreach (var group in view.ChartGroups)
        {
            if (!overall.TryGetValue(group, out var r))
            {
                continue;
            }

            w.Open("tr", ("class", group == ReportView.All ? "total-row" : null));
            RowHeader(w, view.GroupName(group));
            NumberCell(w, r.Documents, NumberText.Count(r.Documents));
            NumberCell(w, r.Tokens, NumberText.Count(r.Tokens));
            NumberCell(w, r.Characters, NumberText.Count(r.Characters));
            var perDoc = r.Documents == 0 ? 0 : (double)r.Tokens / r.Documents;
            NumberCell(w, perDoc, NumberText.Count((long)Math.Round(perDoc)));
            w.Close("tr");
        }

        EndTable(w);

        if (view.Periods.Count == 0)
        {
            return;
        }

        var byCell = rows.Where(r => r.Period != ReportView.All)
            .GroupBy(r => (r.Group, r.Period)).ToDictionary(g => g.Key, g => g.First());
        w.Element("h3", "Documents per period");
        Note(w, "Each cell gives documents, with tokens below.");
        BeginTable(w, "pivot", [("Period", false), .. view.ChartGroups.Select(g => (view.GroupName(g), true))]);
        foreach (var period in view.Periods)
        {
            w.Open("tr");
            TextCell(w, period, period == Statistics.PeriodKey.Unknown ? "muted" : null);
            foreach (var group in view.ChartGroups)
            {
                if (byCell.TryGetValue((group, period), out var r) && r.Documents > 0)
                {
                    w.Open("td", ("class", "num"), ("data-v", NumberText.Raw(r.Documents)));
                    w.Text(NumberText.Count(r.Documents));
                    w.Element("span", NumberText.Compact(r.Tokens) + " tok", ("class", "sub"));
                    w.Close("td");
                }
                else
                {
                    w.Element("td", "·", ("class", "num zero"), ("data-v", "0"));
                }
            }

            w.Close("tr");
        }

        EndTable(w);
    }

    internal static string Capital(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}

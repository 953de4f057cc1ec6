using System.Globalization;

namespace TextLens.Reports.Html;

/// <summary>
/// Keyword-in-context lines: one collapsible block per (layer, category, label), one table body per group inside
/// it, each an anchor the counts elsewhere link to. Left context right-aligned, match bold, right context.
/// </summary>
internal sealed class KwicSection : ReportSection
{
    public override string Id => "kwic";

    public override string Title => "Keyword in context";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        if (view.Kwic.Labels.Count == 0)
        {
            Empty(w, "No keyword-in-context lines were collected for this report.");
            return;
        }

        var labels = view.Kwic.LinkedLabels;
        Note(w, $"Every count above links here. Up to {NumberText.Count(view.Options.MaxKwicLinesPerLabel)} lines per label, spread over the {view.GroupNoun}s " +
            "and over documents; every line is in annotations.jsonl with its document offsets.");
        var unlinked = view.Kwic.Labels.Count - labels.Count;
        if (unlinked > 0)
        {
            Note(w, $"{NumberText.Count(unlinked)} {(unlinked == 1 ? "label" : "labels")} that no count on this page shows {(unlinked == 1 ? "is" : "are")} left out here; " +
                "their lines are in kwic.jsonl and annotations.jsonl.");
        }
        string? layer = null;
        foreach (var label in labels)
        {
            if (label.Layer != layer)
            {
                layer = label.Layer;
                w.Element("h3", layer);
            }

            w.Open("details", ("id", label.Id), ("class", "kwic"));
            w.Open("summary");
            w.Element("span", label.Category, ("class", "cat"));
            w.Text(" › ");
            w.Element("strong", label.Label);
            w.Element("span", " " + NumberText.Count(label.Total) + (label.Total == 1 ? " line" : " lines"), ("class", "sub"));
            w.Close("summary");
            w.Open("div", ("class", "scroll"));
            w.Open("table", ("class", "kwic"));
            w.Open("thead").Open("tr");
            w.Element("th", "Document", ("scope", "col"));
            w.Element("th", "Group", ("scope", "col"));
            w.Element("th", "Left context", ("scope", "col"), ("class", "num"));
            w.Element("th", "Match", ("scope", "col"));
            w.Element("th", "Right context", ("scope", "col"));
            w.Close("tr").Close("thead");
            foreach (var part in label.Groups)
            {
                w.Open("tbody", ("id", part.Id));
                w.Open("tr", ("class", "grp"));
                w.Open("th", ("colspan", "5"), ("scope", "rowgroup"));
                w.Text(view.GroupName(part.Group));
                w.Element("span", $" {NumberText.Count(part.Lines.Count)} of {NumberText.Count(part.Total)}", ("class", "sub"));
                w.Close("th");
                w.Close("tr");
                foreach (var line in part.Lines)
                {
                    w.Open("tr");
                    w.Open("td", ("class", "doc")).Open("div", ("title", line.DocumentId + " · " + line.Period))
                        .Text(line.DocumentId).Element("span", " " + line.Period, ("class", "per")).Close("div").Close("td");
                    w.Open("td", ("class", "grpcell")).Element("div", line.Group, ("title", line.Group)).Close("td");
                    w.Open("td", ("class", "left")).Open("div").Element("span", Flatten(line.Left)).Close("div").Close("td");
                    w.Element("td", Flatten(line.Match), ("class", "match"),
                        ("title", "offset " + line.Start.ToString(CultureInfo.InvariantCulture) + ", length " + line.Length.ToString(CultureInfo.InvariantCulture)));
                    w.Open("td", ("class", "right")).Open("div").Element("span", Flatten(line.Right)).Close("div").Close("td");
                    w.Close("tr");
                }

                if (part.Total > part.Lines.Count)
                {
                    w.Open("tr", ("class", "more"));
                    w.Element("td", $"{NumberText.Count(part.Total - part.Lines.Count)} more in annotations.jsonl", ("colspan", "5"));
                    w.Close("tr");
                }

                w.Close("tbody");
            }

            w.Close("table");
            w.Close("div");
            w.Close("details");
        }
    }

    /// <summary>Line breaks and tabs of the context shown as spaces, so a line stays one line.</summary>
    private static string Flatten(string text) =>
        text.AsSpan().IndexOfAny("\r\n\t") < 0 ? text : text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
}

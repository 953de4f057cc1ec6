using System.Globalization;

namespace TextLens.Reports.Html;

/// <summary>
/// Renders contributed <see cref="ReportTable"/>s: name, description, then the first rows as a sortable table.
/// Numbers are right-aligned with exact values in tooltips; z-score columns are tinted (blue negative, orange
/// positive) and marked ▲/▼ when |z| ≥ 1.96, so the reading never depends on colour; a label column links to its
/// keyword-in-context lines when the table names the layer (a <c>layer</c> column, or a name such as
/// <c>framing-log-odds</c>) and the category.
/// </summary>
internal abstract class TableSection : ReportSection
{
    private const double Significant = 1.959964;

    protected static void RenderTable(HtmlWriter w, ReportView view, ReportTable table, int index)
    {
        w.Open("div", ("class", "rtable"), ("id", AnchorIds.For("table", table.Name, index.ToString(CultureInfo.InvariantCulture))));
        w.Element("h3", table.Name);
        if (table.Description.Length > 0)
        {
            w.Element("p", table.Description, ("class", "desc"));
        }

        if (table.Rows.Count == 0)
        {
            Empty(w, "The table has no rows.");
            w.Close("div");
            return;
        }

        var columns = table.Columns;
        var numeric = Enumerable.Range(0, columns.Count)
            .Select(c => table.Rows.All(r => r[c].Text is null) && table.Rows.Any(r => r[c].Number is not null)).ToArray();
        var isZ = columns.Select(IsZColumn).ToArray();
        var label = IndexOf(columns, "label");
        var category = IndexOf(columns, "category") is var ci and >= 0 ? ci : IndexOf(columns, "concept");
        var layerColumn = IndexOf(columns, "layer");
        var group = IndexOf(columns, "group");
        var layers = view.Layers.ToHashSet(StringComparer.Ordinal);
        var nameLayer = layers.FirstOrDefault(l => table.Name.StartsWith(l + "-", StringComparison.Ordinal));
        var linkable = label >= 0 && category >= 0 && (layerColumn >= 0 || nameLayer is not null);

        BeginTable(w, "sortable data", columns.Select((c, i) => (c, numeric[i])));
        var shown = Math.Min(table.Rows.Count, view.Options.MaxTableRows);
        for (var r = 0; r < shown; r++)
        {
            var row = table.Rows[r];
            w.Open("tr");
            for (var c = 0; c < columns.Count; c++)
            {
                var value = row[c];
                if (value.Number is { } n)
                {
                    if (isZ[c])
                    {
                        ZCell(w, n);
                    }
                    else
                    {
                        var text = NumberText.General(n);
                        var exact = ReportValue.FormatNumber(n);
                        NumberCell(w, n, text, exact != text.Replace(",", "", StringComparison.Ordinal) ? exact : null);
                    }
                }
                else if (c == label && linkable && value.Text is { } text)
                {
                    var layer = layerColumn >= 0 ? row[layerColumn].Text : nameLayer;
                    var target = layer is null ? null
                        : view.Kwic.Target(layer, row[category].ToString(), text, group >= 0 ? row[group].Text ?? ReportView.All : ReportView.All);
                    w.Open("td");
                    if (target is null)
                    {
                        w.Text(text);
                    }
                    else
                    {
                        w.Element("a", text, ("href", "#" + target), ("class", "kw"), ("title", "Keyword-in-context lines"));
                    }

                    w.Close("td");
                }
                else
                {
                    TextCell(w, value.Text, value.IsNull ? "null" : null);
                }
            }

            w.Close("tr");
        }

        EndTable(w);
        if (table.Rows.Count > shown)
        {
            Note(w, $"Showing the first {NumberText.Count(shown)} of {NumberText.Count(table.Rows.Count)} rows; the whole table is in {table.Name}.csv.");
        }

        if (isZ.Any(z => z))
        {
            Note(w, "▲ / ▼: |z| ≥ 1.96 (p < 0.05, two-sided), more (▲, orange) or less (▼, blue) frequent than in the rest of the corpus; tint grows with |z|.");
        }

        w.Close("div");
    }

    private static void ZCell(HtmlWriter w, double z)
    {
        var strength = double.IsFinite(z) ? Math.Min(Math.Abs(z) / 4, 1) : 0;
        var rgb = z < 0 ? "0,114,178" : "230,159,0";
        var alpha = (0.08 + (0.5 * strength)).ToString("0.00", CultureInfo.InvariantCulture);
        var mark = z >= Significant ? "▲ " : z <= -Significant ? "▼ " : "";
        w.Element("td", mark + NumberText.Signed(z), ("class", "num z"), ("data-v", NumberText.Raw(z)),
            ("style", $"background-color:rgba({rgb},{alpha})"), ("title", "z = " + ReportValue.FormatNumber(z)));
    }

    private static bool IsZColumn(string name) =>
        name.Equals("z", StringComparison.OrdinalIgnoreCase)
        || name.Equals("zscore", StringComparison.OrdinalIgnoreCase)
        || name.Equals("z_score", StringComparison.OrdinalIgnoreCase)
        || name.Equals("z-score", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("_z", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("z_", StringComparison.OrdinalIgnoreCase);

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether a table belongs in the log-odds section.</summary>
    internal static bool IsLogOdds(ReportTable table) =>
        table.Name.Contains("log-odds", StringComparison.OrdinalIgnoreCase) || table.Name.Contains("keyness", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Tables whose name contains <c>log-odds</c> or <c>keyness</c>.</summary>
internal sealed class LogOddsSection : TableSection
{
    public override string Id => "log-odds";

    public override string Title => "Distinctive labels (log-odds, keyness)";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        var tables = view.Report.Tables.Where(IsLogOdds).ToList();
        if (tables.Count == 0)
        {
            Empty(w, "No log-odds or keyness table in this report.");
            return;
        }

        Note(w, "Which labels each group uses more or less than the rest of the corpus. Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008) and G² keyness.");
        for (var i = 0; i < tables.Count; i++)
        {
            RenderTable(w, view, tables[i], i);
        }
    }
}

/// <summary>Every other contributed table, shown generically.</summary>
internal sealed class OtherTablesSection : TableSection
{
    public override string Id => "tables";

    public override string Title => "Other tables";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        var tables = view.Report.Tables.Where(t => !IsLogOdds(t)).ToList();
        if (tables.Count == 0)
        {
            Empty(w, "No other table in this report.");
            return;
        }

        for (var i = 0; i < tables.Count; i++)
        {
            RenderTable(w, view, tables[i], i);
        }
    }
}

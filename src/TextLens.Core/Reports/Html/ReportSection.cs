namespace TextLens.Reports.Html;

/// <summary>
/// A section of the HTML report: an anchor id, a heading in the navigation, and a body. Holds the small table
/// vocabulary every section shares (numeric cells, count links to KWIC, notes).
/// </summary>
internal abstract class ReportSection
{
    /// <summary>The section's element id (a constant, never data).</summary>
    public abstract string Id { get; }

    /// <summary>The heading.</summary>
    public abstract string Title { get; }

    /// <summary>Writes what follows the heading.</summary>
    public abstract void RenderBody(HtmlWriter w, ReportView view);

    public void Render(HtmlWriter w, ReportView view)
    {
        w.Open("section", ("id", Id), ("aria-labelledby", Id + "-h"));
        w.Element("h2", Title, ("id", Id + "-h"));
        RenderBody(w, view);
        w.Close("section");
    }

    protected static void Note(HtmlWriter w, string text) => w.Element("p", text, ("class", "note"));

    protected static void Empty(HtmlWriter w, string text) => w.Element("p", text, ("class", "empty-state"));

    /// <summary>Opens a scrollable table with a header row; close with <see cref="EndTable"/>.</summary>
    protected static void BeginTable(HtmlWriter w, string? cssClass, IEnumerable<(string Text, bool Numeric)> headers, string? caption = null, bool tall = false)
    {
        w.Open("div", ("class", tall ? "scroll tall" : "scroll"));
        w.Open("table", ("class", cssClass));
        if (caption is not null)
        {
            w.Element("caption", caption);
        }

        w.Open("thead").Open("tr");
        foreach (var (text, numeric) in headers)
        {
            w.Open("th", ("scope", "col"), ("class", numeric ? "num" : null)).BreakableText(text).Close("th");
        }

        w.Close("tr").Close("thead");
        w.Open("tbody");
    }

    protected static void EndTable(HtmlWriter w) => w.Close("tbody").Close("table").Close("div");

    /// <summary>A row header (a group name) that wraps only inside very long unbroken names.</summary>
    protected static void RowHeader(HtmlWriter w, string text) =>
        w.Open("th", ("scope", "row")).BreakableText(text).Close("th");

    protected static void TextCell(HtmlWriter w, string? text, string? cssClass = null) =>
        w.Element("td", text, ("class", cssClass));

    /// <summary>A right-aligned number with its exact value in <c>data-v</c> (for sorting).</summary>
    protected static void NumberCell(HtmlWriter w, double value, string text, string? title = null) =>
        w.Element("td", text, ("class", "num"), ("data-v", NumberText.Raw(value)), ("title", title));

    /// <summary>A count that links to its keyword-in-context lines when there are any.</summary>
    protected static void CountCell(HtmlWriter w, long count, string? target, string? extra = null)
    {
        w.Open("td", ("class", "num"), ("data-v", NumberText.Raw(count)));
        CountLink(w, count, target);
        if (extra is not null)
        {
            w.Element("span", extra, ("class", "sub"));
        }

        w.Close("td");
    }

    protected static void CountLink(HtmlWriter w, long count, string? target)
    {
        if (target is null)
        {
            w.Text(NumberText.Count(count));
        }
        else
        {
            w.Element("a", NumberText.Count(count), ("href", "#" + target), ("class", "kw"), ("title", "Keyword-in-context lines"));
        }
    }

    /// <summary>A figure with a heading, an optional subtitle and a source line, FT-style.</summary>
    protected static void BeginFigure(HtmlWriter w, string heading, string? subtitle)
    {
        w.Open("figure", ("class", "fig"));
        w.Element("h4", heading);
        if (subtitle is not null)
        {
            w.Element("p", subtitle, ("class", "sub"));
        }
    }

    protected static void EndFigure(HtmlWriter w, string? source)
    {
        if (source is not null)
        {
            w.Element("figcaption", source);
        }

        w.Close("figure");
    }
}

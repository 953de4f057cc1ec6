using System.Xml.Linq;

namespace TextLens.Tests.Reports.Html;

/// <summary>The report parsed as XML (it is written XHTML-compatible), with a few queries the tests share.</summary>
internal sealed class HtmlDom
{
    public HtmlDom(string html)
    {
        const string doctype = "<!DOCTYPE html>";
        Assert.StartsWith(doctype, html, StringComparison.Ordinal);
        Document = XDocument.Parse(html[doctype.Length..], LoadOptions.None);
    }

    public XDocument Document { get; }

    public IEnumerable<XElement> All(string name) => Document.Descendants(name);

    public IEnumerable<XElement> WithClass(string name, string cssClass) =>
        All(name).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    public XElement ById(string id) => Document.Descendants().Single(e => (string?)e.Attribute("id") == id);

    public IReadOnlyList<string> Ids => Document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
}

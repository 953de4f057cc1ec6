namespace TextLens.Reports.Html;

/// <summary>
/// One keyword-in-context line of a report: a matched span of a document with its left and right context, keyed
/// like the label statistics so every count in the HTML report can link to the lines behind it.
/// </summary>
/// <param name="Layer">The layer (<c>framing</c>, <c>entity</c>, <c>attribution</c>, or a plugin's own).</param>
/// <param name="Category">The category (a concept, an entity type, a source type).</param>
/// <param name="Label">The label.</param>
/// <param name="Group">The group value of the document (for example the outlet), <c>all</c> when the run was not grouped.</param>
/// <param name="Period">The period of the document (<c>2023-09</c>, <c>unknown</c>, or <c>all</c> when the run had no period).</param>
/// <param name="DocumentId">The document id.</param>
/// <param name="Start">Offset of the match in the document text, in UTF-16 code units.</param>
/// <param name="Length">Length of the match, in UTF-16 code units.</param>
/// <param name="Left">Text before the match.</param>
/// <param name="Match">The matched text.</param>
/// <param name="Right">Text after the match.</param>
public sealed record ReportKwicLine(string Layer, string Category, string Label, string Group, string Period,
    string DocumentId, int Start, int Length, string Left, string Match, string Right);

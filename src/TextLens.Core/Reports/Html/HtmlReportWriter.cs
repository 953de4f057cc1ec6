using System.Text;

namespace TextLens.Reports.Html;

/// <summary>
/// Writes a <see cref="CorpusReport"/> as one self-contained HTML page: inline CSS and SVG charts, no network
/// access (a strict Content-Security-Policy forbids any), every piece of corpus text HTML-escaped. Sections:
/// manifest, corpus, framing competition, framing over time, log-odds and keyness, top entities, attribution,
/// other tables, keyword in context; every count links to its KWIC lines.
/// </summary>
/// <remarks>
/// The page is well-formed XHTML-compatible HTML (every element closed, attributes quoted) and deterministic: the
/// same report and lines give byte-identical output, whatever order the lines come in. The only time shown is the
/// manifest's own <see cref="RunInfo.StartedUtc"/>. Content never depends on the small inline script (sorting,
/// opening linked blocks).
/// </remarks>
public static class HtmlReportWriter
{
    /// <summary>The conventional file name of the HTML report.</summary>
    public const string FileName = "report.html";

    /// <summary>Renders the report as HTML text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="kwic">Keyword-in-context lines collected during the run, in any order; may be empty.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="HtmlReportOptions.Default"/>.</param>
    /// <returns>The page.</returns>
    public static string Render(CorpusReport report, IReadOnlyList<ReportKwicLine> kwic, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(kwic);
        options ??= HtmlReportOptions.Default;
        options.Validate();
        return new HtmlReportRenderer(report, kwic, options).Render();
    }

    /// <summary>
    /// Renders the report and writes it (UTF-8 without byte order mark) to <paramref name="path"/> through an
    /// <see cref="AtomicFile"/>, so the file is never seen half-written. Returns the full path.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="kwic">Keyword-in-context lines; may be empty.</param>
    /// <param name="path">The file to write (conventionally <see cref="FileName"/> in the output folder).</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left untouched.</param>
    public static async Task<string> WriteAsync(CorpusReport report, IReadOnlyList<ReportKwicLine> kwic, string path,
        HtmlReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var html = Render(report, kwic, options);
        var file = new AtomicFile(path);
        await using (file.ConfigureAwait(false))
        {
            await file.Stream.WriteAsync(new UTF8Encoding(false).GetBytes(html), cancellationToken).ConfigureAwait(false);
            await file.CommitAsync(cancellationToken).ConfigureAwait(false);
            return file.Path;
        }
    }
}

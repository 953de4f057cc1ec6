using System.Text;
using System.Text.Json;

namespace TextLens.Reports;

/// <summary>
/// Writes a <see cref="CorpusReport"/> as <c>report.json</c> and as tidy CSV tables (one a file), each through an
/// <see cref="AtomicFile"/> so no file is ever left half-written.
/// </summary>
public static class ReportWriter
{
    /// <summary>The name of the JSON report file.</summary>
    public const string ReportFileName = "report.json";

    /// <summary>Serialises a report to JSON text (indented, camelCase).</summary>
    public static string ToJson(CorpusReport report) =>
        JsonSerializer.Serialize(report, TextLensJsonContext.Readable.CorpusReport);

    /// <summary>Reads a report written by <see cref="WriteJsonAsync"/>.</summary>
    /// <exception cref="JsonException">The file is not a TextLens report.</exception>
    public static CorpusReport FromJson(string json) =>
        JsonSerializer.Deserialize(json, TextLensJsonContext.Default.CorpusReport)
        ?? throw new JsonException("The report is empty (null).");

    /// <summary>Reads a report file.</summary>
    public static async Task<CorpusReport> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, TextLensJsonContext.Default.CorpusReport, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException($"{path}: the report is empty (null).");
        }
    }

    /// <summary>Writes <c>report.json</c> into a folder; returns its path.</summary>
    public static async Task<string> WriteJsonAsync(CorpusReport report, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var file = new AtomicFile(Path.Combine(directory, ReportFileName));
        await using (file.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(file.Stream, report, TextLensJsonContext.Readable.CorpusReport, cancellationToken).ConfigureAwait(false);
            await file.CommitAsync(cancellationToken).ConfigureAwait(false);
            return file.Path;
        }
    }

    /// <summary>
    /// The report as tidy tables: <c>corpus</c>, <c>labels</c>, <c>facets</c>, <c>document-facets</c>, <c>errors</c>,
    /// then every table in <see cref="CorpusReport.Tables"/>.
    /// </summary>
    public static IReadOnlyList<ReportTable> ToTables(CorpusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tables = new List<ReportTable>
        {
            new("corpus", "Documents, tokens and characters per group and period.",
                ["group", "period", "documents", "tokens", "characters"],
                report.Corpus.Select(r => Row(r.Group, r.Period, r.Documents, r.Tokens, r.Characters)).ToList()),
            new("labels", "Mentions, documents, rate per 10,000 tokens and share within category of every label per group and period.",
                ["group", "period", "layer", "category", "label", "mentions", "documents", "rate_per_10k_tokens", "share_in_category"],
                report.Labels.Select(r => Row(r.Group, r.Period, r.Layer, r.Category, r.Label, r.Mentions, r.Documents, r.RatePer10kTokens, r.ShareInCategory)).ToList()),
            new("facets", "Mentions of each facet value of each label per group and period, and its share of the label's mentions.",
                ["group", "period", "layer", "category", "label", "facet", "value", "mentions", "share_of_label"],
                report.Facets.Select(r => Row(r.Group, r.Period, r.Layer, r.Category, r.Label, r.Facet, r.Value, r.Mentions, r.ShareOfLabel)).ToList()),
            new("document-facets", "Documents having each document-level facet value (bylines, credits) per group and period.",
                ["group", "period", "facet", "value", "documents"],
                report.DocumentFacets.Select(r => Row(r.Group, r.Period, r.Facet, r.Value, r.Documents)).ToList()),
            new("errors", "Records skipped (kind read), documents flagged (kind flag) and analyzer failures (kind analyzer).",
                ["kind", "source", "line", "record", "document_id", "analyzer", "message"],
                report.Manifest.Errors.Select(e => Row(e.Kind, e.Source, Num(e.Line), Num(e.Record), e.DocumentId, e.Analyzer, e.Message)).ToList()),
        };
        tables.AddRange(report.Tables);
        return tables;
    }

    /// <summary>Writes every table of the report as <c>&lt;name&gt;.csv</c> into a folder; returns the paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteCsvAsync(CorpusReport report, string directory, CancellationToken cancellationToken = default)
    {
        var paths = new List<string>();
        foreach (var table in ToTables(report))
        {
            paths.Add(await WriteCsvAsync(table, directory, cancellationToken).ConfigureAwait(false));
        }

        return paths;
    }

    /// <summary>Writes one table as <c>&lt;name&gt;.csv</c> (UTF-8 without BOM) into a folder; returns its path.</summary>
    public static async Task<string> WriteCsvAsync(ReportTable table, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var file = new AtomicFile(Path.Combine(directory, table.Name + ".csv"));
        await using (file.ConfigureAwait(false))
        {
            var bytes = new UTF8Encoding(false).GetBytes(CsvText.Format(table));
            await file.Stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await file.CommitAsync(cancellationToken).ConfigureAwait(false);
            return file.Path;
        }
    }

    private static ReportValue Num(long? n) => n is { } v ? ReportValue.Of(v) : ReportValue.Null;

    private static ReportValue[] Row(params ReportValue[] values) => values;
}

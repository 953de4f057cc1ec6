using System.Text.Json;

namespace TextLens.Reports;

/// <summary>
/// Streams <c>annotations.jsonl</c>: one line a document (id, origin, metadata, group, period, annotations with
/// offsets and text). Fed in corpus order through <see cref="AnalysisOptions.OnDocument"/>; the file appears
/// under its final name only on <see cref="CompleteAsync"/>. Given the pipeline's analyzer descriptors, it leaves out the
/// annotations of layers whose analyzers all have <see cref="AnalyzerDescriptor.WritesAnnotationRows"/> set to <see langword="false"/>.
/// </summary>
public sealed class AnnotationsWriter : IAsyncDisposable
{
    /// <summary>The default file name.</summary>
    public const string FileName = "annotations.jsonl";

    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly AtomicFile _file;
    private readonly Utf8JsonWriter _json;
    private readonly HashSet<string> _layersWithoutRows;
    private bool _completed;

    /// <summary>Opens <c>annotations.jsonl</c> (under a temporary name) in a folder; every annotation is written.</summary>
    public AnnotationsWriter(string directory)
        : this(directory, [])
    {
    }

    /// <summary>Opens <c>annotations.jsonl</c> (under a temporary name) in a folder, for a pipeline's analyzers.</summary>
    /// <param name="directory">The output folder.</param>
    /// <param name="analyzers">The pipeline's analyzer descriptors: the annotations of layers whose analyzers write no
    /// annotation rows (<see cref="AnalyzerDescriptor.WritesAnnotationRows"/>) are left out.</param>
    public AnnotationsWriter(string directory, IEnumerable<AnalyzerDescriptor> analyzers)
    {
        _layersWithoutRows = AnnotationRowLayers.WithoutRows(analyzers);
        _file = new AtomicFile(Path.Combine(directory, FileName));
        _json = new Utf8JsonWriter(_file.Stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Documents written.</summary>
    public long Count { get; private set; }

    /// <summary>Converts a result to its JSONL record (skipped records give <see langword="null"/>).</summary>
    public static DocumentAnnotations? ToRecord(DocumentResult result) => ToRecord(result, []);

    private static DocumentAnnotations? ToRecord(DocumentResult result, HashSet<string> layersWithoutRows)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Document is not { } doc)
        {
            return null;
        }

        return new DocumentAnnotations
        {
            Id = doc.Id,
            Origin = doc.Origin?.ToString(),
            Outlet = doc.Metadata.Outlet,
            Date = doc.Metadata.Get("date"),
            Title = doc.Metadata.Title,
            Group = result.Group,
            Period = result.Period,
            Tokens = result.Tokens,
            Issues = doc.Issues == DocumentIssues.None ? null : doc.Issues.ToString(),
            DocumentFacets = result.DocumentFacets,
            Failures = result.Failures.Select(f => $"{f.Analyzer}: {f.Message}").ToList(),
            Annotations = result.Annotations.Where(a => layersWithoutRows.Count == 0 || !layersWithoutRows.Contains(a.Layer)).Select(a => new AnnotationRecord(a.Layer, a.Start, a.Length, doc.Text.Substring(a.Start, a.Length),
                a.Category, a.Label,
                a.Facets.Count == 0 ? null : a.Facets.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
                a.Spans.Count == 0 ? null : a.Spans)).ToList(),
        };
    }

    /// <summary>Writes one document's line (skipped records write nothing: they are in the report's errors).</summary>
    public async ValueTask WriteAsync(DocumentResult result, CancellationToken cancellationToken = default)
    {
        if (ToRecord(result, _layersWithoutRows) is not { } record)
        {
            return;
        }

        JsonSerializer.Serialize(_json, record, TextLensJsonContext.Compact.DocumentAnnotations);
        await _json.FlushAsync(cancellationToken).ConfigureAwait(false);
        _json.Reset();
        await _file.Stream.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        Count++;
    }

    /// <summary>Flushes and moves the file to its final name.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        await _json.DisposeAsync().ConfigureAwait(false);
        _completed = true;
        await _file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the temporary file unless completed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await _json.DisposeAsync().ConfigureAwait(false);
        }

        await _file.DisposeAsync().ConfigureAwait(false);
    }
}

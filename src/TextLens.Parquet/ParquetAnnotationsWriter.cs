using TextLens.Reports;

namespace TextLens.Parquet;

/// <summary>
/// Streams a run's per-annotation and per-document output to <c>annotations.parquet</c> (one row an annotation) and
/// <c>documents.parquet</c> (one row a document), in row groups written as the run goes: memory holds at most two
/// row groups of each file, whatever the size of the corpus. Feed it every result in corpus order (from
/// <see cref="AnalysisOptions.OnDocument"/> or <see cref="TextLensPipeline.AnalyzeDocumentsAsync"/>); the files appear
/// under their final names only on <see cref="CompleteAsync"/>, and disposing without completing deletes them.
/// Not thread-safe: one caller at a time, as the engine calls <see cref="AnalysisOptions.OnDocument"/>.
/// </summary>
/// <remarks>
/// Annotations of a layer whose analyzers all have <see cref="AnalyzerDescriptor.WritesAnnotationRows"/> set to
/// <see langword="false"/> are not written. Each facet the analyzers declare (<see cref="AnalyzerDescriptor.Facets"/>)
/// gets a string column named after it (<c>facet_</c> and its name when that is a fixed column's name); the other
/// facets of an annotation go to the <c>facets</c> column as <c>key=value</c> pairs joined with <c>;</c>
/// (<c>\</c>, <c>;</c> and <c>=</c> inside a key or value escaped with <c>\</c>). The schema is in the README.
/// </remarks>
public sealed class ParquetAnnotationsWriter : IAsyncDisposable
{
    /// <summary>The file with one row an annotation.</summary>
    public const string AnnotationsFileName = "annotations.parquet";

    /// <summary>The file with one row a document.</summary>
    public const string DocumentsFileName = "documents.parquet";

    /// <summary>Rows of <c>annotations.parquet</c> buffered before a row group is written, by default.</summary>
    public const int DefaultRowGroupRows = 65_536;

    /// <summary>Rows of <c>documents.parquet</c> a row group holds at most (a document row carries its metadata).</summary>
    private const int MaxDocumentRowGroupRows = 8_192;

    private readonly ParquetTableFile<AnnotationTable> _annotations;
    private readonly ParquetTableFile<DocumentTable> _documents;
    private readonly HashSet<string> _layersWithoutRows;
    private bool _completed;

    /// <summary>Opens both files (under temporary names) in a folder, created when missing.</summary>
    /// <param name="directory">The output folder.</param>
    /// <param name="analyzers">The descriptors of the pipeline's analyzers (<c>pipeline.Analyzers.Select(a =&gt; a.Descriptor)</c>):
    /// their declared facets become columns, and layers whose analyzers write no annotation rows are left out.</param>
    /// <param name="rowGroupRows">Annotation rows a row group holds (documents: at most 8,192); at least 1.</param>
    public ParquetAnnotationsWriter(string directory, IEnumerable<AnalyzerDescriptor> analyzers, int rowGroupRows = DefaultRowGroupRows)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(analyzers);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        var descriptors = analyzers.ToList();
        _layersWithoutRows = AnnotationRowLayers.WithoutRows(descriptors);
        var facets = descriptors.Where(d => !_layersWithoutRows.Contains(d.Layer)).SelectMany(d => d.Facets);
        _annotations = new ParquetTableFile<AnnotationTable>(Path.Combine(directory, AnnotationsFileName), new AnnotationTable(facets, rowGroupRows));
        try
        {
            _documents = new ParquetTableFile<DocumentTable>(Path.Combine(directory, DocumentsFileName),
                new DocumentTable(Math.Min(rowGroupRows, MaxDocumentRowGroupRows)));
        }
        catch
        {
            _annotations.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Documents written (skipped records are not).</summary>
    public long Documents { get; private set; }

    /// <summary>Annotation rows written.</summary>
    public long Annotations { get; private set; }

    /// <summary>Buffers one result's rows, writing a row group when a buffer is full. Skipped records write nothing.</summary>
    /// <exception cref="InvalidOperationException">The writer was already completed.</exception>
    public async ValueTask WriteAsync(DocumentResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(_completed, this);
        if (result.Document is not { } doc)
        {
            return;
        }

        var columns = new DocumentColumns(doc.Id.AsMemory(), result.Sequence, result.Group.AsMemory(), result.Period.AsMemory(),
            doc.Metadata.Get("date")?.AsMemory(), doc.Text);
        var sentences = result.AnnotationSentences.Count == result.Annotations.Count ? result.AnnotationSentences : null;
        var annotations = result.Annotations;
        for (var i = 0; i < annotations.Count; i++)
        {
            var a = annotations[i];
            if (_layersWithoutRows.Count > 0 && _layersWithoutRows.Contains(a.Layer))
            {
                continue;
            }

            _annotations.Table.Add(columns, a, sentences?[i]);
            Annotations++;
            await _annotations.RowAddedAsync(cancellationToken).ConfigureAwait(false);
        }

        _documents.Table.Add(columns, result);
        Documents++;
        await _documents.RowAddedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the last row groups and the footers, and renames both files into place.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        await _annotations.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await _documents.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the temporary files unless completed.</summary>
    public async ValueTask DisposeAsync()
    {
        _completed = true;
        await _annotations.DisposeAsync().ConfigureAwait(false);
        await _documents.DisposeAsync().ConfigureAwait(false);
    }
}

using Parquet;
using TextLens.Reports;

namespace TextLens.Parquet;

/// <summary>
/// One Parquet file written under a temporary name: each full buffer of a <see cref="RowTable"/> becomes a row group,
/// encoded in the background while the next rows are buffered (at most two buffers exist), and the file is renamed
/// into place by <see cref="CompleteAsync"/>. Disposing without completing deletes it.
/// </summary>
internal sealed class ParquetTableFile<TTable> : IAsyncDisposable
    where TTable : RowTable
{
    private readonly AtomicFile _file;
    private readonly ParquetOptions _options;
    private ParquetWriter? _writer;
    private Task _pending = Task.CompletedTask;
    private bool _completed;

    public ParquetTableFile(string path, TTable table)
    {
        Table = table;
        _options = new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Snappy,
            // Parquet.Net keeps freed page buffers for reuse without limit unless told otherwise.
            MaximumSmallPoolFreeBytes = 16 << 20,
            MaximumLargePoolFreeBytes = 64 << 20,
        };
        _ = table.Schema; // fixes the columns and gives each field its path
        foreach (var (column, encoding) in table.Encodings)
        {
            _options.ColumnEncodingHints[column] = encoding;
        }

        _file = new AtomicFile(path);
    }

    public TTable Table { get; }

    /// <summary>Rows written so far (in completed row groups).</summary>
    public long Rows { get; private set; }

    /// <summary>Row groups written so far.</summary>
    public int RowGroups { get; private set; }

    /// <summary>Call after each row: starts writing a row group when the buffer is full.</summary>
    public ValueTask RowAddedAsync(CancellationToken cancellationToken) =>
        Table.IsFull ? new ValueTask(StartRowGroupAsync(cancellationToken)) : default;

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _pending.ConfigureAwait(false);
        if (Table.Count > 0)
        {
            var rows = Table.Swap();
            await WriteRowGroupAsync(rows, cancellationToken).ConfigureAwait(false);
        }

        var writer = await WriterAsync(cancellationToken).ConfigureAwait(false); // a file with no row group still has its schema
        _writer = null;
        await writer.DisposeAsync().ConfigureAwait(false);
        await _file.CommitAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            // A failed row group was reported by the call that awaited it; here only the temporary file matters.
            await Task.WhenAny(_pending).ConfigureAwait(false);
            _ = _pending.Exception;
            if (_writer is not null)
            {
                try
                {
                    await _writer.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The footer of an abandoned file may fail after a failed row group; the file is deleted below.
                }
            }
        }

        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StartRowGroupAsync(CancellationToken cancellationToken)
    {
        await _pending.ConfigureAwait(false); // the other buffer is free again once its row group is written
        var rows = Table.Swap();
        _pending = Task.Run(() => WriteRowGroupAsync(rows, cancellationToken), cancellationToken);
    }

    private async Task WriteRowGroupAsync(int rows, CancellationToken cancellationToken)
    {
        var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
        await Table.WriteAsync(writer, cancellationToken).ConfigureAwait(false);
        Rows += rows;
        RowGroups++;
    }

    private async ValueTask<ParquetWriter> WriterAsync(CancellationToken cancellationToken) =>
        _writer ??= await ParquetWriter.CreateAsync(Table.Schema, _file.Stream, _options, false, cancellationToken).ConfigureAwait(false);
}

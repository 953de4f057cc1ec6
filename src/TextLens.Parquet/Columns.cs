using Parquet;
using Parquet.Schema;

namespace TextLens.Parquet;

/// <summary>
/// One column of a <see cref="RowTable"/>: its Parquet field and two value buffers, one filled by new rows while the
/// other, after <see cref="Swap"/>, is written as a row group in the background.
/// </summary>
internal abstract class Column(DataField field)
{
    public DataField Field { get; } = field;

    /// <summary>The encoding to ask Parquet.Net for: dictionary for strings that repeat, delta for integers.</summary>
    public virtual EncodingHint Encoding => EncodingHint.Default;

    /// <summary>Makes the filled buffer the one to write, and the written (cleared) one the one to fill.</summary>
    public abstract void Swap();

    /// <summary>Writes the first <paramref name="count"/> values of the buffer to write as this column's chunk, then clears them.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken cancellationToken);
}

/// <summary>A column whose buffers are arrays of <typeparamref name="TValue"/>.</summary>
internal abstract class Column<TValue>(DataField field, int capacity) : Column(field)
{
    private TValue[] _written = new TValue[capacity];

    /// <summary>The buffer new rows are written to.</summary>
    public TValue[] Values { get; private set; } = new TValue[capacity];

    public override void Swap() => (Values, _written) = (_written, Values);

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken cancellationToken)
    {
        await WriteAsync(rowGroup, _written.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        Array.Clear(_written, 0, count); // drop the references the rows held; nullable columns start every row as null
    }

    protected abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, ReadOnlyMemory<TValue> values, CancellationToken cancellationToken);
}

/// <summary>
/// A UTF-8 string column (nullable or not); values are slices, so buffering a row copies no text. Dictionary-encoded
/// when its values repeat (<paramref name="repeats"/>): for nearly unique values a dictionary only costs time.
/// </summary>
internal sealed class StringColumn(string name, bool nullable, int capacity, bool repeats = true)
    : Column<ReadOnlyMemory<char>?>(new DataField<string>(name, nullable), capacity)
{
    public override EncodingHint Encoding => repeats ? EncodingHint.Dictionary : EncodingHint.Default;

    protected override Task WriteAsync(ParquetRowGroupWriter rowGroup, ReadOnlyMemory<ReadOnlyMemory<char>?> values, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(Field, values, cancellationToken: cancellationToken);
}

/// <summary>A required column of a value type (<see cref="int"/>, <see cref="long"/>, <see cref="bool"/>).</summary>
internal sealed class ValueColumn<T>(string name, int capacity) : Column<T>(new DataField<T>(name, false), capacity)
    where T : struct
{
    public override EncodingHint Encoding => typeof(T) == typeof(int) || typeof(T) == typeof(long) ? EncodingHint.DeltaBinaryPacked : EncodingHint.Default;

    protected override Task WriteAsync(ParquetRowGroupWriter rowGroup, ReadOnlyMemory<T> values, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(Field, values, cancellationToken: cancellationToken);
}

/// <summary>A nullable column of a value type.</summary>
internal sealed class NullableValueColumn<T>(string name, int capacity) : Column<T?>(new DataField<T?>(name), capacity)
    where T : struct
{
    protected override Task WriteAsync(ParquetRowGroupWriter rowGroup, ReadOnlyMemory<T?> values, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(Field, values, cancellationToken: cancellationToken);
}

/// <summary>
/// Copies of short texts (the matched text of each annotation) in large chunks, so a buffered row holds a slice of a
/// chunk rather than the whole document it came from or a string of its own. The chunks are reused after
/// <see cref="Clear"/>, once the rows that referred to them are written.
/// </summary>
internal sealed class TextArena
{
    private const int ChunkSize = 1 << 15;
    private readonly List<char[]> _chunks = [];
    private int _chunk = -1;
    private int _used;

    /// <summary>Characters copied since the last <see cref="Clear"/>.</summary>
    public long Characters { get; private set; }

    public ReadOnlyMemory<char> Copy(ReadOnlySpan<char> text)
    {
        Characters += text.Length;
        if (text.Length > ChunkSize)
        {
            return text.ToArray(); // longer than a chunk: an array of its own, never reused
        }

        if (_chunk < 0 || text.Length > ChunkSize - _used)
        {
            _chunk++;
            _used = 0;
            if (_chunk == _chunks.Count)
            {
                _chunks.Add(new char[ChunkSize]);
            }
        }

        var chunk = _chunks[_chunk];
        text.CopyTo(chunk.AsSpan(_used));
        var slice = new ReadOnlyMemory<char>(chunk, _used, text.Length);
        _used += text.Length;
        return slice;
    }

    /// <summary>Makes every chunk free for reuse: call only once no buffered row refers to them.</summary>
    public void Clear()
    {
        _chunk = -1;
        _used = 0;
        Characters = 0;
    }
}

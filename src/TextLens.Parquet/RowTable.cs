using Parquet;
using Parquet.Schema;

namespace TextLens.Parquet;

/// <summary>
/// The rows of one Parquet file being buffered: a fixed set of columns, filled row by row, written as a row group
/// once <see cref="IsFull"/>. Subclasses add their columns in schema order and fill one row at a time.
/// </summary>
internal abstract class RowTable(int capacity)
{
    private readonly List<Column> _columns = [];
    private ParquetSchema? _schema;
    private int _written;

    /// <summary>Rows a row group holds at most.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Rows buffered for the next row group.</summary>
    public int Count { get; protected set; }

    /// <summary>Whether the next row group should be written now.</summary>
    public virtual bool IsFull => Count >= Capacity;

    /// <summary>The schema: the columns in the order they were added (fixed once read).</summary>
    public ParquetSchema Schema => _schema ??= new ParquetSchema(_columns.Select(c => c.Field));

    /// <summary>The encoding each column asks for, by the column's path in the schema.</summary>
    public IEnumerable<KeyValuePair<string, EncodingHint>> Encodings =>
        _columns.Where(c => c.Encoding != EncodingHint.Default).Select(c => KeyValuePair.Create(c.Field.Path.ToString(), c.Encoding));

    protected TColumn Add<TColumn>(TColumn column)
        where TColumn : Column
    {
        if (_schema is not null)
        {
            throw new InvalidOperationException("Columns are added before the schema is read.");
        }

        _columns.Add(column);
        return column;
    }

    /// <summary>Hands the buffered rows over to <see cref="WriteAsync"/> and starts an empty buffer; returns how many there were.</summary>
    public virtual int Swap()
    {
        foreach (var c in _columns)
        {
            c.Swap();
        }

        _written = Count;
        Count = 0;
        return _written;
    }

    /// <summary>Writes the rows handed over by the last <see cref="Swap"/> as one row group.</summary>
    public virtual async Task WriteAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        foreach (var c in _columns)
        {
            await c.WriteAsync(rowGroup, _written, cancellationToken).ConfigureAwait(false);
        }

        rowGroup.CompleteValidate();
    }
}

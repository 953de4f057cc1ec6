using Parquet;
using Parquet.Schema;

namespace TextLens.Parquet.Tests;

/// <summary>A Parquet file read back with Parquet.Net: its column names, row groups and rows (column name to value).</summary>
internal sealed record ParquetRows(IReadOnlyList<string> Columns, IReadOnlyList<long> RowGroupSizes, IReadOnlyList<Dictionary<string, object?>> Rows)
{
    public static async Task<ParquetRows> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        var rows = new List<Dictionary<string, object?>>();
        var sizes = new List<long>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            sizes.Add(n);
            var columns = new List<object?[]>();
            foreach (var field in fields)
            {
                columns.Add(await ReadColumnAsync(group, field, n));
            }

            for (var r = 0; r < n; r++)
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var c = 0; c < fields.Length; c++)
                {
                    row[fields[c].Name] = columns[c][r];
                }

                rows.Add(row);
            }
        }

        return new ParquetRows(fields.Select(f => f.Name).ToList(), sizes, rows);
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int n)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[n];
            await group.ReadAsync(field, values.AsMemory());
            return values.Cast<object?>().ToArray();
        }

        return (field.ClrType.Name, field.IsNullable) switch
        {
            (nameof(Int32), false) => await Read<int>(),
            (nameof(Int32), true) => await ReadNullable<int>(),
            (nameof(Int64), false) => await Read<long>(),
            (nameof(Int64), true) => await ReadNullable<long>(),
            (nameof(Boolean), false) => await Read<bool>(),
            _ => throw new InvalidOperationException($"Unexpected column type {field}"),
        };

        async Task<object?[]> Read<T>()
            where T : struct
        {
            var values = new T[n];
            await group.ReadAsync<T>(field, values.AsMemory());
            return values.Select(v => (object?)v).ToArray();
        }

        async Task<object?[]> ReadNullable<T>()
            where T : struct
        {
            var values = new T?[n];
            await group.ReadAsync<T>(field, values.AsMemory());
            return values.Select(v => v is { } x ? (object?)x : null).ToArray();
        }
    }
}

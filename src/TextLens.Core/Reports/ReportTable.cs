using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextLens.Reports;

/// <summary>
/// A tidy table (one observation a row) contributed to a report by an analyzer or a statistic: written as one
/// CSV file and one JSON array, ready for R and pandas.
/// </summary>
public sealed class ReportTable
{
    /// <summary>Creates a table.</summary>
    /// <param name="name">File-safe name (<c>framing-log-odds</c>); the CSV is written as <c>&lt;name&gt;.csv</c>.</param>
    /// <param name="description">What a row means and how the numbers are computed.</param>
    /// <param name="columns">Column names.</param>
    /// <param name="rows">Rows; each has one value per column.</param>
    public ReportTable(string name, string description, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<ReportValue>> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"Table '{name}': a row has {row.Count} values for {columns.Count} columns.", nameof(rows));
            }
        }

        Name = name;
        Description = description ?? "";
        Columns = columns;
        Rows = rows;
    }

    /// <summary>File-safe name.</summary>
    public string Name { get; }

    /// <summary>What a row means.</summary>
    public string Description { get; }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows.</summary>
    public IReadOnlyList<IReadOnlyList<ReportValue>> Rows { get; }
}

/// <summary>A cell of a <see cref="ReportTable"/>: text, a number or nothing. Written to JSON as a string, a number or null.</summary>
[JsonConverter(typeof(ReportValueJsonConverter))]
public readonly record struct ReportValue
{
    private ReportValue(string? text, double? number)
    {
        Text = text;
        Number = number;
    }

    /// <summary>The text, when the cell is text.</summary>
    public string? Text { get; }

    /// <summary>The number, when the cell is a number.</summary>
    public double? Number { get; }

    /// <summary>Whether the cell is empty.</summary>
    public bool IsNull => Text is null && Number is null;

    /// <summary>A text cell.</summary>
    public static ReportValue Of(string? text) => new(text, null);

    /// <summary>A number cell.</summary>
    public static ReportValue Of(double number) => new(null, number);

    /// <summary>A number cell.</summary>
    public static ReportValue Of(long number) => new(null, number);

    /// <summary>An empty cell.</summary>
    public static ReportValue Null => default;

    /// <summary>Implicit conversion from text.</summary>
    public static implicit operator ReportValue(string? text) => Of(text);

    /// <summary>Implicit conversion from a number.</summary>
    public static implicit operator ReportValue(double number) => Of(number);

    /// <summary>Implicit conversion from a number.</summary>
    public static implicit operator ReportValue(long number) => Of(number);

    /// <summary>Invariant text of the value (numbers round-trip, <c>R</c> format).</summary>
    public override string ToString() =>
        Text ?? (Number is { } n ? FormatNumber(n) : "");

    /// <summary>Formats a number as TextLens writes it: integers without decimals, others round-trippable.</summary>
    public static string FormatNumber(double n) =>
        double.IsFinite(n) && n == Math.Floor(n) && Math.Abs(n) < 1e15
            ? ((long)n).ToString(CultureInfo.InvariantCulture)
            : n.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Writes a <see cref="ReportValue"/> as a JSON string, number or null.</summary>
public sealed class ReportValueJsonConverter : JsonConverter<ReportValue>
{
    /// <inheritdoc />
    public override ReportValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => ReportValue.Null,
            JsonTokenType.Number => ReportValue.Of(reader.GetDouble()),
            JsonTokenType.String => ReportValue.Of(reader.GetString()),
            _ => throw new JsonException($"A table cell must be a string, a number or null, not {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ReportValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Text is { } t)
        {
            writer.WriteStringValue(t);
        }
        else if (value.Number is { } n && double.IsFinite(n))
        {
            writer.WriteNumberValue(n);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

using System.Text;

namespace TextLens.Reports;

/// <summary>
/// Writes CSV cells (RFC 4180) for R, pandas and spreadsheets. Text that a spreadsheet would run as a formula
/// (first character <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) is prefixed with <c>'</c>;
/// numbers are written as numbers.
/// </summary>
public static class CsvText
{
    /// <summary>Appends one cell, quoted when needed, neutralised when it would be a formula.</summary>
    public static void AppendCell(StringBuilder builder, ReportValue value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (value.Text is null)
        {
            builder.Append(value.ToString());
            return;
        }

        AppendText(builder, value.Text);
    }

    /// <summary>Appends a text cell.</summary>
    public static void AppendText(StringBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        var neutralise = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        var quote = neutralise || text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '));
        if (!quote)
        {
            builder.Append(text);
            return;
        }

        builder.Append('"');
        if (neutralise)
        {
            builder.Append('\'');
        }

        builder.Append(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        builder.Append('"');
    }

    /// <summary>Formats a whole table as CSV text with a header row and <c>\n</c> line ends.</summary>
    public static string Format(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            AppendText(sb, table.Columns[i]);
        }

        sb.Append('\n');
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                AppendCell(sb, row[i]);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}

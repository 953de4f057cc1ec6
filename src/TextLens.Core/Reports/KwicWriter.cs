using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TextLens.Text;

namespace TextLens.Reports;

/// <summary>The file format of KWIC lines.</summary>
public enum KwicFormat
{
    /// <summary>CSV with a header row (RFC 4180 quoting); text cells a spreadsheet would run as a formula are neutralised.</summary>
    Csv = 0,

    /// <summary>One JSON object a line.</summary>
    Jsonl = 1,
}

/// <summary>
/// Writes KWIC lines as they come (streaming: feed it each <see cref="DocumentResult"/> of a run, from
/// <see cref="AnalysisOptions.OnDocument"/>, or text plus annotations read back from <c>annotations.jsonl</c>).
/// Not thread-safe; the engine calls <see cref="AnalysisOptions.OnDocument"/> on one thread at a time.
/// </summary>
/// <remarks>
/// CSV columns: <c>documentId, group, period, layer, category, label, start, length, left, text, right, facets</c>
/// (facets as <c>key=value</c> pairs joined by <c>; </c>). A text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return gets a leading <c>'</c> so that a spreadsheet shows it instead of running it.
/// JSONL objects have the same fields, facets as an object, and no neutralisation (JSON is not run).
/// </remarks>
public sealed class KwicWriter : IDisposable
{
    private static readonly string[] Columns = ["documentId", "group", "period", "layer", "category", "label", "start", "length", "left", "text", "right", "facets"];

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _writer;
    private readonly KwicFormat _format;
    private readonly KwicOptions _options;
    private readonly bool _leaveOpen;
    private readonly ParsedDocument _parsed = new();
    private readonly StringBuilder _row = new();
    private bool _headerWritten;

    /// <summary>Creates a writer.</summary>
    /// <param name="writer">Where the lines go.</param>
    /// <param name="format">CSV or JSONL.</param>
    /// <param name="options">Context size and filters; defaults when <see langword="null"/>.</param>
    /// <param name="leaveOpen">Leave <paramref name="writer"/> open when this writer is disposed.</param>
    public KwicWriter(TextWriter writer, KwicFormat format, KwicOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _format = format;
        _options = options ?? KwicOptions.Default;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Lines written so far.</summary>
    public long LinesWritten { get; private set; }

    /// <summary>Writes the lines of one document result (skipped records write nothing).</summary>
    /// <param name="result">The result.</param>
    /// <param name="parsed">Its parsed document when at hand; the text is tokenized again otherwise.</param>
    public void Write(DocumentResult result, ParsedDocument? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Document is not { } document)
        {
            return;
        }

        if (parsed is null)
        {
            DocumentParser.Default.Parse(document, _parsed);
            parsed = _parsed;
        }

        foreach (var a in result.Annotations)
        {
            if (Kwic.Line(parsed, a, _options, result.Group, result.Period) is { } line)
            {
                Write(line);
            }
        }
    }

    /// <summary>Writes the lines of annotations over a document text (for annotations read back from JSONL).</summary>
    public void Write(string documentId, string text, IEnumerable<Annotation> annotations, string? group = null, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(annotations);
        DocumentParser.Default.Parse(new TextDocument(documentId, text), _parsed);
        foreach (var a in annotations)
        {
            if (Kwic.Line(_parsed, a, _options, group, period) is { } line)
            {
                Write(line);
            }
        }
    }

    /// <summary>Writes one line.</summary>
    public void Write(KwicLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_format == KwicFormat.Csv)
        {
            WriteCsv(line);
        }
        else
        {
            WriteJson(line);
        }

        LinesWritten++;
    }

    /// <summary>Flushes the underlying writer.</summary>
    public void Flush() => _writer.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_format == KwicFormat.Csv && !_headerWritten)
        {
            WriteHeader();
        }

        _writer.Flush();
        if (!_leaveOpen)
        {
            _writer.Dispose();
        }
    }

    /// <summary>
    /// A CSV cell: quoted when it holds a comma, quote or line break; with a leading <c>'</c> when it starts with a
    /// character that makes a spreadsheet run it as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, carriage return).
    /// </summary>
    public static string CsvCell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private void WriteHeader()
    {
        _writer.Write(string.Join(",", Columns));
        _writer.Write("\r\n");
        _headerWritten = true;
    }

    private void WriteCsv(KwicLine line)
    {
        if (!_headerWritten)
        {
            WriteHeader();
        }

        _row.Clear();
        _row.Append(CsvCell(line.DocumentId)).Append(',')
            .Append(CsvCell(line.Group)).Append(',')
            .Append(CsvCell(line.Period)).Append(',')
            .Append(CsvCell(line.Layer)).Append(',')
            .Append(CsvCell(line.Category)).Append(',')
            .Append(CsvCell(line.Label)).Append(',')
            .Append(line.Start.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(line.Length.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(CsvCell(line.Left)).Append(',')
            .Append(CsvCell(line.Text)).Append(',')
            .Append(CsvCell(line.Right)).Append(',')
            .Append(CsvCell(string.Join("; ", line.Facets.Select(f => $"{f.Key}={f.Value}"))))
            .Append("\r\n");
        _writer.Write(_row);
    }

    private void WriteJson(KwicLine line)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("documentId", line.DocumentId);
            if (line.Group is not null)
            {
                w.WriteString("group", line.Group);
            }

            if (line.Period is not null)
            {
                w.WriteString("period", line.Period);
            }

            w.WriteString("layer", line.Layer);
            w.WriteString("category", line.Category);
            w.WriteString("label", line.Label);
            w.WriteNumber("start", line.Start);
            w.WriteNumber("length", line.Length);
            w.WriteString("left", line.Left);
            w.WriteString("text", line.Text);
            w.WriteString("right", line.Right);
            w.WriteStartObject("facets");
            foreach (var f in line.Facets)
            {
                w.WriteString(f.Key, f.Value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        _writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        _writer.Write('\n');
    }
}

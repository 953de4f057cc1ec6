using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TextLens.Parquet;

/// <summary>
/// The rows of <c>documents.parquet</c>: one a document, with where it came from, its group, period, well-known
/// metadata, size, flags, failures and every metadata field as a JSON object.
/// </summary>
internal sealed class DocumentTable : RowTable
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly StringColumn _documentId;
    private readonly ValueColumn<long> _sequence;
    private readonly StringColumn _source;
    private readonly NullableValueColumn<long> _line;
    private readonly NullableValueColumn<long> _record;
    private readonly StringColumn _group;
    private readonly StringColumn _period;
    private readonly StringColumn _date;
    private readonly StringColumn _outlet;
    private readonly StringColumn _title;
    private readonly StringColumn _url;
    private readonly ValueColumn<int> _tokens;
    private readonly ValueColumn<int> _characters;
    private readonly StringColumn _issues;
    private readonly StringColumn _failures;
    private readonly StringColumn _metadata;
    private readonly ArrayBufferWriter<byte> _json = new(1024);

    public DocumentTable(int capacity)
        : base(capacity)
    {
        _documentId = Add(new StringColumn("document_id", false, capacity, repeats: false));
        _sequence = Add(new ValueColumn<long>("sequence", capacity));
        _source = Add(new StringColumn("source", true, capacity));
        _line = Add(new NullableValueColumn<long>("line", capacity));
        _record = Add(new NullableValueColumn<long>("record", capacity));
        _group = Add(new StringColumn("group", false, capacity));
        _period = Add(new StringColumn("period", false, capacity));
        _date = Add(new StringColumn("date", true, capacity));
        _outlet = Add(new StringColumn("outlet", true, capacity));
        _title = Add(new StringColumn("title", true, capacity, repeats: false));
        _url = Add(new StringColumn("url", true, capacity, repeats: false));
        _tokens = Add(new ValueColumn<int>("tokens", capacity));
        _characters = Add(new ValueColumn<int>("characters", capacity));
        _issues = Add(new StringColumn("issues", true, capacity));
        _failures = Add(new StringColumn("failures", true, capacity));
        _metadata = Add(new StringColumn("metadata", false, capacity, repeats: false));
    }

    /// <summary>Buffers one analysed document.</summary>
    public void Add(in DocumentColumns columns, DocumentResult result)
    {
        var doc = result.Document!;
        var meta = doc.Metadata;
        var row = Count;
        _documentId.Values[row] = columns.Id;
        _sequence.Values[row] = columns.Sequence;
        _source.Values[row] = doc.Origin?.Source.AsMemory();
        _line.Values[row] = doc.Origin?.Line;
        _record.Values[row] = doc.Origin?.Record;
        _group.Values[row] = columns.Group;
        _period.Values[row] = columns.Period;
        _date.Values[row] = columns.Date;
        _outlet.Values[row] = meta.Outlet?.AsMemory();
        _title.Values[row] = meta.Title?.AsMemory();
        _url.Values[row] = meta.Url?.AsMemory();
        _tokens.Values[row] = result.Tokens;
        _characters.Values[row] = doc.Text.Length;
        // (A conditional between null and a ReadOnlyMemory would give an empty text, not null: hence the string first.)
        _issues.Values[row] = (doc.Issues == DocumentIssues.None ? null : doc.Issues.ToString())?.AsMemory();
        _failures.Values[row] = (result.Failures.Count == 0 ? null : string.Join("; ", result.Failures.Select(f => $"{f.Analyzer}: {f.Message}")))?.AsMemory();
        _metadata.Values[row] = MetadataJson(meta).AsMemory();
        Count = row + 1;
    }

    /// <summary>
    /// Every metadata field as one JSON object: the well-known ones that are set (<c>date</c> in ISO form when parsed, with
    /// <c>date_as_written</c> when that differs), then the others by name.
    /// </summary>
    public string MetadataJson(DocumentMetadata meta)
    {
        _json.ResetWrittenCount();
        using var json = new Utf8JsonWriter(_json, Compact);
        json.WriteStartObject();
        WriteIfSet(json, "outlet", meta.Outlet);
        var iso = meta.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        WriteIfSet(json, "date", iso ?? meta.RawDate);
        if (iso is not null && meta.RawDate is not null && meta.RawDate != iso)
        {
            WriteIfSet(json, "date_as_written", meta.RawDate);
        }

        WriteIfSet(json, "title", meta.Title);
        WriteIfSet(json, "url", meta.Url);
        WriteIfSet(json, "language", meta.Language);
        foreach (var field in meta.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            json.WriteString(field.Key, field.Value);
        }

        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}

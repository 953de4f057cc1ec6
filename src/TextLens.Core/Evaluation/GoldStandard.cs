using System.Globalization;
using System.Text;
using System.Text.Json;
using TextLens.Corpus;

namespace TextLens.Evaluation;

/// <summary>
/// A researcher's hand coding: span codes (<c>document_id, start, end, layer, label</c> [, <c>coder</c>]) and document
/// codes (<c>document_id, label, value</c> [, <c>coder</c>]), read from CSV (a header row names the columns; one kind of
/// code a file) or JSONL (one object a line; the fields say which kind). Offsets are UTF-16 indexes into the document
/// text, end exclusive, as in <c>annotations.jsonl</c>. Every bad row is reported with file and line.
/// </summary>
public sealed class GoldStandard
{
    private static readonly string[] SpanColumns = ["document_id", "start", "end", "layer", "label"];
    private static readonly string[] DocumentColumns = ["document_id", "label", "value"];

    /// <summary>Creates gold from codes already in memory.</summary>
    public GoldStandard(IEnumerable<CodedSpan> spans, IEnumerable<DocumentCode> documentCodes)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(documentCodes);
        Spans = spans.ToList();
        DocumentCodes = documentCodes.ToList();
    }

    /// <summary>The span codes, in file order.</summary>
    public IReadOnlyList<CodedSpan> Spans { get; }

    /// <summary>The document codes, in file order.</summary>
    public IReadOnlyList<DocumentCode> DocumentCodes { get; }

    /// <summary>The coders of spans and document codes, in order of first appearance (<see cref="ReliabilityData.DefaultCoder"/> for codes without one).</summary>
    public IReadOnlyList<string> Coders =>
        Spans.Select(s => s.Coder).Concat(DocumentCodes.Select(c => c.Coder)).Select(c => c ?? ReliabilityData.DefaultCoder).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Reads a gold file: <c>.csv</c> or <c>.jsonl</c> (<c>.json</c>, <c>.ndjson</c>), optionally gzip-compressed.</summary>
    /// <exception cref="TextLensConfigurationException">The file cannot be read, or rows are bad: every fault as <c>file:line: message</c>.</exception>
    public static async Task<GoldStandard> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        var bare = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        var csv = bare.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !(bare.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || bare.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ||
                      bare.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)))
        {
            throw new TextLensConfigurationException($"{path}: a gold file must be .csv or .jsonl (optionally .gz).");
        }

        var (file, error) = File.Exists(path)
            ? await CorpusFile.TryOpenAsync(path, cancellationToken).ConfigureAwait(false)
            : (null, "no such file");
        if (file is null)
        {
            throw new TextLensConfigurationException($"{path}: {error}");
        }

        await using var _ = file.ConfigureAwait(false);
        var rows = new RowSink(name);
        if (csv)
        {
            await ReadCsvAsync(file, rows, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ReadJsonLinesAsync(file, rows, cancellationToken).ConfigureAwait(false);
        }

        if (rows.Faults.Count == 0 && rows.Spans.Count == 0 && rows.Codes.Count == 0)
        {
            rows.Faults.Add($"{name}: no codes (an empty file or only a header)");
        }

        if (rows.Faults.Count > 0)
        {
            throw new TextLensConfigurationException(rows.Faults.Count > MaxFaults
                ? [.. rows.Faults.Take(MaxFaults), $"{name}: and {rows.Faults.Count - MaxFaults} more faults"]
                : rows.Faults);
        }

        return new GoldStandard(rows.Spans, rows.Codes);
    }

    /// <summary>Writes the codes as gold JSONL (one object a line, spans first), the format <see cref="ReadAsync"/> reads.</summary>
    public async Task WriteJsonLinesAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new Reports.AtomicFile(path);
        await using var _ = file.ConfigureAwait(false);
        var json = new Utf8JsonWriter(file.Stream);
        await using (json.ConfigureAwait(false))
        {
            foreach (var s in Spans)
            {
                json.WriteStartObject();
                json.WriteString("document_id", s.DocumentId);
                json.WriteNumber("start", s.Start);
                json.WriteNumber("end", s.End);
                json.WriteString("layer", s.Layer);
                json.WriteString("label", s.Label);
                WriteCoder(json, s.Coder);
                await EndLineAsync(json, file.Stream, cancellationToken).ConfigureAwait(false);
            }

            foreach (var c in DocumentCodes)
            {
                json.WriteStartObject();
                json.WriteString("document_id", c.DocumentId);
                json.WriteString("label", c.Label);
                json.WriteNumber("value", c.Value);
                WriteCoder(json, c.Coder);
                await EndLineAsync(json, file.Stream, cancellationToken).ConfigureAwait(false);
            }
        }

        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>At most this many faults are listed; the rest are counted.</summary>
    private const int MaxFaults = 50;

    private static void WriteCoder(Utf8JsonWriter json, string? coder)
    {
        if (coder is not null)
        {
            json.WriteString("coder", coder);
        }

        json.WriteEndObject();
    }

    private static async Task EndLineAsync(Utf8JsonWriter json, Stream stream, CancellationToken cancellationToken)
    {
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        json.Reset();
        stream.WriteByte((byte)'\n');
    }

    private static async Task ReadCsvAsync(CorpusFile file, RowSink rows, CancellationToken cancellationToken)
    {
        var (reader, headerError) = await CsvRowReader.OpenAsync(file, ',', cancellationToken).ConfigureAwait(false);
        using var _ = reader;
        if (headerError is not null)
        {
            rows.Faults.Add($"{rows.File}:1: {headerError}");
            return;
        }

        var index = reader.Headers.Select((h, i) => (Name: Normalize(h), i)).GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var isSpan = index.ContainsKey("start") || index.ContainsKey("end");
        var isDocument = index.ContainsKey("value");
        if (isSpan == isDocument)
        {
            rows.Faults.Add($"{rows.File}:1: the header must have the columns of span codes ({string.Join(", ", SpanColumns)} [, coder]) " +
                            $"or of document codes ({string.Join(", ", DocumentColumns)} [, coder]); it has {string.Join(", ", reader.Headers)}");
            return;
        }

        var missing = (isSpan ? SpanColumns : DocumentColumns).Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            rows.Faults.Add($"{rows.File}:1: the header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}");
            return;
        }

        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } row)
        {
            if (row.Values is not { } values)
            {
                rows.Faults.Add($"{rows.File}:{row.Line}: {row.Error}");
                continue;
            }

            string? Get(string column) => index.TryGetValue(column, out var i) ? values[i] : null;
            rows.Add(row.Line, isSpan, Get("document_id"), Get("start"), Get("end"), Get("layer"), Get("label"), Get("value"), Get("coder"));
        }
    }

    private static async Task ReadJsonLinesAsync(CorpusFile file, RowSink rows, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(file.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var lineNumber = 0L;
        while (await text.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                rows.Faults.Add($"{rows.File}:{lineNumber}: not a JSON object ({e.Message})");
                continue;
            }

            using (json)
            {
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    rows.Faults.Add($"{rows.File}:{lineNumber}: not a JSON object");
                    continue;
                }

                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var p in json.RootElement.EnumerateObject())
                {
                    fields[Normalize(p.Name)] = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString(),
                        JsonValueKind.Number => p.Value.GetRawText(),
                        JsonValueKind.Null => null,
                        _ => p.Value.GetRawText(),
                    };
                }

                var isSpan = fields.ContainsKey("start") || fields.ContainsKey("end");
                if (isSpan == fields.ContainsKey("value"))
                {
                    rows.Faults.Add($"{rows.File}:{lineNumber}: a code has either start and end (a span code) or value (a document code), not {(isSpan ? "both" : "neither")}");
                    continue;
                }

                rows.Add(lineNumber, isSpan, fields.GetValueOrDefault("document_id"), fields.GetValueOrDefault("start"), fields.GetValueOrDefault("end"),
                    fields.GetValueOrDefault("layer"), fields.GetValueOrDefault("label"), fields.GetValueOrDefault("value"), fields.GetValueOrDefault("coder"));
            }
        }
    }

    /// <summary>Column and field names compared without case, spaces or dashes: <c>Document ID</c>, <c>documentId</c> and <c>document-id</c> are <c>document_id</c>.</summary>
    private static string Normalize(string name)
    {
        var s = name.Trim().Replace(" ", "_", StringComparison.Ordinal).Replace("-", "_", StringComparison.Ordinal);
        if (string.Equals(s, "documentId", StringComparison.OrdinalIgnoreCase))
        {
            return "document_id";
        }

        return s.ToLowerInvariant();
    }

    /// <summary>Collects codes and faults while reading.</summary>
    private sealed class RowSink(string file)
    {
        public string File { get; } = file;

        public List<CodedSpan> Spans { get; } = [];

        public List<DocumentCode> Codes { get; } = [];

        public List<string> Faults { get; } = [];

        public void Add(long line, bool isSpan, string? documentId, string? start, string? end, string? layer, string? label, string? value, string? coder)
        {
            var origin = $"{File}:{line}";
            var faults = new List<string>();
            documentId = documentId?.Trim();
            label = label?.Trim();
            coder = string.IsNullOrWhiteSpace(coder) ? null : coder.Trim();
            if (string.IsNullOrEmpty(documentId))
            {
                faults.Add("document_id is empty");
            }

            if (string.IsNullOrEmpty(label))
            {
                faults.Add("label is empty");
            }

            if (isSpan)
            {
                layer = layer?.Trim();
                var s = Offset("start", start, faults);
                var e = Offset("end", end, faults);
                if (s is { } a && e is { } b && b <= a)
                {
                    faults.Add($"end ({b}) must be greater than start ({a})");
                }

                if (string.IsNullOrEmpty(layer))
                {
                    faults.Add("layer is empty");
                }

                if (faults.Count == 0)
                {
                    Spans.Add(new CodedSpan(documentId!, s!.Value, e!.Value, layer!, label!, coder) { Origin = origin });
                }
            }
            else
            {
                double number = 0;
                if (string.IsNullOrWhiteSpace(value))
                {
                    faults.Add("value is empty");
                }
                else if (!double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) || !double.IsFinite(number))
                {
                    faults.Add($"value '{value.Trim()}' is not a number (a count, or 1/0 for present/absent)");
                }

                if (faults.Count == 0)
                {
                    Codes.Add(new DocumentCode(documentId!, label!, number, coder) { Origin = origin });
                }
            }

            foreach (var f in faults)
            {
                Faults.Add($"{origin}: {f}");
            }
        }

        private static int? Offset(string name, string? text, List<string> faults)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                faults.Add($"{name} is empty");
                return null;
            }

            if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                faults.Add($"{name} '{text.Trim()}' is not a character offset (a whole number, 0 or more)");
                return null;
            }

            return n;
        }
    }
}

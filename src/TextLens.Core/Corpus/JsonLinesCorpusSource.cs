using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace TextLens.Corpus;

/// <summary>
/// A JSON Lines file, plain or gzip, read line by line through one pooled buffer (memory is bounded by the longest
/// line). See <see cref="CorpusSources.JsonLines(string, JsonLinesSourceOptions?)"/> for the rules.
/// </summary>
internal sealed class JsonLinesCorpusSource : ICorpusSource
{
    private readonly string _path;
    private readonly string _fileName;
    private readonly RecordMapper _mapper;
    private readonly int _maxLineBytes;

    public JsonLinesCorpusSource(string path, JsonLinesSourceOptions options)
    {
        _path = path;
        _fileName = Path.GetFileName(path);
        _mapper = new RecordMapper(options.Fields);
        _maxLineBytes = options.MaxLineBytes;
        TotalBytes = new FileInfo(path).Length;
    }

    /// <inheritdoc />
    public string Name => _path;

    /// <inheritdoc />
    public long? TotalBytes { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<CorpusRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (file, openError) = await CorpusFile.TryOpenAsync(_path, cancellationToken).ConfigureAwait(false);

        if (file is null)
        {
            yield return CorpusRecord.Failed(new CorpusReadError(_path, null, null, null, openError!));
            yield break;
        }

        await using var _ = file.ConfigureAwait(false);
        using var lines = new Utf8LineReader(file.Content, _maxLineBytes);
        var fields = new List<SourceField>();
        long record = 0;
        var sawContent = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LineStatus status;
            string? readError = null;
            try
            {
                status = await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // A corrupt gzip stream or a failing disk: nothing after this point can be read.
                status = LineStatus.End;
                readError = $"could not read the rest of the file after line {lines.LineNumber}: {e.Message}";
            }

            if (readError is not null)
            {
                yield return CorpusRecord.Failed(new CorpusReadError(_path, lines.LineNumber + 1, null, null, readError), file.Position);
                yield break;
            }

            if (status == LineStatus.End)
            {
                break;
            }

            if (status == LineStatus.TooLong)
            {
                sawContent = true;
                record++;
                yield return CorpusRecord.Failed(
                    new CorpusReadError(_path, lines.LineNumber, record, null, $"line longer than {_maxLineBytes} bytes; skipped"),
                    file.Position);
                continue;
            }

            var line = lines.Line;
            if (line.Span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            sawContent = true;
            record++;
            yield return ReadRecord(line.Span, lines.LineNumber, record, file, fields);
        }

        if (file.CheckCompressedLength() is { } truncated)
        {
            yield return CorpusRecord.Failed(new CorpusReadError(_path, lines.LineNumber, null, null, truncated), file.Position);
        }

        if (!sawContent)
        {
            yield return CorpusRecord.Failed(
                new CorpusReadError(_path, null, null, null, file.Length == 0 ? "empty file" : "the file has no records"),
                file.Position);
        }
    }

    private CorpusRecord ReadRecord(ReadOnlySpan<byte> line, long lineNumber, long record, CorpusFile file, List<SourceField> fields)
    {
        var issues = DocumentIssues.None;
        byte[]? repaired = null;
        if (!Utf8.IsValid(line))
        {
            repaired = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));
            line = repaired;
            issues |= DocumentIssues.InvalidEncodingReplaced;
        }
        else if (file.TranscodingFallback is { Count: > 0 } && line.IndexOf(CorpusTextDecoder.Utf8Replacement) >= 0)
        {
            // Transcoded from UTF-16/32 with replacements somewhere in the file, and this line has one.
            issues |= DocumentIssues.InvalidEncodingReplaced;
        }

        fields.Clear();
        var error = JsonRecordParser.Parse(line, "line", fields, out var surrogatesReplaced);
        if (error is not null)
        {
            return Fail(error);
        }

        if (surrogatesReplaced)
        {
            issues |= DocumentIssues.InvalidEncodingReplaced;
        }

        var mapped = _mapper.Map(fields);
        var id = mapped.Id;
        var text = mapped[FieldRole.Text];
        if (text is null)
        {
            return Fail(mapped.TextFieldName is { } present
                ? "empty text"
                : $"missing text field {DescribeCandidates(_mapper.Mapping.Text)}");
        }

        if (text.Value.Kind != SourceFieldKind.String)
        {
            return Fail($"text field '{text.Value.Name}' is {Describe(text.Value.Kind)}, not a string");
        }

        var metadata = mapped.ToMetadata(out var metadataIssues);
        issues |= metadataIssues;
        if (CorpusTextDecoder.HasControlCharacters(text.Value.Value))
        {
            issues |= DocumentIssues.ControlCharacters;
        }

        var document = new TextDocument(
            id ?? $"{_fileName}#{lineNumber}",
            text.Value.Value,
            metadata,
            new DocumentOrigin(_path, lineNumber, record),
            issues);
        return CorpusRecord.Of(document, file.Position);

        CorpusRecord Fail(string reason) =>
            CorpusRecord.Failed(new CorpusReadError(_path, lineNumber, record, TryId(fields), reason), file.Position);

        string? TryId(List<SourceField> read) => read.Count == 0 ? null : _mapper.Map(read).Id;
    }

    /// <summary><c>'text'</c>, or <c>'text' (also tried 'body', 'content')</c>.</summary>
    internal static string DescribeCandidates(IReadOnlyList<string> names) =>
        names.Count == 1
            ? $"'{names[0]}'"
            : $"'{names[0]}' (also tried {string.Join(", ", names.Skip(1).Select(n => $"'{n}'"))})";

    private static string Describe(SourceFieldKind kind) => kind switch
    {
        SourceFieldKind.Number => "a number",
        SourceFieldKind.Boolean => "a boolean",
        SourceFieldKind.Json => "an array or object",
        _ => "a string",
    };
}

using System.Runtime.CompilerServices;

namespace TextLens.Corpus;

/// <summary>
/// A CSV file with a header row, plain or gzip, read row by row through CsvHelper. See
/// <see cref="CorpusSources.Csv(string, CsvSourceOptions?)"/> for the rules.
/// </summary>
internal sealed class CsvCorpusSource : ICorpusSource
{
    private readonly string _path;
    private readonly string _fileName;
    private readonly RecordMapper _mapper;
    private readonly char? _separator;

    public CsvCorpusSource(string path, CsvSourceOptions options)
    {
        _path = path;
        _fileName = Path.GetFileName(path);
        _mapper = new RecordMapper(options.Fields);
        _separator = options.Separator;
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
        if (file.Length == 0)
        {
            yield return CorpusRecord.Failed(new CorpusReadError(_path, null, null, null, "empty file"));
            yield break;
        }

        var (reader, headerError) = await CsvRowReader.OpenAsync(file, _separator, cancellationToken).ConfigureAwait(false);
        using var __ = reader;
        if (headerError is not null)
        {
            yield return CorpusRecord.Failed(new CorpusReadError(_path, 1, null, null, headerError), file.Position);
            yield break;
        }

        var headers = reader.Headers;
        if (!headers.Any(h => _mapper.Mapping.Text.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            yield return CorpusRecord.Failed(new CorpusReadError(_path, 1, null, null,
                $"no text column: the header has none of {JsonLinesCorpusSource.DescribeCandidates(_mapper.Mapping.Text)}"), file.Position);
            yield break;
        }

        var names = headers.Select(h => h.Trim()).ToArray();
        var fields = new List<SourceField>(names.Length);
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = row.Line > 0 ? row.Line : (long?)null;
            if (row.Values is null)
            {
                var record = row.Record > 0 ? row.Record : (long?)null;
                yield return CorpusRecord.Failed(new CorpusReadError(_path, line, record, null, row.Error!), file.Position);
                continue;
            }

            fields.Clear();
            for (var i = 0; i < names.Length; i++)
            {
                fields.Add(new SourceField(names[i], row.Values[i], SourceFieldKind.String));
            }

            var mapped = _mapper.Map(fields);
            if (mapped[FieldRole.Text] is not { } text)
            {
                yield return CorpusRecord.Failed(new CorpusReadError(_path, line, row.Record, mapped.Id, "empty text"), file.Position);
                continue;
            }

            var metadata = mapped.ToMetadata(out var issues);
            if (row.InvalidEncoding)
            {
                issues |= DocumentIssues.InvalidEncodingReplaced;
            }

            if (CorpusTextDecoder.HasControlCharacters(text.Value))
            {
                issues |= DocumentIssues.ControlCharacters;
            }

            var document = new TextDocument(
                mapped.Id ?? $"{_fileName}#{row.Record}",
                text.Value,
                metadata,
                new DocumentOrigin(_path, line, row.Record),
                issues);
            yield return CorpusRecord.Of(document, file.Position);
        }
    }
}

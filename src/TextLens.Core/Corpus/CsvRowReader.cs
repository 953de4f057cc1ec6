using CsvHelper;
using System.Text.Unicode;

namespace TextLens.Corpus;

/// <summary>A data row of a CSV file, or why a row could not be read.</summary>
/// <param name="Line">One-based line where the row starts (0 when unknown).</param>
/// <param name="Record">One-based number of the data row, counting rows that could not be read (0 for an error that is not a row).</param>
/// <param name="Values">The values, one per header column, when the row was read.</param>
/// <param name="Error">Why the row could not be read, when it could not.</param>
/// <param name="InvalidEncoding">Whether the row had invalid bytes, replaced with U+FFFD.</param>
internal sealed record CsvRowItem(long Line, long Record, string[]? Values, string? Error, bool InvalidEncoding);

/// <summary>
/// Reads a CSV file with a header through CsvHelper, turning every malformed row (broken quoting, wrong number of
/// fields) into an error item in file order instead of an exception, and an error that stops the reader into one
/// last error item. Shared by the CSV source and the directory source's manifest.
/// </summary>
internal sealed class CsvRowReader : IDisposable
{
    private readonly CsvReader _csv;
    private readonly CorpusFile _file;
    private readonly Queue<CsvMalformedRecord> _malformed = new();
    private CsvRowItem? _pendingRow;
    private long _record;
    private bool _ended;
    private (CsvRowItem Item, bool IsRecord)? _finalError;

    private CsvRowReader(CorpusFile file, char? separator)
    {
        _file = file;
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = _malformed.Enqueue,
        };
        _csv = CsvReader.Create(file.Content, options, leaveOpen: true);
    }

    /// <summary>The header names (empty when the file has no header row).</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>Opens a reader and reads the header.</summary>
    /// <returns>The reader, and the reason the header could not be read (then the reader has no rows).</returns>
    public static async Task<(CsvRowReader Reader, string? Error)> OpenAsync(CorpusFile file, char? separator, CancellationToken cancellationToken)
    {
        var reader = new CsvRowReader(file, separator);
        try
        {
            await reader._csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            reader.Headers = reader._csv.Headers;
            return (reader, reader.Headers.Count == 0 ? "no header row" : null);
        }
        catch (Exception e) when (e is CsvFormatException or IOException or InvalidDataException or ArgumentException)
        {
            reader._ended = true;
            return (reader, $"could not read the header row: {e.Message}");
        }
    }

    /// <summary>The next row or error, or <see langword="null"/> at the end of the file.</summary>
    public async ValueTask<CsvRowItem?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_malformed.Count > 0)
            {
                return Malformed(_malformed.Dequeue());
            }

            if (_pendingRow is not null)
            {
                var row = _pendingRow with { Record = ++_record };
                _pendingRow = null;
                return row;
            }

            if (_finalError is { } final)
            {
                _finalError = null;
                return final.IsRecord ? final.Item with { Record = ++_record } : final.Item;
            }

            if (_ended)
            {
                return null;
            }

            try
            {
                if (await _csv.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    _pendingRow = Current();
                }
                else
                {
                    _ended = true;
                    if (_file.CheckCompressedLength() is { } truncated)
                    {
                        _finalError = (new CsvRowItem(0, 0, null, truncated, false), false);
                    }
                }
            }
            catch (CsvFormatException e)
            {
                _ended = true;
                _finalError = (new CsvRowItem(e.LineNumber, 0, null, $"could not read the rest of the file: {e.Message}", false), true);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                _ended = true;
                _finalError = (new CsvRowItem(0, 0, null, $"could not read the rest of the file: {e.Message}", false), false);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();

    private CsvRowItem Current()
    {
        var values = new string[Headers.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i < _csv.FieldCount ? _csv.GetString(i) ?? "" : "";
        }

        var raw = _csv.RawRecord;
        var invalid = !Utf8.IsValid(raw) ||
                      _file.TranscodingFallback is { Count: > 0 } && raw.IndexOf(CorpusTextDecoder.Utf8Replacement) >= 0;
        return new CsvRowItem(_csv.LineNumber, 0, values, null, invalid);
    }

    private CsvRowItem Malformed(CsvMalformedRecord bad)
    {
        var reason = bad.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote =>
                $"unterminated quote: the quoted field opened in the row starting on line {bad.LineNumber} never closes, so the rest of the file could not be read",
            CsvMalformedReason.StrayQuote => "broken quoting: a quote inside an unquoted field",
            CsvMalformedReason.TextAfterClosingQuote => "broken quoting: text after the closing quote of a quoted field",
            CsvMalformedReason.LineBreakInQuotes => "broken quoting: a line break inside a quoted field",
            CsvMalformedReason.FieldCountMismatch => $"the row does not have the {Headers.Count} fields of the header",
            _ => $"malformed row ({bad.Reason})",
        };
        return new CsvRowItem(bad.LineNumber, ++_record, null, reason, false);
    }
}

namespace TextLens.Corpus;

/// <summary>
/// Opens corpora stored in files. Every source streams: documents are read one at a time, never the whole corpus
/// at once. A record that cannot be read (bad JSON, broken CSV quoting, an unreadable or binary file, an empty text)
/// is yielded as a <see cref="CorpusReadError"/> with its file and line or record, and reading goes on; a document
/// read with a problem that does not prevent analysis is yielded with <see cref="TextDocument.Issues"/> set.
/// </summary>
/// <remarks>
/// <para>Text encoding, for every format: a UTF-8, UTF-16 (LE, BE) or UTF-32 (LE, BE) byte order mark selects the
/// encoding; without one the file is UTF-8. Invalid bytes are replaced with U+FFFD and the document is flagged
/// <see cref="DocumentIssues.InvalidEncodingReplaced"/>, never dropped. Files starting with the gzip signature are
/// decompressed, whatever their name.</para>
/// <para>Dates are read with a lenient parser that accepts the usual forms (<c>2016-09-20</c>, <c>9/6/17</c>,
/// <c>23 Sep 2023</c>, <c>September 19, 2023</c>, ISO date-times, <c>20230919</c>) and refuses the rest; a date that
/// is present but cannot be read leaves <see cref="DocumentMetadata.Date"/> empty, keeps the text in
/// <see cref="DocumentMetadata.RawDate"/> and flags <see cref="DocumentIssues.DateUnparsed"/>.</para>
/// <para>An empty or whitespace-only text is reported as a read error (<c>empty text</c>) and skipped: a document
/// without words would count in every denominator while contributing nothing, which usually means the text field
/// was not filled.</para>
/// </remarks>
public static class CorpusSources
{
    private const string SupportedFormats =
        "a directory of .txt/.md files, JSON Lines (.jsonl, .ndjson, .jsonl.gz, .ndjson.gz, .json.gz) or CSV (.csv, .csv.gz)";

    /// <summary>
    /// A folder of text files, searched recursively for <c>.txt</c> and <c>.md</c> files (hidden files and folders are
    /// skipped), read in ordinal order of their relative paths. A document's id is its path relative to the folder with
    /// <c>/</c> separators, unless its metadata names one. Metadata come from an optional <c>metadata.csv</c> in the folder
    /// (column <c>file</c>, then any of the mapped fields and other columns) and from an optional JSON sidecar next to the
    /// file (<c>article.txt.json</c> or <c>article.json</c>), which wins field by field.
    /// </summary>
    /// <param name="path">The folder.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The corpus.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static ICorpusSource Directory(string path, DirectorySourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new DirectorySourceOptions();
        ValidateFields(options.Fields, nameof(options));
        if (options.Extensions is null || options.Extensions.Count == 0 || options.Extensions.Any(e => string.IsNullOrWhiteSpace(e)))
        {
            throw new ArgumentException("The directory source needs at least one file extension, and no empty one.", nameof(options));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.ManifestFileColumn, nameof(options));
        if (!System.IO.Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The corpus folder '{path}' does not exist.");
        }

        return new DirectoryCorpusSource(path, options);
    }

    /// <summary>
    /// A JSON Lines file: one JSON object a line, plain or gzip-compressed (detected from the content). Blank lines are
    /// ignored. A line that is not valid JSON (including a truncated one), is not an object, or has no string text field
    /// is reported with its line number and skipped. A document's id is its id field, else <c>file name#line</c>.
    /// Other properties go to <see cref="DocumentMetadata.Fields"/> as text: strings as they are, numbers and booleans
    /// as written, arrays and objects as their JSON; <c>null</c> values are left out.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The corpus.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static ICorpusSource JsonLines(string path, JsonLinesSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new JsonLinesSourceOptions();
        ValidateFields(options.Fields, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLineBytes, 1024, nameof(options));
        ThrowIfMissing(path);
        return new JsonLinesCorpusSource(path, options);
    }

    /// <summary>
    /// A CSV file with a header row, plain or gzip-compressed (detected from the content). Quoted fields may span lines.
    /// A row with broken quoting or a different number of fields than the header is reported with its line and record
    /// number and skipped; an unclosed quote that runs to the end of the file is reported once. A document's id is its
    /// id column, else <c>file name#record</c> (the one-based data row). Other columns go to
    /// <see cref="DocumentMetadata.Fields"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The corpus.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static ICorpusSource Csv(string path, CsvSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new CsvSourceOptions();
        ValidateFields(options.Fields, nameof(options));
        if (options.Separator is { } separator && (separator > 127 || separator is '"' or '\r' or '\n'))
        {
            throw new ArgumentException($"The CSV separator must be an ASCII character other than a quote or a line break, not '{separator}'.", nameof(options));
        }

        ThrowIfMissing(path);
        return new CsvCorpusSource(path, options);
    }

    /// <summary>
    /// Opens a corpus, choosing the format from the path unless <paramref name="format"/> is given: a folder is a
    /// directory corpus; <c>.jsonl</c>, <c>.ndjson</c>, <c>.jsonl.gz</c>, <c>.ndjson.gz</c> and <c>.json.gz</c> are JSON
    /// Lines; <c>.csv</c> and <c>.csv.gz</c> are CSV (names are matched case-insensitively).
    /// </summary>
    /// <param name="path">The folder or file.</param>
    /// <param name="format">The format, or <see langword="null"/> to choose it from the path.</param>
    /// <param name="fields">The field mapping, or <see langword="null"/> for <see cref="FieldMapping.Default"/>.</param>
    /// <returns>The corpus.</returns>
    /// <exception cref="ArgumentException">The format cannot be told from the path, or the mapping is not valid.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ICorpusSource Open(string path, CorpusFormat? format = null, FieldMapping? fields = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        fields ??= FieldMapping.Default;
        return (format ?? DetectFormat(path)) switch
        {
            CorpusFormat.Directory => Directory(path, new DirectorySourceOptions { Fields = fields }),
            CorpusFormat.JsonLines => JsonLines(path, new JsonLinesSourceOptions { Fields = fields }),
            CorpusFormat.Csv => Csv(path, new CsvSourceOptions { Fields = fields }),
            var other => throw new ArgumentOutOfRangeException(nameof(format), other, "Unknown corpus format."),
        };
    }

    /// <summary>The format of a path: a folder, or by the end of the file name.</summary>
    internal static CorpusFormat DetectFormat(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return CorpusFormat.Directory;
        }

        var name = Path.GetFileName(path.TrimEnd('/', '\\'));
        if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson") || EndsWith(name, ".jsonl.gz") ||
            EndsWith(name, ".ndjson.gz") || EndsWith(name, ".json.gz"))
        {
            return CorpusFormat.JsonLines;
        }

        if (EndsWith(name, ".csv") || EndsWith(name, ".csv.gz"))
        {
            return CorpusFormat.Csv;
        }

        throw new ArgumentException(
            $"Cannot tell the corpus format of '{path}' from its name. Supported: {SupportedFormats}. " +
            "Rename the file or name the format explicitly.", nameof(path));

        static bool EndsWith(string name, string suffix) =>
            name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }

    private static void ValidateFields(FieldMapping? fields, string paramName)
    {
        if (fields is null)
        {
            throw new ArgumentException("The options have no field mapping.", paramName);
        }

        fields.Validate();
    }

    private static void ThrowIfMissing(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                System.IO.Directory.Exists(path) ? $"'{path}' is a folder, not a corpus file." : $"The corpus file '{path}' does not exist.",
                path);
        }
    }
}

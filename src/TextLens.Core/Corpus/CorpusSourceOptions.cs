namespace TextLens.Corpus;

/// <summary>Options of a directory corpus (<see cref="CorpusSources.Directory(string, DirectorySourceOptions?)"/>).</summary>
public sealed class DirectorySourceOptions
{
    /// <summary>Which fields of the manifest and the sidecars hold the id and the metadata.</summary>
    public FieldMapping Fields { get; set; } = FieldMapping.Default;

    /// <summary>
    /// Extensions of the document files, matched case-insensitively (a missing leading dot is added). Default:
    /// <c>.txt</c>, <c>.md</c>. Hidden files and folders (names starting with a dot on Unix) are never read.
    /// </summary>
    public IReadOnlyList<string> Extensions { get; set; } = [".txt", ".md"];

    /// <summary>
    /// File names (case-insensitive, in any folder) that document the corpus rather than belong to it, so they are
    /// not read as articles. Default: <c>README.md</c>, <c>README.txt</c>, <c>LICENSE.md</c>, <c>LICENSE.txt</c>,
    /// <c>CHANGELOG.md</c>. Set an empty list to read every file with a document extension.
    /// </summary>
    public IReadOnlyList<string> ExcludedFileNames { get; set; } = ["README.md", "README.txt", "LICENSE.md", "LICENSE.txt", "CHANGELOG.md"];

    /// <summary>
    /// Name of the metadata manifest in the root folder, a CSV file with a header and one row a document; or
    /// <see langword="null"/> for none. Default: <c>metadata.csv</c>. A missing manifest is not an error.
    /// </summary>
    public string? ManifestFileName { get; set; } = "metadata.csv";

    /// <summary>
    /// The manifest column naming the document file: its path relative to the root (with <c>/</c> or <c>\</c>), or
    /// only its file name, which then applies to every document of that name. Default: <c>file</c>.
    /// </summary>
    public string ManifestFileColumn { get; set; } = "file";

    /// <summary>
    /// Whether a JSON object next to a document holds its metadata: <c>article.txt.json</c>, else <c>article.json</c>.
    /// A sidecar field wins over the manifest. Default: <see langword="true"/>.
    /// </summary>
    public bool ReadSidecars { get; set; } = true;
}

/// <summary>Options of a JSON Lines corpus (<see cref="CorpusSources.JsonLines(string, JsonLinesSourceOptions?)"/>).</summary>
public sealed class JsonLinesSourceOptions
{
    /// <summary>Which properties hold the id, the text and the metadata.</summary>
    public FieldMapping Fields { get; set; } = FieldMapping.Default;

    /// <summary>
    /// The longest line read, in bytes (after decompression); a longer line is reported and skipped without being held
    /// in memory. Guards against a file that is not JSON Lines at all. Default: 256 MiB.
    /// </summary>
    public int MaxLineBytes { get; set; } = 256 * 1024 * 1024;
}

/// <summary>Options of a CSV corpus (<see cref="CorpusSources.Csv(string, CsvSourceOptions?)"/>).</summary>
public sealed class CsvSourceOptions
{
    /// <summary>Which columns hold the id, the text and the metadata. Columns are named by the header row, which is required.</summary>
    public FieldMapping Fields { get; set; } = FieldMapping.Default;

    /// <summary>The field separator, or <see langword="null"/> to detect it from the first lines (<c>,</c> <c>;</c> tab <c>|</c>). Default: <c>,</c>.</summary>
    public char? Separator { get; set; } = ',';
}

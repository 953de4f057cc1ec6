namespace TextLens.Corpus;

/// <summary>The file formats a corpus can be read from (see <see cref="CorpusSources"/>).</summary>
public enum CorpusFormat
{
    /// <summary>A folder of <c>.txt</c> and <c>.md</c> files, one document a file, with optional metadata files.</summary>
    Directory,

    /// <summary>JSON Lines: one JSON object a line, plain or gzip-compressed.</summary>
    JsonLines,

    /// <summary>CSV with a header row, plain or gzip-compressed.</summary>
    Csv,
}

namespace TextLens.Corpus;

/// <summary>
/// A corpus: a stream of documents read lazily, never held in memory as a whole. Bad records are yielded as
/// <see cref="CorpusRecord"/>s carrying a <see cref="CorpusReadError"/> instead of being dropped or thrown,
/// so the engine can count and report them and go on.
/// </summary>
public interface ICorpusSource
{
    /// <summary>A description for the manifest and messages (a path, a file name, <c>in-memory</c>).</summary>
    string Name { get; }

    /// <summary>The total size in bytes when it is known in advance (for progress and ETA), else <see langword="null"/>.</summary>
    long? TotalBytes { get; }

    /// <summary>Reads the corpus. Each call starts from the beginning.</summary>
    IAsyncEnumerable<CorpusRecord> ReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>One record of a corpus: a document, or the reason a record could not be read.</summary>
public readonly record struct CorpusRecord
{
    private CorpusRecord(TextDocument? document, CorpusReadError? error, long bytesRead)
    {
        Document = document;
        Error = error;
        BytesRead = bytesRead;
    }

    /// <summary>The document, when the record was read.</summary>
    public TextDocument? Document { get; }

    /// <summary>Why the record could not be read, when it could not.</summary>
    public CorpusReadError? Error { get; }

    /// <summary>Bytes of the source consumed so far (for progress); 0 when unknown.</summary>
    public long BytesRead { get; }

    /// <summary>A record holding a document.</summary>
    public static CorpusRecord Of(TextDocument document, long bytesRead = 0)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(document, null, bytesRead);
    }

    /// <summary>A record that could not be read.</summary>
    public static CorpusRecord Failed(CorpusReadError error, long bytesRead = 0)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(null, error, bytesRead);
    }
}

/// <summary>Why a record of a corpus could not be read.</summary>
/// <param name="Source">The file (or other source).</param>
/// <param name="Line">One-based line, when the format has lines.</param>
/// <param name="Record">One-based record number, when known.</param>
/// <param name="DocumentId">The document id, when it could be read.</param>
/// <param name="Reason">What was wrong, in a sentence.</param>
public sealed record CorpusReadError(string Source, long? Line, long? Record, string? DocumentId, string Reason)
{
    /// <summary>Formats as <c>file:line: reason</c>.</summary>
    public override string ToString() =>
        $"{Source}{(Line is { } l ? $":{l}" : Record is { } r ? $"#{r}" : "")}: {Reason}";
}

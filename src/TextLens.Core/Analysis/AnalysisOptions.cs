namespace TextLens;

/// <summary>Options of one analysis run: grouping, periods, parallelism, error policy.</summary>
public sealed class AnalysisOptions
{
    /// <summary>The metadata field documents are grouped by (<c>outlet</c> by default); <see langword="null"/> puts every document in group <c>all</c>.</summary>
    public string? GroupBy { get; set; } = "outlet";

    /// <summary>The period documents are bucketed by. Undated documents count under <c>unknown</c>.</summary>
    public PeriodUnit Period { get; set; } = PeriodUnit.None;

    /// <summary>Worker count; defaults to the number of processors. 1 runs everything on one worker.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Documents read ahead of the workers at most (bounds memory). Defaults to 8 per worker.</summary>
    public int? BoundedCapacity { get; set; }

    /// <summary>What happens when a record cannot be read or an analyzer throws.</summary>
    public ErrorPolicy ErrorPolicy { get; set; } = ErrorPolicy.SkipAndRecord;

    /// <summary>
    /// Called for every document result (including skipped records) in corpus order, on one thread at a time;
    /// used to write annotations JSONL or KWIC lines while the run streams. <see langword="null"/> for none.
    /// </summary>
    public Func<DocumentResult, CancellationToken, ValueTask>? OnDocument { get; set; }

    /// <summary>The default of <see cref="MaxDocumentCharacters"/>: 10 million characters (about 20 MB of UTF-16), some 2,000 times a long news article.</summary>
    public const int DefaultMaxDocumentCharacters = 10_000_000;

    /// <summary>
    /// The document budget: a document longer than this many characters is not analysed but skipped, with its id,
    /// length and the limit recorded as the reason and counted among the skipped records (never silently truncated).
    /// 0 analyses documents of any length. Defaults to <see cref="DefaultMaxDocumentCharacters"/>.
    /// </summary>
    /// <remarks>
    /// Skipped rather than analysed in windows: a window edge would cut sentences, quotations and the attribution of
    /// speech, and the entity recognizer confirms names across the whole document, so windowed counts would differ from
    /// whole-document counts without saying so. Every analyzer runs in time linear (or n log n) in the document, so the
    /// limit bounds the time and memory one record can take; raise it to analyse longer documents whole.
    /// </remarks>
    public int MaxDocumentCharacters { get; set; } = DefaultMaxDocumentCharacters;

    /// <summary>Minimum interval between progress reports.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Throws when an option is out of range, naming every fault.</summary>
    /// <exception cref="TextLensConfigurationException">An option is out of range.</exception>
    public void Validate()
    {
        var faults = new List<string>();
        if (MaxDegreeOfParallelism < 1)
        {
            faults.Add($"MaxDegreeOfParallelism must be at least 1 (was {MaxDegreeOfParallelism}).");
        }

        if (BoundedCapacity is < 1)
        {
            faults.Add($"BoundedCapacity must be at least 1 (was {BoundedCapacity}).");
        }

        if (GroupBy is { Length: 0 })
        {
            faults.Add("GroupBy must be null or a field name, not empty.");
        }

        if (!Enum.IsDefined(Period))
        {
            faults.Add($"Period {(int)Period} is not a known period unit.");
        }

        if (MaxDocumentCharacters < 0)
        {
            faults.Add($"MaxDocumentCharacters must be 0 (no limit) or positive (was {MaxDocumentCharacters}).");
        }

        if (ProgressInterval < TimeSpan.Zero)
        {
            faults.Add("ProgressInterval must not be negative.");
        }

        if (faults.Count > 0)
        {
            throw new TextLensConfigurationException(faults);
        }
    }
}

/// <summary>The unit of the periods documents are bucketed by.</summary>
public enum PeriodUnit
{
    /// <summary>No periods: every document counts under <c>all</c>.</summary>
    None = 0,

    /// <summary>Calendar day, <c>2023-09-19</c>.</summary>
    Day = 1,

    /// <summary>ISO week, <c>2023-W38</c>.</summary>
    Week = 2,

    /// <summary>Calendar month, <c>2023-09</c>.</summary>
    Month = 3,

    /// <summary>Calendar year, <c>2023</c>.</summary>
    Year = 4,
}

/// <summary>What the engine does with a record it cannot read or an analyzer that throws.</summary>
public enum ErrorPolicy
{
    /// <summary>Skip the record (or drop that analyzer's annotations for that document), record why in the report, go on.</summary>
    SkipAndRecord = 0,

    /// <summary>Stop the run and throw.</summary>
    Throw = 1,
}

/// <summary>Progress of a run.</summary>
/// <param name="DocumentsRead">Records read from the source.</param>
/// <param name="DocumentsAnalyzed">Documents analysed.</param>
/// <param name="DocumentsSkipped">Records skipped.</param>
/// <param name="Characters">Characters analysed.</param>
/// <param name="BytesRead">Bytes of the source read, when the source reports it.</param>
/// <param name="TotalBytes">Size of the source, when known.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record AnalysisProgress(long DocumentsRead, long DocumentsAnalyzed, long DocumentsSkipped, long Characters,
    long BytesRead, long? TotalBytes, TimeSpan Elapsed);

/// <summary>
/// A configuration fault (pipeline, options, lexicon, plugin), found before any document is read. Not sealed:
/// <see cref="LexiconException"/> adds the file, line, column and field of each fault in a lexicon.
/// </summary>
public class TextLensConfigurationException : Exception
{
    /// <summary>Creates the exception from a list of faults.</summary>
    public TextLensConfigurationException(IReadOnlyList<string> faults)
        : base(Format(faults))
    {
        Faults = faults;
    }

    /// <summary>Creates the exception from one fault.</summary>
    public TextLensConfigurationException(string fault)
        : this([fault])
    {
    }

    /// <summary>Creates the exception from one fault and its cause.</summary>
    public TextLensConfigurationException(string fault, Exception innerException)
        : base(fault, innerException)
    {
        Faults = [fault];
    }

    /// <summary>Creates the exception from a list of faults and the exception that revealed them.</summary>
    public TextLensConfigurationException(IReadOnlyList<string> faults, Exception? innerException)
        : base(Format(faults), innerException)
    {
        Faults = faults;
    }

    /// <summary>Every fault found.</summary>
    public IReadOnlyList<string> Faults { get; }

    private static string Format(IReadOnlyList<string> faults) =>
        faults.Count == 1 ? faults[0] : $"{faults.Count} configuration faults:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", faults);
}

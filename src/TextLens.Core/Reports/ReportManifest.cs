namespace TextLens.Reports;

/// <summary>
/// What a report was computed from: enough to reproduce it (versions, analyzer ids, options, lexicon hashes,
/// grouping) and to trust it (documents read, skipped and why). Everything that varies between identical runs
/// (time stamps, elapsed time, timings, thread count) lives in <see cref="Run"/>.
/// </summary>
public sealed class ReportManifest
{
    /// <summary>The TextLens version that produced the report.</summary>
    public required string TextLensVersion { get; init; }

    /// <summary>The corpus source (path or name).</summary>
    public required string Source { get; init; }

    /// <summary>The metadata field documents were grouped by, or <see langword="null"/> for no grouping.</summary>
    public string? GroupBy { get; init; }

    /// <summary>The period documents were bucketed by (<c>none</c>, <c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>).</summary>
    public required string Period { get; init; }

    /// <summary>The analyzers in the order they ran.</summary>
    public IReadOnlyList<AnalyzerManifest> Analyzers { get; init; } = [];

    /// <summary>
    /// The plugin assemblies that configured the pipeline (name, version, SHA-256 of the file, options and the
    /// analyzers each added); <see langword="null"/> when no plugin was loaded.
    /// </summary>
    public IReadOnlyList<PluginManifest>? Plugins { get; init; }

    /// <summary>Counts of documents read, analysed, skipped, flagged, failed.</summary>
    public required CorpusCounts Counts { get; init; }

    /// <summary>Every record skipped and every analyzer failure, with where and why.</summary>
    public IReadOnlyList<ReportError> Errors { get; init; } = [];

    /// <summary>Facts of this run that do not affect the results: time, duration, threads, per-analyzer timing.</summary>
    public RunInfo? Run { get; init; }
}

/// <summary>One analyzer as it ran.</summary>
/// <param name="Id">Name (<c>textlens.framing</c>).</param>
/// <param name="Version">Version.</param>
/// <param name="Layer">Layer written.</param>
/// <param name="Options">Options as invariant strings.</param>
/// <param name="Lexicons">Lexicons with their hashes.</param>
public sealed record AnalyzerManifest(string Id, int Version, string Layer,
    IReadOnlyDictionary<string, string> Options, IReadOnlyList<LexiconInfo> Lexicons);

/// <summary>A plugin assembly that configured the pipeline: enough to find it again and to check it is the same file.</summary>
/// <param name="Name">The assembly's simple name.</param>
/// <param name="Version">The assembly's informational version (or assembly version).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the assembly file.</param>
/// <param name="Path">The path it was loaded from.</param>
public sealed record PluginManifest(string Name, string Version, string Sha256, string Path)
{
    /// <summary>The options the plugin was configured with (flat configuration keys, sorted ordinally).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The versioned ids of the analyzers the plugin added (<c>samples.hedging/1</c>).</summary>
    public IReadOnlyList<string> Analyzers { get; init; } = [];
}

/// <summary>Document counts of a run.</summary>
/// <param name="DocumentsRead">Records read from the source (documents plus unreadable records).</param>
/// <param name="DocumentsAnalyzed">Documents analysed and counted.</param>
/// <param name="DocumentsSkipped">Records that could not be read or parsed and were skipped.</param>
/// <param name="DocumentsFlagged">Documents analysed with a problem noted (invalid encoding replaced, date unparsed).</param>
/// <param name="DocumentsFailed">Documents for which at least one analyzer failed (its annotations for that document are dropped, the rest kept).</param>
/// <param name="Characters">Characters analysed.</param>
/// <param name="Tokens">Word and number tokens analysed.</param>
public sealed record CorpusCounts(long DocumentsRead, long DocumentsAnalyzed, long DocumentsSkipped, long DocumentsFlagged,
    long DocumentsFailed, long Characters, long Tokens);

/// <summary>A skipped record or an analyzer failure.</summary>
/// <param name="Kind"><c>read</c> (record skipped), <c>analyzer</c> (an analyzer failed on a document) or <c>flag</c> (document kept with a problem).</param>
/// <param name="Source">The file or source.</param>
/// <param name="Line">One-based line, when known.</param>
/// <param name="Record">One-based record number, when known.</param>
/// <param name="DocumentId">The document id, when known.</param>
/// <param name="Analyzer">The versioned analyzer id, for analyzer failures.</param>
/// <param name="Message">What went wrong.</param>
public sealed record ReportError(string Kind, string Source, long? Line, long? Record, string? DocumentId, string? Analyzer, string Message);

/// <summary>Facts of one run that do not affect its results.</summary>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="ElapsedSeconds">Wall-clock duration.</param>
/// <param name="DegreeOfParallelism">Worker count.</param>
/// <param name="Timings">Time spent in the parse step and in each analyzer.</param>
public sealed record RunInfo(DateTimeOffset StartedUtc, double ElapsedSeconds, int DegreeOfParallelism, IReadOnlyList<AnalyzerTiming> Timings);

/// <summary>Time spent by one step (the parse step or an analyzer), summed over workers.</summary>
/// <param name="Step"><c>parse</c> or a versioned analyzer id.</param>
/// <param name="Documents">Documents processed.</param>
/// <param name="Seconds">CPU-side time in the step, summed over workers.</param>
/// <param name="CharactersPerSecond">Characters divided by <paramref name="Seconds"/>.</param>
/// <param name="AllocatedBytes">Bytes allocated by the step on the worker threads.</param>
public sealed record AnalyzerTiming(string Step, long Documents, double Seconds, double CharactersPerSecond, long AllocatedBytes);

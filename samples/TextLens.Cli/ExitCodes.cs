namespace TextLens.Cli;

/// <summary>The exit codes of <c>textlens</c>, documented in <c>--help</c> and the README.</summary>
internal static class ExitCodes
{
    /// <summary>Success: every document was analysed.</summary>
    public const int Success = 0;

    /// <summary>Completed, but some records were skipped or an analyzer failed on some documents (see errors.csv).</summary>
    public const int CompletedWithSkips = 1;

    /// <summary>Usage or configuration error: bad arguments, missing file, malformed lexicon or plugin. Nothing was analysed.</summary>
    public const int UsageError = 2;

    /// <summary>Failure: the run could not complete, including every problem with the output (an unusable --out folder, a full disk).</summary>
    public const int Failure = 3;

    /// <summary>Interrupted by Ctrl+C (SIGINT); no partial output file is left.</summary>
    public const int Interrupted = 130;

    /// <summary>The text shown in <c>--help</c>.</summary>
    public const string Help =
        "Exit codes: 0 success; 1 completed with skipped documents or analyzer failures; 2 usage or configuration error; 3 failure, including any --out folder or file that cannot be written; 130 interrupted (Ctrl+C or SIGTERM).";
}

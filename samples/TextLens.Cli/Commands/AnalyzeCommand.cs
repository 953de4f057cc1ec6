using System.CommandLine;
using TextLens.Corpus;
using TextLens.Reports;
using TextLens.Reports.Html;
using TextLens.Statistics;

namespace TextLens.Cli.Commands;

/// <summary><c>textlens analyze &lt;corpus&gt;</c>: runs the pipeline and writes report.json, CSV tables and annotations.jsonl.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<string>("corpus") { Description = "A folder of .txt/.md files (with metadata.csv), a .jsonl/.jsonl.gz file or a .csv file." };
        var options = new CorpusCommandOptions();
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder.", DefaultValueFactory = _ => "textlens-out" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar and no tables; only errors." };

        var command = new Command("analyze", "Analyze a corpus: writes report.json, tidy CSV tables and annotations.jsonl into --out, and prints the key tables.")
        {
            corpus,
            outDir,
            quiet,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(corpus)!;
            var run = options.Read(parse);
            var (pipeline, analysis, lifetime) = run.Build();
            using var _ = lifetime;
            var source = CorpusSources.Open(path, run.Format, run.Fields);
            var dir = OutputFolder.Create(parse.GetValue(outDir)!);
            await using var annotations = new AnnotationsWriter(dir);
            var kwic = new KwicCollector();
            long documents = 0;
            analysis.OnDocument = async (result, token) =>
            {
                await annotations.WriteAsync(result, token);
                kwic.Add(result);
                if (!result.Skipped)
                {
                    documents++;
                }
            };

            var showProgress = !parse.GetValue(quiet) && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
            CorpusReport report;
            try
            {
                report = await ProgressDisplay.RunAsync(showProgress, source.TotalBytes,
                    progress => pipeline.AnalyzeAsync(source, analysis, progress, ct));
                ct.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The annotations writer's DisposeAsync deletes its temporary file; nothing else was opened yet.
                await error.WriteLineAsync($"textlens: interrupted after {documents:N0} documents; nothing written");
                return ExitCodes.Interrupted;
            }

            // The run is complete: write every file (each through a temporary name), report.json last, so a
            // folder with report.json always holds a complete set. A Ctrl+C now no longer discards the run.
            await annotations.CompleteAsync(CancellationToken.None);
            await kwic.WriteAsync(dir, CancellationToken.None);
            await ReportWriter.WriteCsvAsync(report, dir, CancellationToken.None);
            await HtmlReportWriter.WriteAsync(report, kwic.ToReportLines(), Path.Combine(dir, HtmlReportWriter.FileName), cancellationToken: CancellationToken.None);
            await ReportWriter.WriteJsonAsync(report, dir, CancellationToken.None);

            if (!parse.GetValue(quiet))
            {
                ReportConsole.WriteSummary(report, output);
                ReportConsole.WriteFramingCompetition(report, output);
                ReportConsole.WriteTopSources(report, output);
                await output.WriteLineAsync($"Wrote {ReportWriter.ReportFileName}, {HtmlReportWriter.FileName}, {ReportWriter.ToTables(report).Count} CSV tables, " +
                    $"{AnnotationsWriter.FileName} and {KwicCollector.FileName} ({kwic.Lines.Count:N0} lines) to {dir}");
            }

            await ReportConsole.WriteSkippedAsync(report, error);

            return ExitCode(report);
        });
        return command;
    }

    /// <summary>0 when every document was analysed, 1 when records were skipped or an analyzer failed on some.</summary>
    public static int ExitCode(CorpusReport report) =>
        report.Manifest.Counts.DocumentsSkipped > 0 || report.Manifest.Counts.DocumentsFailed > 0
            ? ExitCodes.CompletedWithSkips
            : ExitCodes.Success;
}

/// <summary>The options every command that reads a corpus shares: format, field names, grouping, period, analyzers, threads.</summary>
internal sealed class CorpusCommandOptions
{
    private readonly Option<string?> _format;
    private readonly Option<string?> _textField = new("--text-field") { Description = "Name of the text field (JSONL/CSV)." };
    private readonly Option<string?> _idField = new("--id-field") { Description = "Name of the id field (JSONL/CSV)." };
    private readonly Option<string?> _groupBy = new("--group-by", "-g") { Description = "Metadata field to group by ('none' for no grouping).", DefaultValueFactory = _ => "outlet" };
    private readonly Option<string> _period = new("--period", "-p") { Description = "Period: none, day, week, month or year.", DefaultValueFactory = _ => "none" };
    private readonly Option<string?> _analyzers = new("--analyzers", "-a") { Description = "Comma-separated analyzers to run (default: all built-in)." };
    private readonly Option<int> _threads = new("--threads", "-t") { Description = "Worker threads (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
    private readonly Option<string[]> _lexicons = new("--lexicon", "-l") { Description = "A framing lexicon: a TextLens JSON file or an embedded name (karabakh-conflict, ukraine-war); repeatable. Replaces the default lexicon." };
    private readonly Option<string[]> _gazetteers = new("--gazetteer") { Description = "A gazetteer: a TextLens JSON file or an embedded name (world, karabakh); repeatable. Replaces the default gazetteers." };
    private readonly Option<string[]> _cues = new("--cues") { Description = "An attribution cue lexicon file; repeatable. Added to the default cues." };
    private readonly Option<string[]> _plugins = new("--plugin") { Description = "A plugin assembly (.dll) to load; repeatable. Only the named files are loaded." };
    private readonly Option<int> _maxDocumentChars = new("--max-document-chars")
    {
        Description = "The document budget: a document longer than this many characters is skipped, counted and listed with its length (never truncated); 0 for no limit.",
        DefaultValueFactory = _ => AnalysisOptions.DefaultMaxDocumentCharacters,
    };
    private readonly Option<string> _recognizer = new("--recognizer")
    {
        Description = "Finder of names the gazetteers do not list: statistical (the embedded CoNLL-2003 model) or rules (capitalised sequences with cue words).",
        DefaultValueFactory = _ => "statistical",
    };

    private readonly Option<string?> _manifest = new("--manifest") { Description = "Re-run the analysis recorded in a report.json (analyzers, versions, options, lexicons, grouping)." };

    /// <param name="formatName">The name of the corpus-format option (<c>--corpus-format</c> where <c>--format</c> means the output format).</param>
    public CorpusCommandOptions(string formatName = "--format") =>
        _format = new(formatName) { Description = "Corpus format: dir, jsonl or csv (default: from the path)." };

    public void AddTo(Command command)
    {
        command.Add(_format);
        command.Add(_textField);
        command.Add(_idField);
        command.Add(_groupBy);
        command.Add(_period);
        command.Add(_analyzers);
        command.Add(_threads);
        command.Add(_lexicons);
        command.Add(_gazetteers);
        command.Add(_cues);
        command.Add(_plugins);
        command.Add(_recognizer);
        command.Add(_manifest);
        command.Add(_maxDocumentChars);
    }

    public RunSettings Read(ParseResult parse)
    {
        var formatText = parse.GetValue(_format);
        CorpusFormat? format = formatText?.ToUpperInvariant() switch
        {
            null => null,
            "DIR" or "DIRECTORY" => CorpusFormat.Directory,
            "JSONL" or "JSON" or "NDJSON" => CorpusFormat.JsonLines,
            "CSV" => CorpusFormat.Csv,
            _ => throw new ArgumentException($"Unknown {_format.Name} '{formatText}': use dir, jsonl or csv."),
        };
        if (!PeriodKey.TryParseUnit(parse.GetValue(_period), out var period))
        {
            throw new ArgumentException($"Unknown --period '{parse.GetValue(_period)}': use none, day, week, month or year.");
        }

        var threads = parse.GetValue(_threads);
        if (threads < 1)
        {
            throw new ArgumentException($"--threads must be at least 1 (was {threads}).");
        }

        var fields = FieldMapping.Default;
        if (parse.GetValue(_textField) is { Length: > 0 } text)
        {
            fields = fields with { Text = [text] };
        }

        if (parse.GetValue(_idField) is { Length: > 0 } id)
        {
            fields = fields with { Id = [id] };
        }

        var maxDocumentChars = parse.GetValue(_maxDocumentChars);
        if (maxDocumentChars < 0)
        {
            throw new ArgumentException($"--max-document-chars must be 0 (no limit) or positive (was {maxDocumentChars}).");
        }

        var recognizer = parse.GetValue(_recognizer)?.Trim().ToLowerInvariant();
        if (recognizer is not ("rules" or "statistical"))
        {
            throw new ArgumentException($"Unknown --recognizer '{parse.GetValue(_recognizer)}': use statistical or rules.");
        }

        var groupBy = parse.GetValue(_groupBy);
        return new RunSettings(format, fields,
            string.IsNullOrWhiteSpace(groupBy) || groupBy.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : groupBy,
            period, PipelineFactory.ParseNames(parse.GetValue(_analyzers)), threads,
            parse.GetValue(_lexicons) ?? [], parse.GetValue(_gazetteers) ?? [], parse.GetValue(_cues) ?? [], parse.GetValue(_plugins) ?? [],
            parse.GetValue(_manifest), recognizer) { MaxDocumentChars = maxDocumentChars };
    }
}

/// <summary>Settings shared by corpus commands.</summary>
internal sealed record RunSettings(CorpusFormat? Format, FieldMapping Fields, string? GroupBy, PeriodUnit Period, IReadOnlyList<string> Analyzers, int Threads,
    IReadOnlyList<string> Lexicons, IReadOnlyList<string> Gazetteers, IReadOnlyList<string> CueLexicons, IReadOnlyList<string> Plugins, string? Manifest,
    string Recognizer = "statistical")
{
    /// <summary>The document budget (<see cref="AnalysisOptions.MaxDocumentCharacters"/>).</summary>
    public int MaxDocumentChars { get; init; } = AnalysisOptions.DefaultMaxDocumentCharacters;

    /// <summary>Builds the pipeline and analysis options: from the manifest when one is named, else from the settings.</summary>
    public (TextLensPipeline Pipeline, AnalysisOptions Options, IDisposable Lifetime) Build()
    {
        if (Manifest is not null)
        {
            var replay = PipelineFactory.Replay(Manifest);
            var options = replay.CreateAnalysisOptions();
            options.MaxDegreeOfParallelism = Threads;
            options.MaxDocumentCharacters = MaxDocumentChars;
            return (replay.Build(), options, replay);
        }

        var factory = new PipelineFactory();
        try
        {
            return (factory.Create(this), ToAnalysisOptions(), factory);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    /// <summary>Runs the pipeline over a corpus, calling <paramref name="onDocument"/> for each result in corpus order.</summary>
    public async Task<CorpusReport> RunAsync(string corpusPath, Action<DocumentResult>? onDocument, CancellationToken cancellationToken)
    {
        var (pipeline, analysis, lifetime) = Build();
        using var _ = lifetime;
        var source = CorpusSources.Open(corpusPath, Format, Fields);
        if (onDocument is not null)
        {
            analysis.OnDocument = (result, _) =>
            {
                onDocument(result);
                return ValueTask.CompletedTask;
            };
        }

        return await pipeline.AnalyzeAsync(source, analysis, null, cancellationToken);
    }

    public AnalysisOptions ToAnalysisOptions() => new()
    {
        GroupBy = GroupBy,
        Period = Period,
        MaxDegreeOfParallelism = Threads,
        MaxDocumentCharacters = MaxDocumentChars,
    };
}

using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TextLens.Corpus;
using TextLens.Reports;
using TextLens.Statistics;
using TextLens.Text;

namespace TextLens;

/// <summary>
/// An immutable, thread-safe analysis pipeline: parses each document once, runs the analyzers in dependency
/// order, and merges per-worker counts into a <see cref="CorpusReport"/>. Build one with
/// <see cref="TextLensPipelineBuilder"/> and reuse it for every corpus and thread.
/// </summary>
public sealed class TextLensPipeline
{
    private readonly IAnalyzer[] _analyzers;
    private readonly IReportContributor[] _contributors;
    private readonly DocumentParser _parser;

    internal TextLensPipeline(IAnalyzer[] analyzers, IReportContributor[] contributors, DocumentParser parser)
    {
        _analyzers = analyzers;
        _contributors = contributors;
        _parser = parser;
    }

    /// <summary>The TextLens version written into manifests.</summary>
    public static string Version { get; } =
        typeof(TextLensPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(TextLensPipeline).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>The analyzers, in the order they run.</summary>
    public IReadOnlyList<IAnalyzer> Analyzers => _analyzers;

    /// <summary>The report contributors: those that are analyzers in the order the analyzers run, then the others in the order they were added.</summary>
    public IReadOnlyList<IReportContributor> ReportContributors => _contributors;

    /// <summary>The plugin assemblies that configured the pipeline (see <see cref="TextLensPipelineBuilder.Plugins"/>).</summary>
    public IReadOnlyList<PluginManifest> Plugins => PluginTable;

    internal PluginManifest[] PluginTable { get; init; } = [];

    /// <summary>Analyzes one document on the calling thread.</summary>
    /// <param name="document">The document.</param>
    /// <param name="options">Grouping, period and error policy; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public DocumentResult Analyze(TextDocument document, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= new AnalysisOptions();
        var worker = new Worker(this, options, accumulate: false);
        return worker.Process(CorpusRecord.Of(document), 0, cancellationToken);
    }

    /// <summary>
    /// Analyzes a corpus and yields each document's result in corpus order (skipped records included), while
    /// documents are analysed in parallel. Memory stays bounded by <see cref="AnalysisOptions.BoundedCapacity"/>.
    /// </summary>
    public async IAsyncEnumerable<DocumentResult> AnalyzeDocumentsAsync(ICorpusSource corpus, AnalysisOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new AnalysisOptions();
        options.Validate();
        var output = Channel.CreateBounded<DocumentResult>(new BoundedChannelOptions(Capacity(options)) { SingleReader = true, SingleWriter = true });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runner = new Run(this, corpus, options, null, (r, ct) => output.Writer.WriteAsync(r, ct), accumulate: false);
        var task = Task.Run(async () =>
        {
            try
            {
                await runner.ExecuteAsync(cts.Token).ConfigureAwait(false);
                output.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                output.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var r in output.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return r;
            }
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            await task.ConfigureAwait(false);
        }

        await output.Reader.Completion.ConfigureAwait(false);
    }

    /// <summary>Analyzes a corpus and returns its report.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives progress at <see cref="AnalysisOptions.ProgressInterval"/> and once at the end.</param>
    /// <param name="cancellationToken">Cancellation: the run stops and throws <see cref="OperationCanceledException"/>.</param>
    public async Task<CorpusReport> AnalyzeAsync(ICorpusSource corpus, AnalysisOptions? options = null,
        IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var accumulator = await AccumulateAsync(corpus, options, progress, cancellationToken).ConfigureAwait(false);
        return CreateReport(accumulator.Accumulator, corpus.Name, options ?? new AnalysisOptions(), accumulator.Run);
    }

    /// <summary>
    /// Analyzes a corpus and returns its merged counts without computing statistics, for hosts that merge
    /// shards analysed elsewhere (<see cref="CorpusAccumulator.Merge"/>) before calling <see cref="CreateReport"/>.
    /// </summary>
    public async Task<(CorpusAccumulator Accumulator, RunInfo Run)> AccumulateAsync(ICorpusSource corpus, AnalysisOptions? options = null,
        IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new AnalysisOptions();
        options.Validate();
        var run = new Run(this, corpus, options, progress, options.OnDocument, accumulate: true);
        var accumulator = await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return (accumulator, run.Info!);
    }

    /// <summary>Computes statistics from merged counts and assembles the report with its manifest.</summary>
    public CorpusReport CreateReport(CorpusAccumulator accumulator, string source, AnalysisOptions options, RunInfo? run = null)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(options);
        var stats = accumulator.ToStatistics(options.GroupBy, options.Period);
        var tables = new List<ReportTable>();
        foreach (var c in _contributors)
        {
            tables.AddRange(c.Contribute(stats));
        }

        return new CorpusReport
        {
            Manifest = new ReportManifest
            {
                TextLensVersion = Version,
                Source = source,
                GroupBy = options.GroupBy,
                Period = PeriodKey.NameOf(options.Period),
                Analyzers = _analyzers.Select(a => new AnalyzerManifest(a.Descriptor.Id, a.Descriptor.Version, a.Descriptor.Layer,
                    new SortedDictionary<string, string>(a.Descriptor.Options.ToDictionary(), StringComparer.Ordinal), a.Descriptor.Lexicons)).ToList(),
                Plugins = PluginTable.Length > 0 ? PluginTable : null,
                Counts = stats.Counts,
                Errors = stats.Errors,
                Run = run,
            },
            Corpus = stats.Corpus,
            Labels = stats.Labels,
            Facets = stats.Facets,
            DocumentFacets = stats.DocumentFacets,
            Tables = tables,
        };
    }

    private static int Capacity(AnalysisOptions o) => o.BoundedCapacity ?? Math.Max(8, o.MaxDegreeOfParallelism * 8);

    /// <summary>One run over a corpus: a reader, N workers, and an ordered sink for per-document callbacks.</summary>
    private sealed class Run(TextLensPipeline pipeline, ICorpusSource corpus, AnalysisOptions options,
        IProgress<AnalysisProgress>? progress, Func<DocumentResult, CancellationToken, ValueTask>? onDocument, bool accumulate)
    {
        private long _read;
        private long _analyzed;
        private long _skipped;
        private long _characters;
        private long _bytes;

        public RunInfo? Info { get; private set; }

        public async Task<CorpusAccumulator> ExecuteAsync(CancellationToken cancellationToken)
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var capacity = Capacity(options);
            var work = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(capacity) { SingleWriter = true });
            var ordered = onDocument is null ? null : Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var ct = cts.Token;
            var workers = Enumerable.Range(0, options.MaxDegreeOfParallelism).Select(_ => new Worker(pipeline, options, accumulate)).ToArray();

            var tasks = new List<Task>
            {
                Task.Run(() => ReadAsync(work.Writer, ordered?.Writer, ct), ct),
            };
            tasks.AddRange(workers.Select(w => Task.Run(() => WorkAsync(w, work.Reader, ct), ct)));
            if (ordered is not null)
            {
                tasks.Add(Task.Run(() => DeliverAsync(ordered.Reader, ct), ct));
            }

            using var reporter = progress is null ? null : new Timer(_ => Report(clock.Elapsed), null, options.ProgressInterval, options.ProgressInterval);
            try
            {
                await WhenAllOrFirstFailure(tasks, cts).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            Report(clock.Elapsed);
            var total = workers[0].Accumulator;
            for (var i = 1; i < workers.Length; i++)
            {
                total.Merge(workers[i].Accumulator);
            }

            Info = new RunInfo(started, clock.Elapsed.TotalSeconds, options.MaxDegreeOfParallelism, Worker.MergeTimings(workers, pipeline._analyzers));
            return total;
        }

        private static async Task WhenAllOrFirstFailure(List<Task> tasks, CancellationTokenSource cts)
        {
            var pending = new List<Task>(tasks);
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending).ConfigureAwait(false);
                pending.Remove(done);
                if (done.IsFaulted || done.IsCanceled)
                {
                    await cts.CancelAsync().ConfigureAwait(false);
                    try
                    {
                        await Task.WhenAll(pending).ConfigureAwait(false);
                    }
                    catch (Exception) when (done.IsFaulted)
                    {
                        // The first failure is the one reported.
                    }

                    await done.ConfigureAwait(false);
                }
            }
        }

        private void Report(TimeSpan elapsed) =>
            progress?.Report(new AnalysisProgress(Interlocked.Read(ref _read), Interlocked.Read(ref _analyzed), Interlocked.Read(ref _skipped),
                Interlocked.Read(ref _characters), Interlocked.Read(ref _bytes), corpus.TotalBytes, elapsed));

        private async Task ReadAsync(ChannelWriter<WorkItem> work, ChannelWriter<WorkItem>? ordered, CancellationToken ct)
        {
            try
            {
                long sequence = 0;
                var ids = new DocumentIdSet();
                await foreach (var read in corpus.ReadAsync(ct).ConfigureAwait(false))
                {
                    var record = ids.Flag(read);
                    if (record.Error is not null && options.ErrorPolicy == ErrorPolicy.Throw)
                    {
                        throw new InvalidDataException(record.Error.ToString());
                    }

                    Interlocked.Increment(ref _read);
                    if (record.BytesRead > 0)
                    {
                        Interlocked.Exchange(ref _bytes, record.BytesRead);
                    }

                    var item = new WorkItem(record, sequence++, ordered is not null);
                    if (ordered is not null)
                    {
                        await ordered.WriteAsync(item, ct).ConfigureAwait(false);
                    }

                    await work.WriteAsync(item, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                work.TryComplete();
                ordered?.TryComplete();
            }
        }

        private async Task WorkAsync(Worker worker, ChannelReader<WorkItem> work, CancellationToken ct)
        {
            await foreach (var item in work.ReadAllAsync(ct).ConfigureAwait(false))
            {
                DocumentResult result;
                try
                {
                    result = worker.Process(item.Record, item.Sequence, ct);
                }
                catch (Exception ex)
                {
                    item.Fail(ex);
                    throw;
                }

                if (result.Skipped)
                {
                    Interlocked.Increment(ref _skipped);
                }
                else
                {
                    Interlocked.Increment(ref _analyzed);
                    Interlocked.Add(ref _characters, result.Document!.Text.Length);
                }

                item.Complete(result);
            }
        }

        private async Task DeliverAsync(ChannelReader<WorkItem> ordered, CancellationToken ct)
        {
            await foreach (var item in ordered.ReadAllAsync(ct).ConfigureAwait(false))
            {
                var result = await item.Result.WaitAsync(ct).ConfigureAwait(false);
                await onDocument!(result, ct).ConfigureAwait(false);
            }
        }
    }

    private sealed class WorkItem(CorpusRecord record, long sequence, bool ordered)
    {
        private readonly TaskCompletionSource<DocumentResult>? _result = ordered ? new(TaskCreationOptions.RunContinuationsAsynchronously) : null;

        public CorpusRecord Record { get; } = record;

        public long Sequence { get; } = sequence;

        public Task<DocumentResult> Result => _result!.Task;

        public void Complete(DocumentResult result) => _result?.TrySetResult(result);

        public void Fail(Exception ex) => _result?.TrySetException(ex);
    }

    /// <summary>Per-worker state: a reused parsed document and context, an accumulator, timings.</summary>
    private sealed class Worker
    {
        private readonly TextLensPipeline _pipeline;
        private readonly AnalysisOptions _options;
        private readonly bool _accumulate;
        private readonly bool _sentences;
        private readonly ParsedDocument _parsed = new();
        private readonly AnalysisContext _context;
        private readonly long[] _ticks;
        private readonly long[] _allocated;
        private readonly long[] _documents;
        private long _characters;

        public Worker(TextLensPipeline pipeline, AnalysisOptions options, bool accumulate)
        {
            _pipeline = pipeline;
            _options = options;
            _accumulate = accumulate;
            _sentences = !accumulate || options.OnDocument is not null; // results leave the engine: callers get sentence indexes
            _context = new AnalysisContext(_parsed);
            _ticks = new long[pipeline._analyzers.Length + 1];
            _allocated = new long[_ticks.Length];
            _documents = new long[_ticks.Length];
        }

        public CorpusAccumulator Accumulator { get; } = new();

        public DocumentResult Process(CorpusRecord record, long sequence, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            if (record.Error is { } error)
            {
                var skipped = new DocumentResult { ReadError = error, Sequence = sequence };
                if (_accumulate)
                {
                    Accumulator.Add(skipped);
                }

                return skipped;
            }

            var doc = record.Document!;
            if (DocumentBudget.Exceeded(doc, _options) is { } overBudget)
            {
                return Process(CorpusRecord.Failed(overBudget), sequence, ct);
            }

            var group = _options.GroupBy is null ? PeriodKey.All : NonEmpty(doc.Metadata.Get(_options.GroupBy)) ?? PeriodKey.Unknown;
            var period = PeriodKey.Of(doc.Metadata.Date, _options.Period);
            _characters += doc.Text.Length;

            var t0 = Stopwatch.GetTimestamp();
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            _pipeline._parser.Parse(doc, _parsed, ct);
            Measure(0, t0, a0);

            _context.Reset(_parsed, ct);
            List<AnalyzerFailure>? failures = null;
            for (var i = 0; i < _pipeline._analyzers.Length; i++)
            {
                ct.ThrowIfCancellationRequested();
                var analyzer = _pipeline._analyzers[i];
                var count = _context.Count;
                var facetCount = _context.FacetCount;
                _context.Begin(analyzer.Descriptor.Layer);
                t0 = Stopwatch.GetTimestamp();
                a0 = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    analyzer.Analyze(_context);
                }
                catch (Exception ex) when (_options.ErrorPolicy == ErrorPolicy.SkipAndRecord && ex is not OperationCanceledException)
                {
                    _context.Truncate(count, facetCount);
                    (failures ??= []).Add(AnalyzerFailure.Of(analyzer.Descriptor.VersionedId, ex));
                }
                finally
                {
                    Measure(i + 1, t0, a0);
                }
            }

            var annotations = _context.Annotations.ToArray();
            var result = new DocumentResult
            {
                Document = doc,
                Sequence = sequence,
                Group = group,
                Period = period,
                Tokens = _parsed.WordCount,
                Annotations = annotations,
                AnnotationSentences = _sentences ? SentenceIndexes(annotations) : [],
                DocumentFacets = _context.DocumentFacets.ToArray(),
                Failures = failures ?? (IReadOnlyList<AnalyzerFailure>)[],
            };
            if (_accumulate)
            {
                Accumulator.Add(result);
            }

            return result;
        }

        private void Measure(int step, long t0, long a0)
        {
            _ticks[step] += Stopwatch.GetTimestamp() - t0;
            _allocated[step] += GC.GetAllocatedBytesForCurrentThread() - a0;
            _documents[step]++;
        }

        private int[] SentenceIndexes(Annotation[] annotations)
        {
            var sentences = new int[annotations.Length];
            for (var i = 0; i < sentences.Length; i++)
            {
                sentences[i] = _parsed.SentenceIndexAt(annotations[i].Start);
            }

            return sentences;
        }

        private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        public static IReadOnlyList<AnalyzerTiming> MergeTimings(Worker[] workers, IAnalyzer[] analyzers)
        {
            var result = new List<AnalyzerTiming>(analyzers.Length + 1);
            var characters = workers.Sum(w => w._characters);
            for (var step = 0; step <= analyzers.Length; step++)
            {
                var ticks = workers.Sum(w => w._ticks[step]);
                var seconds = (double)ticks / Stopwatch.Frequency;
                result.Add(new AnalyzerTiming(step == 0 ? "parse" : analyzers[step - 1].Descriptor.VersionedId,
                    workers.Sum(w => w._documents[step]), seconds, seconds > 0 ? characters / seconds : 0, workers.Sum(w => w._allocated[step])));
            }

            return result;
        }
    }
}

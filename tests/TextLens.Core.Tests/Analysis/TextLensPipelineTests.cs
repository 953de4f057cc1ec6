using System.Runtime.CompilerServices;
using TextLens.Corpus;
using TextLens.Reports;

namespace TextLens.Tests.Analysis;

public class TextLensPipelineTests
{
    private static readonly string[] Outlets = ["Caspian Dispatch", "Yerevan Herald", "Moscow Wire"];

    private static TextLensPipeline Pipeline(params IAnalyzer[] extra)
    {
        var b = new TextLensPipelineBuilder().AddAnalyzer(new WordListAnalyzer("test.words", "words", "separatists", "forces", "mine", "road"));
        foreach (var a in extra)
        {
            b.AddAnalyzer(a);
        }

        return b.Build();
    }

    private static List<TextDocument> Corpus(int n)
    {
        var words = new[] { "separatists", "forces", "mine", "road", "the", "Karabakh", "said", "ministry" };
        var rng = new Random(42);
        return Enumerable.Range(0, n).Select(i => Docs.Make(
            $"doc-{i:D3}",
            string.Join(' ', Enumerable.Range(0, rng.Next(1, 40)).Select(_ => words[rng.Next(words.Length)])),
            Outlets[i % Outlets.Length],
            new DateOnly(2023, 1 + (i % 12), 1 + (i % 28)))).ToList();
    }

    private static string Normalise(CorpusReport r) =>
        ReportWriter.ToJson(new CorpusReport
        {
            Manifest = new ReportManifest
            {
                TextLensVersion = r.Manifest.TextLensVersion, Source = r.Manifest.Source, GroupBy = r.Manifest.GroupBy, Period = r.Manifest.Period,
                Analyzers = r.Manifest.Analyzers, Counts = r.Manifest.Counts, Errors = r.Manifest.Errors, Run = null,
            },
            Corpus = r.Corpus, Labels = r.Labels, Facets = r.Facets, DocumentFacets = r.DocumentFacets, Tables = r.Tables,
        });

    [Fact]
    public async Task AnalyzeAsync_ParallelismAndShuffledOrder_GiveIdenticalReports()
    {
        var docs = Corpus(200);
        var shuffled = docs.OrderBy(d => d.Id.GetHashCode(StringComparison.Ordinal)).ToList();
        var pipeline = Pipeline();
        var options1 = new AnalysisOptions { MaxDegreeOfParallelism = 1, Period = PeriodUnit.Month };
        var options4 = new AnalysisOptions { MaxDegreeOfParallelism = 4, Period = PeriodUnit.Month, BoundedCapacity = 3 };

        var r1 = await pipeline.AnalyzeAsync(new InMemoryCorpus(docs), options1);
        var r4 = await pipeline.AnalyzeAsync(new InMemoryCorpus(shuffled), options4);

        Assert.Equal(Normalise(r1), Normalise(r4));
        Assert.Equal(200, r1.Manifest.Counts.DocumentsAnalyzed);
    }

    [Fact]
    public async Task AnalyzeAsync_GroupsAndPeriods_RollUpExactly()
    {
        var docs = new[]
        {
            Docs.Make("a", "separatists mine mine", "A", new DateOnly(2023, 9, 19)),
            Docs.Make("b", "forces road", "A", new DateOnly(2023, 10, 1)),
            Docs.Make("c", "separatists and more words here", "B", null),
        };
        var report = await Pipeline().AnalyzeAsync(new InMemoryCorpus(docs), new AnalysisOptions { Period = PeriodUnit.Month, MaxDegreeOfParallelism = 2 });

        Assert.Equal(
            [("all", "all", 3L, 10L), ("all", "2023-09", 1, 3), ("all", "2023-10", 1, 2), ("all", "unknown", 1, 5),
             ("A", "all", 2, 5), ("A", "2023-09", 1, 3), ("A", "2023-10", 1, 2), ("B", "all", 1, 5), ("B", "unknown", 1, 5)],
            report.Corpus.Select(r => (r.Group, r.Period, r.Documents, r.Tokens)));

        var sep = report.Labels.Single(l => l.Group == "all" && l.Period == "all" && l.Label == "separatists");
        Assert.Equal(2, sep.Mentions);
        Assert.Equal(2, sep.Documents);
        Assert.Equal(2 * 10_000.0 / 10, sep.RatePer10kTokens, 9);
        Assert.Equal(1.0, sep.ShareInCategory, 9);

        var mine = report.Labels.Single(l => l.Group == "A" && l.Period == "2023-09" && l.Label == "mine");
        Assert.Equal((2L, 1L), (mine.Mentions, mine.Documents));
        Assert.Equal(1.0, mine.ShareInCategory, 9);
        Assert.Equal(2 * 10_000.0 / 3, mine.RatePer10kTokens, 9);
    }

    [Fact]
    public async Task AnalyzeAsync_AnalyzerThrows_RecordsFailureDropsItsAnnotationsAndContinues()
    {
        var docs = new[] { Docs.Make("ok-1", "mine"), Docs.Make("boom-2", "mine road"), Docs.Make("ok-3", "road") };
        var results = new List<DocumentResult>();
        var options = new AnalysisOptions
        {
            MaxDegreeOfParallelism = 2,
            OnDocument = (r, _) => { results.Add(r); return ValueTask.CompletedTask; },
        };

        var report = await Pipeline(new ThrowingAnalyzer()).AnalyzeAsync(new InMemoryCorpus(docs), options);

        Assert.Equal(new CorpusCounts(3, 3, 0, 0, 1, 17, 4), report.Manifest.Counts);
        var error = Assert.Single(report.Manifest.Errors);
        Assert.Equal(new ReportError("analyzer", "", null, null, "boom-2", "test.throwing/2", "InvalidOperationException: kaboom"), error);
        var boom = results.Single(r => r.Document!.Id == "boom-2");
        Assert.DoesNotContain(boom.Annotations, a => a.Layer == "throwing");
        Assert.Equal(2, boom.Annotations.Count(a => a.Layer == "words"));
        Assert.Single(results.Single(r => r.Document!.Id == "ok-3").Annotations, a => a.Layer == "throwing");
    }

    [Fact]
    public async Task AnalyzeAsync_ThrowPolicy_StopsWithTheAnalyzerException()
    {
        var docs = new[] { Docs.Make("ok-1", "mine"), Docs.Make("boom-2", "mine road") };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Pipeline(new ThrowingAnalyzer()).AnalyzeAsync(new InMemoryCorpus(docs), new AnalysisOptions { ErrorPolicy = ErrorPolicy.Throw, MaxDegreeOfParallelism = 2 }));
        Assert.Equal("kaboom", ex.Message);
    }

    [Fact]
    public async Task AnalyzeAsync_ReadErrors_AreCountedAndListedWithSourceAndLine()
    {
        var report = await Pipeline().AnalyzeAsync(new FaultyCorpus(), new AnalysisOptions { MaxDegreeOfParallelism = 3 });

        Assert.Equal(new CorpusCounts(4, 2, 2, 0, 0, 8, 2), report.Manifest.Counts);
        Assert.Equal(
            [new ReportError("read", "corpus.jsonl", 2, null, null, null, "truncated line"),
             new ReportError("read", "corpus.jsonl", 4, null, null, null, "line is not a JSON object")],
            report.Manifest.Errors);
    }

    [Fact]
    public async Task AnalyzeDocumentsAsync_ManyWorkers_YieldsResultsInCorpusOrder()
    {
        var docs = Corpus(300);

        var ids = new List<string>();
        await foreach (var r in Pipeline().AnalyzeDocumentsAsync(new InMemoryCorpus(docs), new AnalysisOptions { MaxDegreeOfParallelism = 4, BoundedCapacity = 2 }))
        {
            ids.Add(r.Document!.Id);
        }

        Assert.Equal(docs.Select(d => d.Id), ids);
    }

    [Fact]
    public async Task AnalyzeAsync_OnDocument_GivesTheSentenceOfEachAnnotation()
    {
        var docs = new[] { Docs.Make("a", "The mine exploded. Forces came. Then separatists left the road.", "A", null) };
        var sentences = new List<(string, int)>();
        var options = new AnalysisOptions
        {
            MaxDegreeOfParallelism = 2,
            OnDocument = (r, _) =>
            {
                sentences.AddRange(r.Annotations.Zip(r.AnnotationSentences, (a, s) => (a.Label, s)));
                return ValueTask.CompletedTask;
            },
        };

        await Pipeline().AnalyzeAsync(new InMemoryCorpus(docs), options);

        Assert.Equal([("mine", 0), ("forces", 1), ("separatists", 2), ("road", 2)], sentences);
    }

    [Fact]
    public async Task AnalyzeAndAnalyzeDocumentsAsync_ResultsCarrySentenceIndexes()
    {
        var doc = Docs.Make("a", "The mine exploded. Forces came.", "A", null);
        var sentences = new List<int>();

        var single = Pipeline().Analyze(doc);
        await foreach (var r in Pipeline().AnalyzeDocumentsAsync(new InMemoryCorpus([doc])))
        {
            sentences.AddRange(r.AnnotationSentences);
        }

        Assert.Equal([0, 1], single.AnnotationSentences);
        Assert.Equal([0, 1], sentences);
    }

    [Fact]
    public async Task AnalyzeAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var options = new AnalysisOptions
        {
            MaxDegreeOfParallelism = 2,
            OnDocument = (r, _) =>
            {
                if (r.Sequence == 10)
                {
                    cts.Cancel();
                }

                return ValueTask.CompletedTask;
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pipeline().AnalyzeAsync(new InMemoryCorpus(Corpus(10_000)), options, null, cts.Token));
    }

    [Fact]
    public async Task AnalyzeAsync_Progress_ReportsFinalCounts()
    {
        var seen = new List<AnalysisProgress>();
        var progress = new SynchronousProgress(seen);

        await Pipeline().AnalyzeAsync(new InMemoryCorpus(Corpus(20)), new AnalysisOptions { MaxDegreeOfParallelism = 2 }, progress);

        var last = seen[^1];
        Assert.Equal((20L, 20L, 0L), (last.DocumentsRead, last.DocumentsAnalyzed, last.DocumentsSkipped));
    }

    [Fact]
    public async Task AnalyzeAsync_Timings_ListParseThenEachAnalyzer()
    {
        var report = await Pipeline(new ThrowingAnalyzer()).AnalyzeAsync(new InMemoryCorpus(Corpus(5)), new AnalysisOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(["parse", "test.words/1", "test.throwing/2"], report.Manifest.Run!.Timings.Select(t => t.Step));
        Assert.All(report.Manifest.Run.Timings, t => Assert.Equal(5, t.Documents));
    }

    [Fact]
    public void Options_Invalid_ListsEveryFault()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() =>
            new AnalysisOptions { MaxDegreeOfParallelism = 0, BoundedCapacity = 0, GroupBy = "" }.Validate());

        Assert.Equal(3, ex.Faults.Count);
    }

    private sealed class SynchronousProgress(List<AnalysisProgress> seen) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }

    private sealed class FaultyCorpus : ICorpusSource
    {
        public string Name => "corpus.jsonl";

        public long? TotalBytes => null;

        public async IAsyncEnumerable<CorpusRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return CorpusRecord.Of(Docs.Make("1", "mine"));
            yield return CorpusRecord.Failed(new CorpusReadError("corpus.jsonl", 2, null, null, "truncated line"));
            yield return CorpusRecord.Of(Docs.Make("3", "road"));
            yield return CorpusRecord.Failed(new CorpusReadError("corpus.jsonl", 4, null, null, "line is not a JSON object"));
            await Task.CompletedTask;
        }
    }
}

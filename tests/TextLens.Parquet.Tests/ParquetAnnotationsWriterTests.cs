using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TextLens.Corpus;

namespace TextLens.Parquet.Tests;

public sealed class ParquetAnnotationsWriterTests : IDisposable
{
    private static readonly string[] Words = ["forces", "road", "separatists", "señor", "ереван"];
    private static readonly HashSet<string> DeclaredFacets = ["voice", "name", "label"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "textlens-parquet-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static TextLensPipeline Pipeline(params IAnalyzer[] extra)
    {
        var builder = new TextLensPipelineBuilder().AddFraming().AddAnalyzer(new FacetedWordAnalyzer(Words)).AddAnalyzer(new CountOnlyAnalyzer());
        foreach (var a in extra)
        {
            builder.AddAnalyzer(a);
        }

        return builder.Build();
    }

    private static List<TextDocument> Documents() =>
    [
        new("d1", "The separatists said \"forces moved up the road\" on Monday. Forces left the road.",
            new DocumentMetadata
            {
                Outlet = "Caspian Dispatch", Date = new DateOnly(2023, 9, 19), RawDate = "19/09/2023", Title = "Ti;tle", Url = "https://example.invalid/1",
                Fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["author"] = "Анна", ["section"] = "world" },
            },
            new DocumentOrigin("corpus.jsonl", Line: 1)),
        new("d-empty", "", new DocumentMetadata { Outlet = "Yerevan Herald" }, new DocumentOrigin("corpus.jsonl", Line: 2)),
        new("d3", "Ереван: «forces» and 😀 road — señor \"Separatists\" said.\nSecond line, road.",
            new DocumentMetadata { RawDate = "sometime in spring", Language = "en" }, new DocumentOrigin("archive.csv", Record: 4), DocumentIssues.DateUnparsed),
        new("d4", "No term here at all.", new DocumentMetadata { Outlet = "Caspian Dispatch", Date = new DateOnly(2024, 1, 2) }),
    ];

    /// <summary>Runs the pipeline over the corpus, writing Parquet and keeping every result for comparison.</summary>
    private async Task<List<DocumentResult>> RunAsync(TextLensPipeline pipeline, ICorpusSource corpus, int rowGroupRows = ParquetAnnotationsWriter.DefaultRowGroupRows)
    {
        var results = new List<DocumentResult>();
        await using var writer = new ParquetAnnotationsWriter(_dir, pipeline.Analyzers.Select(a => a.Descriptor), rowGroupRows);
        await pipeline.AnalyzeAsync(corpus, new AnalysisOptions
        {
            MaxDegreeOfParallelism = 2,
            Period = PeriodUnit.Month,
            OnDocument = async (r, ct) =>
            {
                results.Add(r);
                await writer.WriteAsync(r, ct);
            },
        });
        await writer.CompleteAsync();
        Assert.Equal(results.Count(r => !r.Skipped), writer.Documents);
        return results;
    }

    private string AnnotationsPath => Path.Combine(_dir, ParquetAnnotationsWriter.AnnotationsFileName);

    private string DocumentsPath => Path.Combine(_dir, ParquetAnnotationsWriter.DocumentsFileName);

    /// <summary>The rows <c>annotations.parquet</c> should hold for these results, built from the in-memory annotations.</summary>
    private static List<Dictionary<string, object?>> ExpectedAnnotationRows(IEnumerable<DocumentResult> results)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var r in results.Where(r => !r.Skipped))
        {
            var doc = r.Document!;
            for (var i = 0; i < r.Annotations.Count; i++)
            {
                var a = r.Annotations[i];
                if (a.Layer == "counts")
                {
                    continue;
                }

                rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["document_id"] = doc.Id, ["sequence"] = r.Sequence, ["group"] = r.Group, ["period"] = r.Period, ["date"] = doc.Metadata.Get("date"),
                    ["layer"] = a.Layer, ["category"] = a.Category, ["label"] = a.Label, ["start"] = a.Start, ["end"] = a.End,
                    ["text"] = doc.Text.Substring(a.Start, a.Length), ["sentence"] = r.AnnotationSentences[i], ["open_vocabulary"] = a.OpenVocabulary,
                    ["voice"] = a.Facet("voice"), ["name"] = a.Facet("name"), ["facet_label"] = a.Facet("label"),
                    ["facets"] = Canonical(a.Facets.Where(f => !DeclaredFacets.Contains(f.Key)).Select(f => (f.Key, f.Value)).ToList()),
                });
            }
        }

        return rows;
    }

    /// <summary>The rows as read, with the <c>facets</c> column parsed back into pairs.</summary>
    private static List<Dictionary<string, object?>> Decoded(ParquetRows file) =>
        file.Rows.Select(row =>
        {
            var copy = new Dictionary<string, object?>(row, StringComparer.Ordinal);
            copy["facets"] = row["facets"] is string s ? Canonical(ParseFacets(s)) : null;
            return copy;
        }).ToList();

    /// <summary>A text as UTF-8 keeps it: a half of a surrogate pair (a span cut inside an emoji) becomes U+FFFD.</summary>
    private static string AsUtf8(string s) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s));

    private static string? Canonical(List<(string Key, string Value)> pairs) =>
        pairs.Count == 0 ? null : string.Join("\u0001", pairs.Select(p => p.Key + "\u0002" + p.Value));

    /// <summary>Splits <c>k=v;k=v</c> at unescaped separators and removes the escapes.</summary>
    private static List<(string Key, string Value)> ParseFacets(string s)
    {
        var pairs = new List<(string, string)>();
        var key = new StringBuilder();
        var value = new StringBuilder();
        var current = key;
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '\\':
                    current.Append(s[++i]);
                    break;
                case '=' when current == key:
                    current = value;
                    break;
                case ';':
                    pairs.Add((key.ToString(), value.ToString()));
                    key.Clear();
                    value.Clear();
                    current = key;
                    break;
                default:
                    current.Append(s[i]);
                    break;
            }
        }

        pairs.Add((key.ToString(), value.ToString()));
        return pairs;
    }

    private static void AssertRowsEqual(List<Dictionary<string, object?>> expected, List<Dictionary<string, object?>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].OrderBy(p => p.Key, StringComparer.Ordinal), actual[i].OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task WriteAsync_PipelineRun_EveryAnnotationRowEqualsTheInMemoryAnnotation()
    {
        var docs = Documents();
        var results = await RunAsync(Pipeline(), new CorpusWithBrokenRecord(docs, brokenAt: 2));

        var file = await ParquetRows.ReadAsync(AnnotationsPath);

        var expected = ExpectedAnnotationRows(results);
        Assert.Contains(expected, r => (string?)r["layer"] == "framing");
        Assert.Contains(expected, r => (string?)r["text"] == "ереван".ToUpperInvariant()[..1] + "реван");
        Assert.Contains(expected, r => (string?)r["facets"] is not null && ((string)r["facets"]!).Contains("a;b=c\\d", StringComparison.Ordinal));
        AssertRowsEqual(expected, Decoded(file));
    }

    [Fact]
    public async Task WriteAsync_PipelineRun_SentencesAndNullsAreWrittenAsComputed()
    {
        var results = await RunAsync(Pipeline(), new InMemoryCorpus(Documents()));

        var rows = (await ParquetRows.ReadAsync(AnnotationsPath)).Rows.Where(r => (string?)r["layer"] == "words").ToList();

        Assert.Equal(
            [("d1", "separatists", 0, "authorial", null, "L-separatists"), ("d1", "forces", 0, "quoted", "forces", null), ("d1", "road", 0, "quoted", "road", null),
             ("d1", "forces", 1, "authorial", null, "L-forces"), ("d1", "road", 1, "authorial", null, "L-road"),
             ("d3", "ереван", 0, "authorial", null, "L-ереван"), ("d3", "forces", 0, "quoted", "forces", null), ("d3", "road", 0, "authorial", null, "L-road"),
             ("d3", "señor", 0, "authorial", null, "L-señor"), ("d3", "separatists", 0, "quoted", "Separatists", null), ("d3", "road", 1, "authorial", null, "L-road")],
            rows.Select(r => ((string)r["document_id"]!, (string)r["label"]!, (int)r["sentence"]!, (string?)r["voice"], (string?)r["name"], (string?)r["facet_label"])));
        Assert.All(rows.Where(r => (string)r["document_id"]! == "d3"), r => Assert.Equal("sometime in spring", r["date"]));
        Assert.All(rows.Where(r => (string)r["document_id"]! == "d3"), r => Assert.Equal("unknown", r["group"]));
        Assert.Equal([false, false, false, true, false], rows.Where(r => (string)r["document_id"]! == "d1").Select(r => (bool)r["open_vocabulary"]!));
        Assert.Single(results, r => r.Document!.Id == "d-empty" && r.Annotations.Count == 0);
    }

    [Fact]
    public async Task WriteAsync_AnalyzerWithoutAnnotationRows_WritesNoRowForItsLayerNorColumnForItsFacets()
    {
        var results = await RunAsync(Pipeline(), new InMemoryCorpus(Documents()));

        var file = await ParquetRows.ReadAsync(AnnotationsPath);

        Assert.Contains(results, r => r.Annotations.Any(a => a.Layer == "counts"));
        Assert.DoesNotContain(file.Rows, r => (string?)r["layer"] == "counts");
        Assert.DoesNotContain("size", file.Columns);
    }

    [Fact]
    public async Task WriteAsync_PipelineRun_DocumentRowsHoldOriginMetadataSizeFlagsAndFailures()
    {
        var results = await RunAsync(Pipeline(new FailingAnalyzer("señor")), new CorpusWithBrokenRecord(Documents(), brokenAt: 1));

        var file = await ParquetRows.ReadAsync(DocumentsPath);

        Assert.Equal(
            ["document_id", "sequence", "source", "line", "record", "group", "period", "date", "outlet", "title", "url", "tokens", "characters", "issues", "failures", "metadata"],
            file.Columns);
        Assert.Equal(["d1", "d-empty", "d3", "d4"], file.Rows.Select(r => (string)r["document_id"]!));
        Assert.Equal([0L, 2L, 3L, 4L], file.Rows.Select(r => (long)r["sequence"]!));
        var d1 = file.Rows[0];
        Assert.Equal(
            ("corpus.jsonl", (long?)1, (long?)null, "Caspian Dispatch", "2023-09", "2023-09-19", "Caspian Dispatch", "Ti;tle", "https://example.invalid/1", 14, 80, (string?)null, (string?)null),
            ((string?)d1["source"], (long?)d1["line"], (long?)d1["record"], (string?)d1["group"], (string?)d1["period"], (string?)d1["date"], (string?)d1["outlet"],
             (string?)d1["title"], (string?)d1["url"], (int)d1["tokens"]!, (int)d1["characters"]!, (string?)d1["issues"], (string?)d1["failures"]));
        Assert.Equal("""{"outlet":"Caspian Dispatch","date":"2023-09-19","date_as_written":"19/09/2023","title":"Ti;tle","url":"https://example.invalid/1","author":"Анна","section":"world"}""",
            d1["metadata"]);
        var d3 = file.Rows[2];
        Assert.Equal(("archive.csv", (long?)null, (long?)4, "unknown", "unknown", "sometime in spring", "DateUnparsed", "test.failing/1: InvalidOperationException: boom"),
            ((string?)d3["source"], (long?)d3["line"], (long?)d3["record"], (string?)d3["group"], (string?)d3["period"], (string?)d3["date"], (string?)d3["issues"], (string?)d3["failures"]));
        Assert.Equal("""{"date":"sometime in spring","language":"en"}""", d3["metadata"]);
        Assert.Equal("""{"outlet":"Yerevan Herald"}""", file.Rows[1]["metadata"]);
        Assert.Equal((0, 0), ((int)file.Rows[1]["tokens"]!, (int)file.Rows[1]["characters"]!));
        Assert.Equal(results.Where(r => !r.Skipped).Select(r => r.Tokens), file.Rows.Select(r => (int)r["tokens"]!));
    }

    [Fact]
    public async Task WriteAsync_MoreRowsThanOneGroup_WritesFullRowGroupsInCorpusOrder()
    {
        var docs = Enumerable.Range(0, 40).Select(i => new TextDocument($"doc-{i:D2}", string.Join(' ', Enumerable.Repeat("forces road", i % 4)) + " end.",
            new DocumentMetadata { Outlet = i % 2 == 0 ? "A" : "B" })).ToList();

        var results = await RunAsync(Pipeline(), new InMemoryCorpus(docs), rowGroupRows: 7);

        var annotations = await ParquetRows.ReadAsync(AnnotationsPath);
        var expected = ExpectedAnnotationRows(results);
        Assert.True(expected.Count > 3 * 7);
        Assert.Equal(Enumerable.Repeat(7L, expected.Count / 7).Append(expected.Count % 7).Where(n => n > 0), annotations.RowGroupSizes);
        AssertRowsEqual(expected, Decoded(annotations));
        var documents = await ParquetRows.ReadAsync(DocumentsPath);
        Assert.Equal([7L, 7, 7, 7, 7, 5], documents.RowGroupSizes);
        Assert.Equal(docs.Select(d => d.Id), documents.Rows.Select(r => (string)r["document_id"]!));
    }

    [Fact]
    public async Task DisposeAsync_WithoutComplete_DeletesTheTemporaryFiles()
    {
        var pipeline = Pipeline();
        var docs = Enumerable.Range(0, 30).Select(i => new TextDocument($"doc-{i}", "forces road forces road.")).ToList();
        await using (var writer = new ParquetAnnotationsWriter(_dir, pipeline.Analyzers.Select(a => a.Descriptor), rowGroupRows: 5))
        {
            await foreach (var r in pipeline.AnalyzeDocumentsAsync(new InMemoryCorpus(docs)))
            {
                await writer.WriteAsync(r);
            }

            Assert.True(writer.Annotations > 10);
            Assert.Equal(2, Directory.GetFiles(_dir).Length); // the two temporary files, row groups already in them
        }

        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task CompleteAsync_NoDocuments_WritesBothFilesWithTheirSchemaAndNoRows()
    {
        await RunAsync(Pipeline(), new InMemoryCorpus([]));

        var annotations = await ParquetRows.ReadAsync(AnnotationsPath);

        Assert.Equal(
            ["document_id", "sequence", "group", "period", "date", "layer", "category", "label", "start", "end", "text", "sentence", "open_vocabulary",
             "voice", "name", "facet_label", "facets"],
            annotations.Columns);
        Assert.Empty(annotations.Rows);
        Assert.Empty((await ParquetRows.ReadAsync(DocumentsPath)).Rows);
        Assert.Equal([ParquetAnnotationsWriter.AnnotationsFileName, ParquetAnnotationsWriter.DocumentsFileName], Directory.GetFiles(_dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task WriteAsync_AfterComplete_Throws()
    {
        await using var writer = new ParquetAnnotationsWriter(_dir, []);
        await writer.CompleteAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(new DocumentResult { Document = new TextDocument("x", "y") }).AsTask());
    }

    [Fact]
    public async Task WriteAsync_ResultsWithoutSentences_WritesNullSentence()
    {
        await using (var writer = new ParquetAnnotationsWriter(_dir, []))
        {
            await writer.WriteAsync(new DocumentResult { Document = new TextDocument("x", "abc"), Annotations = [new Annotation("l", 1, 2, "c", "b")] });
            await writer.CompleteAsync();
        }

        var row = Assert.Single((await ParquetRows.ReadAsync(AnnotationsPath)).Rows);
        Assert.Equal(("bc", null, "all", "all", null), ((string?)row["text"], row["sentence"], (string?)row["group"], (string?)row["period"], (string?)row["date"]));
    }

    [Fact]
    public void RandomAnnotations_RoundTripThroughTheFile()
    {
        var piece = Gen.Elements("a", "b", "Ж", "ş", "😀", ";", "=", "\\", " ", "é", "\"", "x");
        var text = piece.ArrayOf().Select(p => string.Concat(p));
        var key = Gen.Elements("voice", "name", "label", "note", "k;1", "a=b");
        var facets = Gen.Zip(key, text).ListOf().Select(l => l.DistinctBy(f => f.Item1).Select(f => new AnnotationFacet(f.Item1, f.Item2)).ToArray());
        var annotation =
            from layer in Gen.Elements("framing", "entity", "words")
            from category in text
            from label in text
            from start in Gen.Choose(0, 20)
            from length in Gen.Choose(0, 10)
            from open in Gen.Elements(true, false)
            from f in facets
            select (layer, category, label, start, length, open, f);
        var document =
            from body in text.Where(t => t.Length >= 30)
            from list in annotation.ListOf()
            from sentences in Gen.Elements(true, false)
            select (body, list.Select(a => new Annotation(a.layer, a.start, a.length, a.category, a.label) { OpenVocabulary = a.open, Facets = a.f }).ToArray(), sentences);
        var descriptors = new[] { new AnalyzerDescriptor("test.faceted", 1, "words") { Facets = [new("voice", FacetVocabulary.Closed), new("name", FacetVocabulary.Open), new("label", FacetVocabulary.Closed)] } };

        Prop.ForAll(document.ListOf().ToArbitrary(), docs =>
        {
            var dir = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
            var results = docs.Select((d, i) => new DocumentResult
            {
                Document = new TextDocument($"id-{i}-Ж😀", d.body),
                Sequence = i,
                Group = "g" + (i % 3),
                Annotations = d.Item2,
                AnnotationSentences = d.sentences ? d.Item2.Select((_, j) => j).ToArray() : [],
            }).ToList();
            using (var writer = new ParquetAnnotationsWriter(dir, descriptors, rowGroupRows: 4).AsDisposable())
            {
                foreach (var r in results)
                {
                    writer.Value.WriteAsync(r).AsTask().GetAwaiter().GetResult();
                }

                writer.Value.CompleteAsync().GetAwaiter().GetResult();
            }

            var rows = Decoded(ParquetRows.ReadAsync(Path.Combine(dir, ParquetAnnotationsWriter.AnnotationsFileName)).GetAwaiter().GetResult());
            var expected = results.SelectMany(r => r.Annotations.Select((a, j) => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["document_id"] = r.Document!.Id, ["sequence"] = r.Sequence, ["group"] = r.Group, ["period"] = "all", ["date"] = null,
                ["layer"] = a.Layer, ["category"] = a.Category, ["label"] = a.Label, ["start"] = a.Start, ["end"] = a.End,
                ["text"] = AsUtf8(r.Document.Text.Substring(a.Start, a.Length)), ["sentence"] = r.AnnotationSentences.Count > 0 ? j : null, ["open_vocabulary"] = a.OpenVocabulary,
                ["voice"] = a.Facet("voice"), ["name"] = a.Facet("name"), ["facet_label"] = a.Facet("label"),
                ["facets"] = Canonical(a.Facets.Where(f => !DeclaredFacets.Contains(f.Key)).Select(f => (f.Key, f.Value)).ToList()),
            })).ToList();
            AssertRowsEqual(expected, rows);
        }).QuickCheckThrowOnFailure();
    }
}

/// <summary>Throws on every document whose text contains a word.</summary>
internal sealed class FailingAnalyzer(string word) : IAnalyzer
{
    public AnalyzerDescriptor Descriptor { get; } = new("test.failing", 1, "failing");

    public void Analyze(AnalysisContext context)
    {
        if (context.Text.Contains(word, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("boom");
        }
    }
}

internal static class AsyncDisposableExtensions
{
    /// <summary>Disposes an async-disposable synchronously, for FsCheck properties (which run synchronously).</summary>
    public static SyncDisposable<T> AsDisposable<T>(this T value)
        where T : IAsyncDisposable => new(value);

    public readonly struct SyncDisposable<T>(T value) : IDisposable
        where T : IAsyncDisposable
    {
        public T Value { get; } = value;

        public void Dispose() => Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

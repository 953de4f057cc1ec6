using System.Diagnostics;
using Xunit.Abstractions;

namespace TextLens.Tests.Corpus;

/// <summary>Reads the third-party corpora in <c>../shared/data</c> (skipped when absent). Documents are counted as they
/// stream by, never held, as the engine would.</summary>
public sealed class SharedDataCorpusTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task JsonLines_BbcNews_Yields2225DocumentsAndNoErrors()
    {
        var path = SharedData.File("bbc-news/bbc_news.jsonl");

        var tally = await Tally.ReadAsync(CorpusSources.Open(path));

        Assert.Empty(tally.Errors);
        Assert.Equal(2225, tally.Documents);
        Assert.Equal(2225, tally.Ids.Count);
        Assert.Equal("business/001.txt", tally.First!.Id);
        Assert.Equal("BBC", tally.First.Metadata.Outlet);
        Assert.Equal("business", tally.First.Metadata.Get("category"));
        Assert.Equal(2225, tally.DatesAbsent); // every date is null
        output.WriteLine(tally.Describe(path));
    }

    [SharedDataFact]
    public async Task JsonLines_AllSidesGzip_Yields37554RecordsWithTheirIds()
    {
        var path = SharedData.File("allsides/allsides_articles.jsonl.gz");

        var tally = await Tally.ReadAsync(CorpusSources.Open(path));

        Assert.Empty(tally.Errors);
        Assert.Equal(37554, tally.Documents);
        Assert.Equal(37554, tally.Ids.Count);
        var first = tally.First!;
        Assert.Equal("004Gt3gcsotuiYmz", first.Id);
        Assert.Equal("New York Times - News", first.Metadata.Outlet);
        Assert.Equal(new DateOnly(2016, 9, 20), first.Metadata.Date);
        Assert.StartsWith("http://www.nytimes.com/2016/09/20/nyregion/ahmad-khan-rahami-bombing-suspect.html", first.Metadata.Url);
        Assert.Equal("www.nytimes.com", first.Metadata.Fields["source_url"]);
        Assert.Equal("0", first.Metadata.Fields["bias"]);
        Assert.Equal("left", first.Metadata.Fields["bias_text"]);

        output.WriteLine($"allsides dates: {tally.DatesParsed} parsed ({tally.UsDatesParsed} of them US m/d/yy), {tally.DatesUnparsed} unparsed, " +
                         $"{tally.DatesAbsent} empty; {100.0 * tally.DatesParsed / (tally.DatesParsed + tally.DatesUnparsed):F2}% of the non-empty dates parsed");
        foreach (var (id, raw) in tally.UnparsedDates)
        {
            output.WriteLine($"  unparsed date of {id}: '{raw}'");
        }

        // 33,110 ISO dates and 37 US m/d/yy dates; the two unparsed ones are the placeholder 0001-11-30.
        Assert.Equal(33145, tally.DatesParsed);
        Assert.Equal(37, tally.UsDatesParsed);
        Assert.Equal(2, tally.DatesUnparsed);
        Assert.Equal(["0001-11-30", "0001-11-30"], tally.UnparsedDates.Select(u => u.Raw));
        Assert.Equal(4407, tally.DatesAbsent);
        output.WriteLine(tally.Describe(path));
    }

    [SharedDataFact]
    public async Task JsonLines_OtherSharedCorpora_ReadWithoutErrors()
    {
        foreach (var (file, count) in new[]
                 {
                     ("ukraine-war/ukraine_war_news.jsonl", 6744),
                     ("polnear/polnear_docs.jsonl", 924),
                     ("conll2003/conll2003_testa_docs.jsonl", 216),
                 })
        {
            var path = SharedData.File(file);

            var tally = await Tally.ReadAsync(CorpusSources.Open(path));

            Assert.Empty(tally.Errors);
            Assert.Equal(count, tally.Documents);
            Assert.Equal(count, tally.Ids.Count);
            Assert.Equal(0, tally.DatesUnparsed);
            output.WriteLine(tally.Describe(path));
        }
    }

    private sealed class Tally
    {
        public List<CorpusReadError> Errors { get; } = [];

        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public List<(string Id, string Raw)> UnparsedDates { get; } = [];

        public TextDocument? First { get; private set; }

        public int Documents { get; private set; }

        public long Characters { get; private set; }

        public int DatesParsed { get; private set; }

        public int UsDatesParsed { get; private set; }

        public int DatesUnparsed { get; private set; }

        public int DatesAbsent { get; private set; }

        public TimeSpan Elapsed { get; private set; }

        public static async Task<Tally> ReadAsync(ICorpusSource source)
        {
            var tally = new Tally();
            var stopwatch = Stopwatch.StartNew();
            await foreach (var record in source.ReadAsync())
            {
                if (record.Error is { } error)
                {
                    tally.Errors.Add(error);
                    continue;
                }

                var document = record.Document!;
                tally.First ??= document;
                tally.Documents++;
                tally.Characters += document.Text.Length;
                tally.Ids.Add(document.Id);
                if (document.Metadata.Date is not null)
                {
                    tally.DatesParsed++;
                    tally.UsDatesParsed += document.Metadata.RawDate!.Contains('/', StringComparison.Ordinal) ? 1 : 0;
                }
                else if (document.Issues.HasFlag(DocumentIssues.DateUnparsed))
                {
                    tally.DatesUnparsed++;
                    tally.UnparsedDates.Add((document.Id, document.Metadata.RawDate!));
                }
                else
                {
                    Assert.Null(document.Metadata.RawDate);
                    tally.DatesAbsent++;
                }
            }

            tally.Elapsed = stopwatch.Elapsed;
            return tally;
        }

        public string Describe(string path) =>
            $"{Path.GetFileName(path)}: {Documents} documents, {Errors.Count} errors, {Characters / 1e6:F1} M chars in " +
            $"{Elapsed.TotalSeconds:F2} s ({Characters / 1e6 / Elapsed.TotalSeconds:F0} M chars/s, " +
            $"{new FileInfo(path).Length / 1e6 / Elapsed.TotalSeconds:F0} MB/s of file)";
    }
}

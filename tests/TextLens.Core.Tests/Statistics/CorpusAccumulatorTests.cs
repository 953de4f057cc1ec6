using FsCheck;
using FsCheck.Fluent;
using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens.Tests.Statistics;

public class CorpusAccumulatorTests
{
    private static readonly string[] Labels = ["separatists", "forces", "offensive", "operation"];
    private static readonly string[] Groups = ["A", "B", "C"];

    private static Gen<DocumentResult> ResultGen(int seq) =>
        from g in Gen.Elements(Groups)
        from p in Gen.Elements("2023-09", "2023-10", "unknown")
        from n in Gen.Choose(0, 6)
        from labels in Gen.Elements(Labels).ArrayOf(n)
        from voice in Gen.Elements("quoted", "authorial").ArrayOf(n)
        from tokens in Gen.Choose(1, 500)
        from skipped in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select skipped
            ? new DocumentResult { Sequence = seq, ReadError = new TextLens.Corpus.CorpusReadError("f.jsonl", seq, null, null, "bad") }
            : new DocumentResult
            {
                Sequence = seq,
                Document = new TextDocument($"d{seq}", new string('x', tokens)),
                Group = g,
                Period = p,
                Tokens = tokens,
                Annotations = labels.Select((l, i) => new Annotation("framing", 0, 1, l.Length > 7 ? "long" : "short", l)
                {
                    Facets = [new AnnotationFacet("voice", voice[i])],
                }).ToArray(),
                DocumentFacets = labels.Length > 3 ? [new AnnotationFacet("byline", "Jane Doe")] : [],
            };

    private static readonly Arbitrary<(DocumentResult[] Docs, int[] Shards, int Seed)> Runs =
        (from n in Gen.Choose(0, 40)
         from docs in Gen.CollectToArray(Enumerable.Range(0, n).Select(ResultGen))
         from shards in Gen.Choose(0, 4).ArrayOf(n)
         from seed in Gen.Choose(0, 1000)
         select (docs, shards, seed)).ToArbitrary();

    private static string Render(CorpusAccumulator acc) =>
        ReportWriter.ToJson(new CorpusReport
        {
            Manifest = new ReportManifest { TextLensVersion = "t", Source = "s", Period = "month", Counts = acc.ToStatistics("outlet", PeriodUnit.Month).Counts, Errors = acc.ToStatistics("outlet", PeriodUnit.Month).Errors },
            Corpus = acc.ToStatistics("outlet", PeriodUnit.Month).Corpus,
            Labels = acc.ToStatistics("outlet", PeriodUnit.Month).Labels,
            Facets = acc.ToStatistics("outlet", PeriodUnit.Month).Facets,
            DocumentFacets = acc.ToStatistics("outlet", PeriodUnit.Month).DocumentFacets,
        });

    [Fact]
    public void Merge_AnyShardingAndOrder_GivesTheSameStatisticsAsOneAccumulator()
    {
        var property = Prop.ForAll(Runs, run =>
        {
            var single = new CorpusAccumulator();
            foreach (var d in run.Docs)
            {
                single.Add(d);
            }

            var shards = Enumerable.Range(0, 5).Select(_ => new CorpusAccumulator()).ToArray();
            var rng = new Random(run.Seed);
            foreach (var i in Enumerable.Range(0, run.Docs.Length).OrderBy(_ => rng.Next()))
            {
                shards[run.Shards[i]].Add(run.Docs[i]);
            }

            // ((s0 + s1) + (s2 + s3)) + s4, merged in a shuffled order: associativity and commutativity.
            var order = Enumerable.Range(0, 5).OrderBy(_ => rng.Next()).ToArray();
            var left = new CorpusAccumulator();
            left.Merge(shards[order[0]]);
            left.Merge(shards[order[1]]);
            var right = new CorpusAccumulator();
            right.Merge(shards[order[2]]);
            right.Merge(shards[order[3]]);
            left.Merge(right);
            left.Merge(shards[order[4]]);

            return Render(single) == Render(left);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Fact]
    public void Add_LabelTwiceInOneDocument_CountsTwoMentionsOneDocument()
    {
        var acc = new CorpusAccumulator();
        acc.Add(new DocumentResult
        {
            Document = new TextDocument("d", "separatists separatists"),
            Group = "A",
            Period = "all",
            Tokens = 2,
            Annotations = [new Annotation("framing", 0, 11, "armed", "separatists"), new Annotation("framing", 12, 11, "armed", "separatists")],
        });

        var stats = acc.ToStatistics("outlet", PeriodUnit.None);

        Assert.Equal(
            [new LabelStatistic("all", "all", "framing", "armed", "separatists", 2, 1, 10_000, 1), new LabelStatistic("A", "all", "framing", "armed", "separatists", 2, 1, 10_000, 1)],
            stats.Labels);
    }

    [Fact]
    public void ToStatistics_FacetShares_AreOfTheLabelsMentions()
    {
        var acc = new CorpusAccumulator();
        acc.Add(new DocumentResult
        {
            Document = new TextDocument("d", "text"),
            Group = "all",
            Period = "all",
            Tokens = 100,
            Annotations =
            [
                new Annotation("framing", 0, 1, "c", "x") { Facets = [new AnnotationFacet("voice", "quoted")] },
                new Annotation("framing", 0, 1, "c", "x") { Facets = [new AnnotationFacet("voice", "authorial")] },
                new Annotation("framing", 0, 1, "c", "x") { Facets = [new AnnotationFacet("voice", "authorial")] },
                new Annotation("framing", 0, 1, "c", "y"),
            ],
        });

        var stats = acc.ToStatistics(null, PeriodUnit.None);

        Assert.Equal(
            [new FacetStatistic("all", "all", "framing", "c", "x", "voice", "authorial", 2, 2 / 3.0), new FacetStatistic("all", "all", "framing", "c", "x", "voice", "quoted", 1, 1 / 3.0)],
            stats.Facets);
        Assert.Equal([0.75, 0.25], stats.Labels.Select(l => l.ShareInCategory));
    }

    [Theory]
    [InlineData(PeriodUnit.None, "all")]
    [InlineData(PeriodUnit.Day, "2023-01-01")]
    [InlineData(PeriodUnit.Week, "2022-W52")]
    [InlineData(PeriodUnit.Month, "2023-01")]
    [InlineData(PeriodUnit.Year, "2023")]
    public void PeriodKey_Of_NamesThePeriodIsoStyle(PeriodUnit unit, string expected) =>
        Assert.Equal(expected, PeriodKey.Of(new DateOnly(2023, 1, 1), unit));

    [Fact]
    public void PeriodKey_Of_NoDate_IsUnknown() => Assert.Equal("unknown", PeriodKey.Of(null, PeriodUnit.Month));
}

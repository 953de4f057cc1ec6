using FsCheck;
using FsCheck.Fluent;
using TextLens.Corpus;
using TextLens.Reports;
using TextLens.Text;
using TextLens.Vocabulary;

namespace TextLens.Tests.Vocabulary;

/// <summary>The vocabulary analyzer: one annotation per word (and bigram), folded keys, exact counts for any thread count.</summary>
public sealed class VocabularyAnalyzerTests
{
    private static List<Annotation> Annotate(string text, VocabularyOptions? options = null)
    {
        var context = new AnalysisContext(DocumentParser.Default.Parse(new TextDocument("d", text)));
        new VocabularyAnalyzer(options ?? new VocabularyOptions()).Analyze(context);
        return context.Annotations.ToList();
    }

    [Fact]
    public void Analyze_Words_OneAnnotationPerWordWithItsCaseFoldedKeyAndNoNumbersOrPunctuation()
    {
        var annotations = Annotate("Kyiv said: KYIV, 24 Feb. Baku’s anti-terrorist push!");
        Assert.Equal(["kyiv", "said", "kyiv", "feb.", "baku", "anti-terrorist", "push"], annotations.Select(a => a.Label));
        Assert.All(annotations, a => Assert.Equal(("vocabulary", "word", true), (a.Layer, a.Category, a.OpenVocabulary)));
        Assert.Equal((0, 4), (annotations[0].Start, annotations[0].Length));
    }

    [Fact]
    public void Analyze_Bigrams_AdjacentWordsJoinedByOneSpaceButNotAcrossPunctuation()
    {
        var bigrams = Annotate("Ethnic cleansing, ethnic  Armenians.", new VocabularyOptions { Bigrams = true })
            .Where(a => a.Category == "bigram").ToList();
        Assert.Equal(["ethnic cleansing", "ethnic armenians"], bigrams.Select(a => a.Label));
        Assert.Equal((18, 17), (bigrams[1].Start, bigrams[1].Length));
    }

    [Fact]
    public void Analyze_FoldDiacritics_CountsBothSpellingsUnderOneKeyOnlyWhenAsked()
    {
        Assert.Equal(["şuşa", "susa"], Annotate("Şuşa Susa").Select(a => a.Label));
        Assert.Equal(["susa", "susa"], Annotate("Şuşa Susa", new VocabularyOptions { FoldDiacritics = true }).Select(a => a.Label));
    }

    [Fact]
    public void Analyze_RepeatedWord_ReusesOneLabelString()
    {
        var annotations = Annotate("donbas donbas Donbas", new VocabularyOptions { Bigrams = true });
        var words = annotations.Where(a => a.Category == "word").ToList();
        Assert.Equal(3, words.Count);
        Assert.Same(words[0].Label, words[1].Label);
        Assert.Same(words[0].Label, words[2].Label);
        Assert.Same(annotations.First(a => a.Category == "bigram").Label, annotations.Last(a => a.Category == "bigram").Label);
    }

    [Fact]
    public void Descriptor_WritesNoAnnotationRowsAndRecordsItsOptions()
    {
        var d = new VocabularyAnalyzer(new VocabularyOptions { Bigrams = true }).Descriptor;
        Assert.Equal(("textlens.vocabulary/1", "vocabulary", false), (d.VersionedId, d.Layer, d.WritesAnnotationRows));
        Assert.Equal("true", d.Options["bigrams"]);
        Assert.Equal("false", d.Options["foldDiacritics"]);
    }

    [Fact]
    public void VocabularyLabels_CollidingSlot_GivesTheRightLabelEveryTime()
    {
        var labels = new VocabularyLabels();
        // Same hash, different keys: the slot is taken over, never mistaken.
        Assert.Equal("kiev", labels.Word("kiev", 7));
        Assert.Equal("kyiv", labels.Word("kyiv", 7));
        Assert.Equal("kiev", labels.Word("kiev", 7));
        Assert.Equal("kyiv kiev", labels.Bigram("kyiv", 7, "kiev", 7));
        Assert.Equal("kyi vkiev", labels.Bigram("kyi", 7, "vkiev", 7));
    }

    [Fact]
    public void AnalyzeAsync_AnyThreadCount_GivesTheCountsOfANaiveWordCount()
    {
        // Property: counts per group and word are exact (the engine's merge of worker accumulators loses nothing).
        string[] words = ["Kyiv", "kiev", "Donbas", "donbass", "the", "forces", "Şuşa"];
        var documents = Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(
            Gen.Choose(1, 15).SelectMany(k => Gen.ArrayOf(Gen.Elements(words), k)).SelectMany(ws => Gen.Elements("A", "B").Select(g => (Group: g, Words: ws))), n));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), Prop.ForAll(Arb.From(documents), docs =>
        {
            var corpus = docs.Select((d, i) => new TextDocument($"d{i}", string.Join(" ", d.Words) + ".", new DocumentMetadata { Outlet = d.Group })).ToList();
            var expected = docs.SelectMany(d => d.Words.Select(w => (d.Group, Label: w.ToLowerInvariant())))
                .GroupBy(x => x).Select(x => (x.Key.Group, x.Key.Label, (long)x.Count())).Order().ToList();
            var pipeline = new TextLensPipelineBuilder().AddVocabulary().Build();
            foreach (var threads in new[] { 1, 2, 4 })
            {
                var report = pipeline.AnalyzeAsync(new InMemoryCorpus(corpus), new AnalysisOptions { MaxDegreeOfParallelism = threads }).GetAwaiter().GetResult();
                var actual = report.Labels.Where(l => l.Layer == "vocabulary" && l.Period == "all" && l.Group != "all")
                    .Select(l => (l.Group, l.Label, l.Mentions)).Order().ToList();
                Assert.Equal(expected, actual);
            }
        }));
    }
}

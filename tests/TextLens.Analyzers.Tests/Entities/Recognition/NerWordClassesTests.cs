using FsCheck;
using FsCheck.Fluent;
using TextLens.Entities.Recognition;

namespace TextLens.Tests.Entities.Recognition;

/// <summary>The word classes of the cluster features: packing, lookup, validation.</summary>
public sealed class NerWordClassesTests
{
    [Fact]
    public void Pack_KeepsEachClassInItsOwnBits()
    {
        var v = NerWordClasses.Pack(1023, 255, 63, 3);
        Assert.Equal(1023, NerWordClasses.Fine(v));
        Assert.Equal(255, NerWordClasses.Middle(v));
        Assert.Equal(63, NerWordClasses.Coarse(v));
        Assert.Equal(3, NerWordClasses.Capitalisation(v));
        var w = NerWordClasses.Pack(5, 2, 1, 0);
        Assert.Equal((5, 2, 1, 0), (NerWordClasses.Fine(w), NerWordClasses.Middle(w), NerWordClasses.Coarse(w), NerWordClasses.Capitalisation(w)));
    }

    [Fact]
    public void Pack_RoundTripsEveryValidCombination()
    {
        var classes = Gen.Choose(0, 1023).SelectMany(f => Gen.Choose(0, 255).SelectMany(m => Gen.Choose(0, 63).SelectMany(c => Gen.Choose(0, 3).Select(k => (f, m, c, k)))));
        Prop.ForAll(classes.ToArbitrary(), t =>
        {
            var v = NerWordClasses.Pack(t.f, t.m, t.c, t.k);
            return v != 0 && NerWordClasses.Fine(v) == t.f && NerWordClasses.Middle(v) == t.m && NerWordClasses.Coarse(v) == t.c && NerWordClasses.Capitalisation(v) == t.k;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(1024, 0, 0, 0)]
    [InlineData(0, 256, 0, 0)]
    [InlineData(0, 0, 64, 0)]
    [InlineData(0, 0, 0, 4)]
    [InlineData(-1, 0, 0, 0)]
    public void Pack_RefusesOutOfRangeClasses(int fine, int middle, int coarse, int capitalisation) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NerWordClasses.Pack(fine, middle, coarse, capitalisation));

    [Fact]
    public void ValueOf_FindsTheWordsLowerAtomAndZeroForOthers()
    {
        var london = NerFeatures.LowerAtom("london");
        var monday = NerFeatures.LowerAtom("monday");
        var (a, b) = london < monday ? (london, monday) : (monday, london);
        var classes = new NerWordClasses([a, b], [NerWordClasses.Pack(a == london ? 7 : 9, 1, 0, 3), NerWordClasses.Pack(b == london ? 7 : 9, 1, 0, 3)]);

        Assert.Equal(7, NerWordClasses.Fine(classes.ValueOf(NerFeatures.LowerAtom("LONDON"))));
        Assert.Equal(9, NerWordClasses.Fine(classes.ValueOf(NerFeatures.LowerAtom("Monday"))));
        Assert.Equal(0u, classes.ValueOf(NerFeatures.LowerAtom("Paris")));
        Assert.Equal(0u, NerWordClasses.Empty.ValueOf(london));
    }

    [Fact]
    public void ModelFile_RoundTripsTheWordClassesItWasTrainedWith()
    {
        var atoms = new[] { "paris", "vienna", "karimli" }.Select(w => NerFeatures.LowerAtom(w)).Order().ToArray();
        var classes = new NerWordClasses(atoms, [.. atoms.Select((_, i) => NerWordClasses.Pack(i, i, 0, 2))]);
        var trainer = new PerceptronTrainer(10, NerLexicon.Empty, classes);
        var doc = NerTestData.Parse("Mr Karimli visited Paris .");
        trainer.Add(doc.Text, doc.Tokens, [0, NerTagSet.Begin(0), 0, NerTagSet.Begin(1), 0]);
        trainer.Epoch(1);

        var read = NerModel.Read(trainer.ToModel(new Dictionary<string, string>()).ToBytes(), "round-trip");

        Assert.Equal(atoms, read.WordClasses.Keys.ToArray());
        Assert.Equal(classes.Values.ToArray(), read.WordClasses.Values.ToArray());
    }

    [Fact]
    public void Constructor_RefusesUnsortedKeysAndUnpackedValues()
    {
        Assert.Throws<ArgumentException>(() => new NerWordClasses([2, 1], [NerWordClasses.Pack(0, 0, 0, 0), NerWordClasses.Pack(0, 0, 0, 0)]));
        Assert.Throws<ArgumentException>(() => new NerWordClasses([1], [5]));
        Assert.Throws<ArgumentException>(() => new NerWordClasses([1, 2], [NerWordClasses.Pack(0, 0, 0, 0)]));
    }
}

/// <summary>The prediction history of a document.</summary>
public sealed class NerDocumentMemoryTests
{
    private static readonly uint Kohl = NerFeatures.LowerAtom("Kohl");

    [Fact]
    public void Recall_LowerCaseWordsHaveNoHistoryAndNewWordsAreUnseen()
    {
        var memory = new NerDocumentMemory();
        Assert.Equal(NerDocumentMemory.NotCapitalised, memory.Recall(Kohl, capitalised: false));
        Assert.Equal(NerDocumentMemory.Unseen, memory.Recall(Kohl, capitalised: true));
    }

    [Fact]
    public void Recall_GivesTheMostFrequentCategoryAndMarksMixedHistories()
    {
        var memory = new NerDocumentMemory();
        memory.Record(Kohl, true, NerTagSet.Begin(0)); // PER
        Assert.Equal(2u + 1, memory.Recall(Kohl, true));
        memory.Record(Kohl, true, NerTagSet.Inside(0));
        memory.Record(Kohl, true, NerTagSet.Begin(2)); // ORG once
        Assert.Equal(2u + 1 + 5, memory.Recall(Kohl, true));
        memory.Record(Kohl, false, NerTagSet.Begin(2)); // not capitalised: not remembered
        Assert.Equal(2u + 1 + 5, memory.Recall(Kohl, true));
    }

    [Fact]
    public void Clear_ForgetsTheDocument()
    {
        var memory = new NerDocumentMemory();
        memory.Record(Kohl, true, NerTagSet.Outside);
        Assert.Equal(2u, memory.Recall(Kohl, true));
        memory.Clear();
        Assert.Equal(NerDocumentMemory.Unseen, memory.Recall(Kohl, true));
    }

    [Fact]
    public void Record_StopsRememberingNewWordsWhenHalfFullAndKeepsCountingKnownOnes()
    {
        var memory = new NerDocumentMemory();
        for (uint w = 1; w <= 600; w++)
        {
            memory.Record(w * 7919, true, NerTagSet.Begin(1));
        }

        Assert.Equal(2u + 2, memory.Recall(7919, true));
        Assert.Equal(NerDocumentMemory.Unseen, memory.Recall(600 * 7919, true));
        var before = GC.GetAllocatedBytesForCurrentThread();
        memory.Record(7919, true, NerTagSet.Begin(1));
        memory.Clear();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

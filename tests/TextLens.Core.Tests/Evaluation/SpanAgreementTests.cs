using TextLens.Evaluation;

namespace TextLens.Tests.Evaluation;

public class SpanAgreementTests
{
    private static readonly CodedSpan[] Gold =
    [
        new("d1", 0, 10, "framing", "separatists"),
        new("d1", 20, 30, "framing", "separatists"),
        new("d1", 40, 50, "framing", "armenian-forces"),
        new("d2", 5, 9, "framing", "separatists"),
    ];

    private static readonly CodedSpan[] Found =
    [
        new("d1", 0, 10, "framing", "separatists"),       // exact hit
        new("d1", 22, 34, "framing", "separatists"),      // overlaps the second gold span
        new("d1", 40, 50, "framing", "separatists"),      // right place, wrong label
        new("d2", 5, 9, "entity", "separatists"),          // other layer: never matches
    ];

    [Fact]
    public void Score_Exact_CountsOnlyIdenticalSpans()
    {
        var scores = SpanAgreement.Score(Gold, Found, SpanMatch.Exact);

        Assert.Equal(new PrecisionRecall(1, 2, 2), scores.Labels.Single(l => l is { Layer: "framing", Label: "separatists" }).Counts);
        Assert.Equal(new PrecisionRecall(0, 0, 1), scores.Labels.Single(l => l.Label == "armenian-forces").Counts);
        Assert.Equal(new PrecisionRecall(0, 1, 0), scores.Labels.Single(l => l.Layer == "entity").Counts);
        Assert.Equal(new PrecisionRecall(1, 3, 3), scores.Micro);
        Assert.Equal(0.25, scores.Micro.Precision, 12);
    }

    [Fact]
    public void Score_Overlap_CountsSharedCharacters()
    {
        var scores = SpanAgreement.Score(Gold, Found, SpanMatch.Overlap);

        Assert.Equal(new PrecisionRecall(2, 1, 1), scores.Labels.Single(l => l is { Layer: "framing", Label: "separatists" }).Counts);
        Assert.Equal(["d1:40-50 armenian-forces", "d2:5-9 separatists"], scores.Misses.Select(Describe));
        Assert.Equal(["d1:40-50 separatists", "d2:5-9 separatists"], scores.FalseHits.Select(Describe));
    }

    [Fact]
    public void Score_Macro_IsTheMeanOfTheLabels()
    {
        var scores = SpanAgreement.Score(Gold, Found, SpanMatch.Overlap);

        // framing/armenian-forces P 0 R 0; framing/separatists P 2/3 R 2/3; entity/separatists P 0 R 0.
        Assert.Equal(3, scores.Labels.Count);
        Assert.Equal((2.0 / 3) / 3, scores.MacroPrecision, 12);
        Assert.Equal((2.0 / 3) / 3, scores.MacroRecall, 12);
        Assert.Equal((2.0 / 3) / 3, scores.MacroF1, 12);
    }

    [Fact]
    public void Score_OverlapOneToOne_LongestSharedTextWins()
    {
        CodedSpan[] gold = [new("d", 0, 10, "x", "a"), new("d", 8, 20, "x", "a")];
        CodedSpan[] found = [new("d", 5, 18, "x", "a")];

        var scores = SpanAgreement.Score(gold, found, SpanMatch.Overlap);

        Assert.Equal(new PrecisionRecall(1, 0, 1), scores.Micro);
        Assert.Equal(0, scores.Misses.Single().Start);
    }

    [Fact]
    public void Score_DuplicateFoundSpan_CountsOnceAsHitAndOnceAsFalseHit()
    {
        CodedSpan[] gold = [new("d", 0, 4, "x", "a")];
        CodedSpan[] found = [new("d", 0, 4, "x", "a"), new("d", 0, 4, "x", "a")];

        Assert.Equal(new PrecisionRecall(1, 1, 0), SpanAgreement.Score(gold, found, SpanMatch.Exact).Micro);
    }

    [Fact]
    public void Score_NothingAtAll_IsZeroWithoutLabels()
    {
        var scores = SpanAgreement.Score([], [], SpanMatch.Exact);

        Assert.Empty(scores.Labels);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (scores.Micro.F1, scores.MacroPrecision, scores.MacroRecall, scores.MacroF1));
    }

    [Fact]
    public void Confusion_WrongLabelAtTheRightPlace_CountsInTheOffDiagonalCell()
    {
        var table = SpanAgreement.Confusion(Gold, Found, SpanMatch.Overlap);

        Assert.Equal(["armenian-forces", "separatists", ConfusionTable.None], table.Labels);
        Assert.Equal(
            [("armenian-forces", "separatists", 1), ("separatists", "separatists", 2), ("separatists", ConfusionTable.None, 1), (ConfusionTable.None, "separatists", 1)],
            table.Cells);
    }

    [Fact]
    public void Confusion_SameLabelPreferredOverLongerOverlap()
    {
        CodedSpan[] gold = [new("d", 0, 10, "x", "a")];
        CodedSpan[] found = [new("d", 0, 10, "x", "b"), new("d", 2, 6, "x", "a")];

        var table = SpanAgreement.Confusion(gold, found, SpanMatch.Overlap);

        Assert.Equal(1, table.Count("a", "a"));
        Assert.Equal(1, table.Count(ConfusionTable.None, "b"));
    }

    private static string Describe(CodedSpan s) => $"{s.DocumentId}:{s.Start}-{s.End} {s.Label}";
}

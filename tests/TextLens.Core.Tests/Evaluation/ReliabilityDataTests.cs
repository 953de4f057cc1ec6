using TextLens.Evaluation;

namespace TextLens.Tests.Evaluation;

public class ReliabilityDataTests
{
    private static readonly DocumentCode[] Codes =
    [
        new("d1", "separatists", 1, "ana"), new("d1", "separatists", 1, "ben"), new("d1", "separatists", 1, "textlens"),
        new("d2", "separatists", 0, "ana"), new("d2", "separatists", 1, "ben"), new("d2", "separatists", 0, "textlens"),
        new("d3", "separatists", 1, "ana"), new("d3", "separatists", 1, "ben"),
        new("d1", "terrorists", 0, "ana"), new("d1", "terrorists", 0, "ben"), new("d1", "terrorists", 1, "textlens"),
        new("d2", "terrorists", 1, "ana"), new("d2", "terrorists", 1, "textlens"),
    ];

    [Fact]
    public void FromCodes_ArrangesUnitsAndCodersInOrderOfAppearance()
    {
        var data = ReliabilityData.FromCodes(Codes);

        Assert.Equal(["ana", "ben", "textlens"], data.Coders);
        Assert.Equal([("d1", "separatists"), ("d2", "separatists"), ("d3", "separatists"), ("d1", "terrorists"), ("d2", "terrorists")], data.Units);
        Assert.Null(data.Value(2, "textlens"));
        Assert.Equal(["separatists", "terrorists"], data.Labels);
    }

    [Fact]
    public void Alpha_TwoCoders_EqualsAlphaOfTheirColumns()
    {
        var data = ReliabilityData.FromCodes(Codes);
        double?[][] units = [[1, 1], [0, 0], [1, null], [0, 1], [1, 1]];

        Assert.Equal(KrippendorffAlpha.Compute(units, AgreementMetric.Nominal), data.Alpha(AgreementMetric.Nominal, ["ana", "textlens"]), 12);
    }

    [Fact]
    public void Kappa_OneLabel_UsesOnlyUnitsBothCoded()
    {
        var data = ReliabilityData.FromCodes(Codes);

        // separatists: ana/ben agree on d1 and d3, differ on d2: po = 2/3, pe = (2·3 + 1·0)/9 = 2/3 → κ = 0.
        Assert.Equal(0.0, data.Kappa("ana", "ben", "separatists"), 12);
        Assert.Equal(3, data.PairedUnits("ana", "ben", "separatists"));
        Assert.Equal(2, data.PairedUnits("ana", "textlens", "separatists"));
    }

    [Fact]
    public void FromCodes_ConflictingValuesOfOneCoder_NamesBothOrigins()
    {
        DocumentCode[] codes =
        [
            new("d1", "separatists", 1, "ana") { Origin = "gold.csv:2" },
            new("d1", "separatists", 0, "ana") { Origin = "gold.csv:7" },
        ];

        var e = Assert.Throws<ArgumentException>(() => ReliabilityData.FromCodes(codes));

        Assert.StartsWith("gold.csv:7: coder 'ana' coded document 'd1' label 'separatists' 0 here and 1 at gold.csv:2.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alpha_UnknownCoder_Throws() =>
        Assert.Throws<ArgumentException>(() => ReliabilityData.FromCodes(Codes).Alpha(AgreementMetric.Nominal, ["nobody"]));
}

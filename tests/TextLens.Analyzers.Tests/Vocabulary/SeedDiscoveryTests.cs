using TextLens.Text;
using TextLens.Vocabulary;

namespace TextLens.Tests.Vocabulary;

/// <summary>Discovery of competing labels from seeds on small self-written texts.</summary>
public sealed class SeedDiscoveryTests
{
    private static ParsedDocument Parse(string text) => DocumentParser.Default.Parse(new TextDocument("d", text));

    [Fact]
    public void Candidates_SpellingOneGroupUsesInTheSeedsContexts_RanksFirst()
    {
        var discovery = new SeedDiscovery(["kyiv"], new SeedDiscoveryOptions { MinCount = 2, MinPreferenceZ = 0, PriorStrength = 10 });
        for (var i = 0; i < 20; i++)
        {
            discovery.Add(Parse("Officials in Kyiv said the talks would resume. The mayor of Kyiv met reporters. Trains to Lviv ran late."), "West");
            discovery.Add(Parse("Officials in Kiev said the talks would resume. The mayor of Kiev met reporters. Trains to Lviv ran late."), "East");
        }

        var candidates = discovery.Candidates(3);
        Assert.Equal("kiev", candidates[0].Term);
        Assert.Equal(("East", 40L), (candidates[0].PreferredBy, candidates[0].Count));
        Assert.Equal(1.0, candidates[0].Divergence, 9); // used only where the seed is not
        Assert.DoesNotContain(candidates, c => c.Term == "kyiv");
        Assert.Equal(40, discovery.SeedOccurrences);
    }

    [Fact]
    public void JensenShannon_SameAndDisjointDistributions_AreZeroAndOne()
    {
        Assert.Equal(0, SeedDiscovery.JensenShannon([0.5, 0.5], [0.5, 0.5]), 12);
        Assert.Equal(1, SeedDiscovery.JensenShannon([1, 0], [0, 1]), 12);
        // p = (1, 0), q = (0.5, 0.5): m = (0.75, 0.25); ½·log2(1/0.75) + ½·(0.5·log2(0.5/0.75) + 0.5·log2(0.5/0.25)) = 0.311278.
        Assert.Equal(0.31127812445913283, SeedDiscovery.JensenShannon([1, 0], [0.5, 0.5]), 12);
    }

    [Fact]
    public void Candidates_OneGroup_FindsNothing()
    {
        var discovery = new SeedDiscovery(["kyiv"], new SeedDiscoveryOptions { MinCount = 1, MinPreferenceZ = 0 });
        discovery.Add(Parse("Officials in Kyiv and officials in Kiev."), "Only");
        Assert.Empty(discovery.Candidates(5));
    }
}

using TextLens.Entities;
using TextLens.Entities.Recognition;
using static TextLens.Tests.Entities.Recognition.NerTestData;

namespace TextLens.Tests.Entities.Recognition;

/// <summary>Feature extraction, the gazetteer-word lexicon and the tag set.</summary>
public sealed class NerFeaturesTests
{
    [Theory]
    [InlineData("Baku", "BAKU")]
    [InlineData("Ağdərə", "AĞDƏRƏ")]
    [InlineData("1996", "2024")]
    [InlineData("TM-57", "tm-12")]
    public void Lower_atoms_fold_case_and_digits(string a, string b) =>
        Assert.Equal(NerFeatures.LowerAtom(a), NerFeatures.LowerAtom(b));

    [Fact]
    public void Extraction_stores_the_same_lower_atom_as_the_lexicon_uses()
    {
        var doc = Parse("Nikol Pashinyan met Ağdərə officials in 1996 , U.S.-based ’s « Stepanakert » \uD83D\uDE00 .");
        var n = doc.Tokens.Length;
        var buckets = new int[n * NerFeatures.StaticCount];
        var atoms = new uint[n * NerFeatures.AtomCount];
        var padded = new uint[NerFeatures.PaddedSize(n)];
        NerFeatures.Extract(doc.Text, doc.Tokens, 64 - 16, NerLexicon.Empty, NerWordClasses.Empty, buckets, atoms, padded);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(NerFeatures.LowerAtom(doc.TextOf(doc.Tokens[i])), atoms[i * NerFeatures.AtomCount]);
        }

        Assert.All(buckets, b => Assert.InRange(b, 0, (1 << 16) - 1));
    }

    [Fact]
    public void Extraction_allocates_nothing()
    {
        var doc = Parse(string.Concat(Enumerable.Repeat("Nikol Pashinyan met officials in Brussels on 12 May. ", 50)));
        var n = doc.Tokens.Length;
        var buckets = new int[n * NerFeatures.StaticCount];
        var atoms = new uint[n * NerFeatures.AtomCount];
        var padded = new uint[NerFeatures.PaddedSize(n)];
        var lexicon = NerLexicon.Build([("Brussels", EntityTypes.GeopoliticalEntity)]);
        NerFeatures.Extract(doc.Text, doc.Tokens, 42, lexicon, NerWordClasses.Empty, buckets, atoms, padded);
        var before = GC.GetAllocatedBytesForCurrentThread();
        NerFeatures.Extract(doc.Text, doc.Tokens, 42, lexicon, NerWordClasses.Empty, buckets, atoms, padded);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Features_depend_on_the_neighbours_and_the_sequence_edges()
    {
        static int[] Features(string text)
        {
            var doc = Parse(text);
            var n = doc.Tokens.Length;
            var buckets = new int[n * NerFeatures.StaticCount];
            NerFeatures.Extract(doc.Text, doc.Tokens, 40, NerLexicon.Empty, NerWordClasses.Empty, buckets, new uint[n * NerFeatures.AtomCount], new uint[NerFeatures.PaddedSize(n)]);
            return buckets;
        }

        var a = Features("in Paris today");
        var b = Features("in Paris yesterday");
        var paris = NerFeatures.StaticCount;
        var sameInOwnWord = a.AsSpan(paris, 13).SequenceEqual(b.AsSpan(paris, 13));
        Assert.True(sameInOwnWord);
        Assert.False(a.AsSpan(paris, NerFeatures.StaticCount).SequenceEqual(b.AsSpan(paris, NerFeatures.StaticCount)));
    }

    [Fact]
    public void Lexicon_marks_capitalised_name_words_by_type_and_position()
    {
        var lexicon = NerLexicon.Build([("New York", EntityTypes.GeopoliticalEntity), ("York", EntityTypes.GeopoliticalEntity), ("Ministry of Defence", EntityTypes.Organization), ("Atlantis", "LAW")]);
        const int gpe = 1, org = 3, other = 7;
        Assert.Equal(1u << ((gpe * 3) + 1), lexicon.MaskOf(NerFeatures.LowerAtom("new")));
        Assert.Equal((1u << (gpe * 3)) | (1u << ((gpe * 3) + 2)), lexicon.MaskOf(NerFeatures.LowerAtom("YORK")));
        Assert.Equal(1u << ((org * 3) + 1), lexicon.MaskOf(NerFeatures.LowerAtom("Ministry")));
        Assert.Equal(0u, lexicon.MaskOf(NerFeatures.LowerAtom("of")));
        Assert.Equal(1u << (other * 3), lexicon.MaskOf(NerFeatures.LowerAtom("Atlantis")));
        Assert.Equal(0u, lexicon.MaskOf(NerFeatures.LowerAtom("Paris")));
        Assert.Equal(0u, NerLexicon.Empty.MaskOf(NerFeatures.LowerAtom("Paris")));
        Assert.Equal(5, lexicon.Count); // New, York, Ministry, Defence, Atlantis
    }

    [Theory]
    [InlineData(0, 2, true)]
    [InlineData(1, 2, false)]
    [InlineData(2, 2, false)]
    [InlineData(3, 2, true)]
    [InlineData(1, 1, true)]
    [InlineData(2, 0, false)]
    [InlineData(9, 1, true)]
    public void An_inside_tag_continues_only_its_own_type(byte previous, byte tag, bool starts) =>
        Assert.Equal(starts, NerTagSet.StartsEntity(previous, tag));
}

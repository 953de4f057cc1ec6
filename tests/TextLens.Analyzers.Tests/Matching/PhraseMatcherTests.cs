using TextLens.Analyzers.Matching;
using TextLens.Text;

namespace TextLens.Tests.Matching;

public sealed class PhraseMatcherTests
{
    private static PhraseMatcher Build(params MatchPattern[] patterns)
    {
        var builder = new PhraseMatcherBuilder();
        foreach (var p in patterns)
        {
            builder.Add(p);
        }

        return builder.Build();
    }

    private static List<(string Text, int Payload)> Find(PhraseMatcher matcher, string text)
    {
        var doc = DocumentParser.Default.Parse(new TextDocument("d", text));
        var found = new List<PhraseMatch>();
        matcher.FindAll(doc, found);
        return found.Select(m => (text.Substring(m.Start, m.Length), m.Payload)).ToList();
    }

    [Fact]
    public void Matches_report_the_payload_of_their_pattern()
    {
        var matcher = Build(new MatchPattern("Shusha", 7, MatchOptions.None), new MatchPattern("Shushi", 7, MatchOptions.None), new MatchPattern("Stepanakert", 9, MatchOptions.None));
        Assert.Equal([("Shusha", 7), ("Stepanakert", 9), ("Shushi", 7)], Find(matcher, "From Shusha to Stepanakert, or Shushi."));
        Assert.Equal(3, matcher.PatternCount);
        Assert.Equal(7, matcher.PayloadOf(1));
    }

    [Fact]
    public void The_gazetteer_use_finds_every_place_in_a_compound_road_name()
    {
        const MatchOptions parts = MatchOptions.HyphenVariants | MatchOptions.MatchCompoundParts;
        var matcher = Build(new MatchPattern("Ahmedbeyli", 1, parts), new MatchPattern("Fizuli", 2, parts), new MatchPattern("Shusha", 3, parts),
            new MatchPattern("Fizuli-Shusha highway", 4, MatchOptions.HyphenVariants));
        Assert.Equal([("Ahmedbeyli", 1), ("Fizuli", 2), ("Shusha", 3)], Find(matcher, "On the Ahmedbeyli-Fizuli-Shusha road."));
        // The longer pattern wins where it matches as a whole (from the start of its compound).
        Assert.Equal([("Fizuli-Shusha highway", 4)], Find(matcher, "On the Fizuli-Shusha highway."));
    }

    [Fact]
    public void Invalid_patterns_are_refused()
    {
        var builder = new PhraseMatcherBuilder();
        Assert.Throws<ArgumentException>(() => builder.Add(new MatchPattern("a*b", 0, MatchOptions.None)));
        Assert.Throws<ArgumentException>(() => builder.Add(new MatchPattern(" ", 0, MatchOptions.None)));
        builder.Add(new MatchPattern("“ ”", 0, MatchOptions.None));
        builder.Add(new MatchPattern("\u200B", 0, MatchOptions.None));
        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    [Fact]
    public void Scanning_allocates_nothing()
    {
        var matcher = Build(
            new MatchPattern("separatist*", 0, MatchOptions.HyphenVariants), new MatchPattern("anti-terrorist operation", 1, MatchOptions.HyphenVariants),
            new MatchPattern("Şuşa", 2, MatchOptions.FoldDiacritics), new MatchPattern("DPR", 3, MatchOptions.CaseSensitive),
            new MatchPattern("Fizuli", 4, MatchOptions.MatchCompoundParts | MatchOptions.HyphenVariants));
        var text = string.Concat(Enumerable.Repeat("The separatists’ anti terrorist operation near Susa and Şuşa, the DPR and the Ahmedbeyli-Fizuli-Shusha road. ", 200));
        var doc = DocumentParser.Default.Parse(new TextDocument("d", text));
        // Six a sentence: separatists, anti terrorist operation, Susa and Şuşa (diacritics folded), DPR, Fizuli.
        Assert.Equal(1200, matcher.Count(doc));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = matcher.Count(doc);
        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(1200, count);
        Assert.Equal(0, after - before);
    }
}

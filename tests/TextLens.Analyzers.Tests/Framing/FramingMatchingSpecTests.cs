using TextLens.Framing;
using static TextLens.Tests.Framing.FramingTestSupport;

namespace TextLens.Tests.Framing;

/// <summary>The pattern rules of the framing lexicon format, with exact expected matches on sentences modelled on the seed articles.</summary>
public sealed class FramingMatchingSpecTests
{
    private static readonly FramingLexicon Forces = Lexicon(
        ("forces", "separatists", ["separatist*"]),
        ("forces", "illegal-armed-formations", ["illegal armed formations", "illegal armed groups"]),
        ("operation", "anti-terrorist-operation", ["anti-terrorist operation*", "anti-terrorist"]),
        ("operation", "local-measures", ["local anti-terrorist operation*", "local anti-terrorist measures"]));

    [Fact]
    public void A_pattern_matches_whole_words_case_insensitively()
    {
        Assert.Equal(["Separatists=separatists", "SEPARATISTS=separatists"],
            Matches(Forces, "Separatists laid mines; SEPARATISTS again; the separatistic word is not a form of it."[..41]));
        Assert.Empty(Matches(Forces, "Antiseparatist sentiment and proseparatists do not match."));
    }

    [Fact]
    public void A_trailing_star_matches_any_ending_of_the_last_word()
    {
        // A prefix match: "separatist*" stops short of "separatism" (the stems differ at the last letter); "separatis*" reaches all three.
        Assert.Equal(["separatist=separatists", "separatists=separatists"],
            Matches(Forces, "A separatist leader said separatists reject separatism."));
        var stem = Lexicon(("forces", "separatists", ["separatis*"]));
        Assert.Equal(["separatist=separatists", "separatists=separatists", "separatism=separatists"],
            Matches(stem, "A separatist leader said separatists reject separatism."));
        var phrase = Lexicon(("forces", "illegal", ["illegal armed formation*"]));
        Assert.Equal(["illegal armed formation=illegal", "illegal armed formations=illegal"],
            Matches(phrase, "One illegal armed formation, two illegal armed formations, illegal formations."));
    }

    [Fact]
    public void A_star_does_not_reach_into_a_hyphenated_compound()
    {
        Assert.Empty(Matches(Forces, "The separatist-controlled area was quiet."));
    }

    [Fact]
    public void Phrases_match_word_for_word_and_the_longest_match_wins()
    {
        var text = "The local anti-terrorist operation targeted illegal armed formations, and the anti-terrorist operations ended; anti-terrorist units left.";
        Assert.Equal(
        [
            "local anti-terrorist operation=local-measures", "illegal armed formations=illegal-armed-formations",
            "anti-terrorist operations=anti-terrorist-operation", "anti-terrorist=anti-terrorist-operation",
        ], Matches(Forces, text));
    }

    [Fact]
    public void A_hyphen_in_a_pattern_also_matches_a_space_or_nothing()
    {
        var text = "An anti-terrorist operation, an anti terrorist operation, an antiterrorist operation and an anti\u2010terrorist operation.";
        Assert.Equal(
        [
            "anti-terrorist operation=anti-terrorist-operation", "anti terrorist operation=anti-terrorist-operation",
            "antiterrorist operation=anti-terrorist-operation", "anti\u2010terrorist operation=anti-terrorist-operation",
        ], Matches(Forces, text));
    }

    [Fact]
    public void Without_hyphen_variants_a_hyphenated_pattern_matches_only_as_written()
    {
        var lexicon = Lexicon(new FramingLexiconOptions(HyphenVariants: false), ("operation", "ato", ["anti-terrorist operation"]));
        Assert.Equal(["anti-terrorist operation=ato"],
            Matches(lexicon, "An anti-terrorist operation, an anti terrorist operation, an antiterrorist operation."));
    }

    [Fact]
    public void A_pattern_does_not_match_part_of_a_compound_unless_asked()
    {
        var words = Lexicon(("terror", "terrorist", ["terrorist"]), ("places", "fizuli", ["Fizuli"]));
        Assert.Empty(Matches(words, "The anti-terrorist measures on the Ahmedbeyli-Fizuli-Shusha highway."));

        var parts = Lexicon(new FramingLexiconOptions(MatchCompoundParts: true),
            ("places", "ahmedbeyli", ["Ahmedbeyli"]), ("places", "fizuli", ["Fizuli"]), ("places", "shusha", ["Shusha"]));
        Assert.Equal(["Ahmedbeyli=ahmedbeyli", "Fizuli=fizuli", "Shusha=shusha"],
            Matches(parts, "A mine exploded on the Ahmedbeyli-Fizuli-Shusha highway."));

        // Per pattern: only the pattern that asks for it matches inside compounds.
        var perPattern = Lexicon(("places", "fizuli", [new FramingPattern("Fizuli", MatchCompoundParts: true)]), ("places", "shusha", ["Shusha"]));
        Assert.Equal(["Fizuli=fizuli"], Matches(perPattern, "On the Ahmedbeyli-Fizuli-Shusha highway."));
    }

    [Fact]
    public void Possessive_clitics_do_not_stop_a_match()
    {
        var lexicon = Lexicon(("forces", "separatists", ["separatists"]), ("places", "baku", ["Baku"]));
        Assert.Equal(["separatists=separatists", "Baku=baku", "Baku=baku"],
            Matches(lexicon, "The separatists’ positions were shelled, Baku’s defence ministry said; Baku's statement followed."));
    }

    [Fact]
    public void A_phrase_split_by_a_line_break_still_matches()
    {
        var lexicon = Lexicon(("road", "lachin-road", ["Lachin road"]));
        var text = "Weapons were moved along the Lachin\nroad, and along the Lachin\r\n  road again.";
        var found = Analyze(lexicon, text);
        Assert.Equal(2, found.Count);
        Assert.Equal("Lachin\nroad", text.Substring(found[0].Start, found[0].Length));
        Assert.Equal("Lachin\r\n  road", text.Substring(found[1].Start, found[1].Length));
    }

    [Fact]
    public void Case_sensitive_patterns_match_acronyms_only()
    {
        var lexicon = Lexicon(("republics", "dpr", [new FramingPattern("DPR", CaseSensitive: true)]), ("country", "us", [new FramingPattern("US", CaseSensitive: true)]));
        Assert.Equal(["DPR=dpr", "US=us"], Matches(lexicon, "The DPR said the dpr and Dpr spellings are wrong; the US told us."));
    }

    [Fact]
    public void Diacritic_folding_is_a_lexicon_option()
    {
        var folded = Lexicon(new FramingLexiconOptions(FoldDiacritics: true), ("shusha", "shusha", ["Şuşa"]), ("fuzuli", "fuzuli", ["Fuzuli"]));
        Assert.Equal(["Şuşa=shusha", "Susa=shusha", "ŞUŞA=shusha", "SUSA=shusha", "Füzuli=fuzuli", "Fuzuli=fuzuli", "Füzulí=fuzuli"],
            Matches(folded, "Şuşa, Susa, ŞUŞA and SUSA; Füzuli, Fuzuli and Füzulí."));

        var exact = Lexicon(("shusha", "shusha", ["Şuşa"]), ("fuzuli", "fuzuli", ["Fuzuli"]));
        Assert.Equal(["Şuşa=shusha", "ŞUŞA=shusha", "Fuzuli=fuzuli"], Matches(exact, "Şuşa, Susa, ŞUŞA and SUSA; Füzuli, Fuzuli and Füzulí."));
    }

    [Fact]
    public void Equally_long_matches_go_to_the_label_declared_first()
    {
        var lexicon = Lexicon(("a", "first", ["peacekeep*"]), ("b", "second", ["peacekeepers"]));
        Assert.Equal(["peacekeepers=first"], Matches(lexicon, "The peacekeepers left."));
    }

    [Fact]
    public void The_default_lexicon_names_the_seed_vocabulary()
    {
        var lexicon = FramingLexicons.Default("karabakh-conflict");
        var text = "Baku said the anti-terrorist measures in the Karabakh economic region were aimed at illegal Armenian armed detachments, "
            + "not at the Russian peacekeeping contingent; Yerevan called it ethnic cleansing and an offensive against Artsakh.";
        Assert.Equal(
        [
            "anti-terrorist measures=anti-terrorist-operation", "Karabakh economic region=karabakh-economic-region",
            "illegal Armenian armed detachments=illegal-armed-formations", "Russian peacekeeping contingent=peacekeeping-contingent",
            "ethnic cleansing=ethnic-cleansing", "offensive=offensive", "Artsakh=artsakh",
        ], Matches(lexicon, text));
    }
}

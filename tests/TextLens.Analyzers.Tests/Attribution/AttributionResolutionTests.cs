using TextLens.Analyzers.Attribution;
using static TextLens.Tests.Attribution.AttributionHarness;

namespace TextLens.Tests.Attribution;

/// <summary>Source resolution (pronouns, descriptions, metonyms, gazetteer) and source typing.</summary>
public sealed class AttributionResolutionTests
{
    private static readonly FakeEntityAnalyzer Entities = new(
        ("Baku", "GPE", "Baku", "Government of Azerbaijan"),
        ("Yerevan", "GPE", "Yerevan", "Government of Armenia"),
        ("Moscow", "GPE", "Moscow", "Government of Russia"),
        ("Kremlin", "ORG", "Kremlin", "Government of Russia"),
        ("General Volkov", "PERSON", "Andrei Volkov", null),
        ("Andrei Volkov", "PERSON", "Andrei Volkov", null),
        ("Reuters", "ORG", "Reuters", null));

    [Fact]
    public void Metonyms_resolve_through_the_entity_layer()
    {
        var views = Find("Baku blamed the separatists for the attack. Moscow said it was studying the report. The Kremlin denied that the convoy carried arms.", entities: Entities);
        var baku = views.Single("blamed");
        Assert.Equal("Baku", baku.Source);
        Assert.Equal("Government of Azerbaijan", baku.Label);
        Assert.Equal("metonym", baku["resolution"]);
        Assert.Equal("official", baku.Type);
        Assert.Equal("Government of Russia", views.Single("said").Label);
        Assert.Equal("Government of Russia", views.Single("denied").Label);
    }

    [Fact]
    public void Without_an_entity_layer_the_written_name_is_the_label()
    {
        var a = Find("Baku blamed the separatists for the attack.").Single("blamed");
        Assert.Equal("Baku", a.Label);
        Assert.Equal("named", a["resolution"]);
    }

    [Fact]
    public void Possessive_institution_of_a_metonym_resolves_through_the_gazetteer()
    {
        const string text = "“Operations have begun,” Baku’s defence ministry said.";
        var gazetteer = new FakeGazetteer(("defence ministry of Azerbaijan", new GazetteerSource("Ministry of Defense of Azerbaijan", "ORG", null, "official")));
        var resolved = Find(text, entities: Entities, gazetteer: gazetteer).Single("said");
        Assert.Equal("Baku’s defence ministry", resolved.Source);
        Assert.Equal("Ministry of Defense of Azerbaijan", resolved.Label);
        Assert.Equal("official", resolved.Type);

        var written = Find(text, entities: Entities).Single("said");
        Assert.Equal("Baku’s defence ministry", written.Label);
        Assert.Equal("official", written.Type);
    }

    [Fact]
    public void It_resolves_to_the_most_recent_organization_source()
    {
        const string text = "Baku’s defence ministry said the operation had begun.\n\nThe neighbours have been locked in a long dispute.\n\nIt said it had informed the peacekeepers.";
        var views = Find(text, entities: Entities);
        var it = views.Single(v => v.Source == "It");
        Assert.Equal("Baku’s defence ministry", it.Label);
        Assert.Equal("pronoun", it["resolution"]);
        Assert.Equal("official", it.Type);
    }

    [Fact]
    public void It_resolves_to_a_metonym_source_and_takes_its_label()
    {
        const string text = "Earlier in the day, Baku said four police officers had been killed. Another mine had killed two civilians, it said.";
        var views = Find(text, entities: Entities);
        var it = views.Single(v => v.Source == "it");
        Assert.Equal("Government of Azerbaijan", it.Label);
        Assert.Equal("Another mine had killed two civilians", it.Content);
    }

    [Fact]
    public void He_resolves_to_a_person_and_not_to_an_organization()
    {
        const string text = "General Volkov claimed that the men were workers. The ministry rejected that account. He added that the convoy was humanitarian.";
        var views = Find(text, entities: Entities);
        var he = views.Single("added");
        Assert.Equal("He", he.Source);
        Assert.Equal("Andrei Volkov", he.Label);
        Assert.Equal("pronoun", he["resolution"]);
    }

    [Fact]
    public void A_pronoun_is_left_as_written_when_resolution_is_off()
    {
        const string text = "General Volkov claimed that the men were workers. He added that the convoy was humanitarian.";
        var he = Find(text, o => o.ResolvePronouns = false, Entities).Single("added");
        Assert.Equal("he", he.Label);
        Assert.Equal("none", he["resolution"]);
    }

    [Fact]
    public void A_definite_description_resolves_to_the_most_recent_matching_named_source()
    {
        const string text = "The Foreign Ministry of Azerbaijan accused Armenia of laying new mines. The ministry said in a statement that the mines were produced in 2021.";
        var a = Find(text).Single(v => v.Source == "The ministry");
        Assert.Equal("Foreign Ministry of Azerbaijan", a.Label);
        Assert.Equal("description", a["resolution"]);
        Assert.Equal("official", a.Type);
    }

    [Fact]
    public void A_description_prefers_the_most_recent_named_mention_even_when_it_was_not_a_source()
    {
        const string text = "The Foreign Ministry of Azerbaijan accused Armenia of laying new mines. Later, the Azerbaijani Defence Ministry discovered a minefield. Some 350 mines were defused, the ministry confirmed.";
        var a = Find(text).Single("confirmed");
        Assert.Equal("Azerbaijani Defence Ministry", a.Label);
        Assert.Equal("description", a["resolution"]);
    }

    [Fact]
    public void The_foreign_ministry_matches_a_name_with_foreign_and_ministry()
    {
        const string text = "Azerbaijan Foreign Ministry commented on the findings. The defence ministry published a map. “The threat remains,” the foreign ministry said.";
        var a = Find(text).Single("said");
        Assert.Equal("Azerbaijan Foreign Ministry", a.Label);
    }

    [Fact]
    public void An_unresolvable_description_keeps_its_written_text()
    {
        var a = Find("The ministry said the mines were new.").Single("said");
        Assert.Equal("ministry", a.Label);
        Assert.Equal("none", a["resolution"]);
        Assert.Equal("official", a.Type);
    }

    [Fact]
    public void A_lone_surname_resolves_to_the_earlier_full_name()
    {
        const string text = "Andrei Volkov said the road was open. Volkov added that the convoy was humanitarian.";
        var a = Find(text, entities: new FakeEntityAnalyzer(("Andrei Volkov", "PERSON", "Andrei Volkov", null))).Single("added");
        Assert.Equal("Andrei Volkov", a.Label);
    }

    [Fact]
    public void We_inside_a_quotation_is_the_speakers_narration_not_a_second_attribution()
    {
        const string text = "“We note that the mines were made in 2021,” the foreign ministry said.";
        var a = Assert.Single(Find(text));
        Assert.Equal(("said", "foreign ministry"), (a.Cue, a.Label));
    }

    [Fact]
    public void We_in_quoted_words_inside_indirect_speech_is_its_speaker()
    {
        const string text = "The foreign ministry said that “we note the mines were made in 2021” and called for an inquiry.";
        var views = Find(text);
        Assert.Equal("foreign ministry", views.Single("said").Label);
    }

    [Fact]
    public void Who_resolves_to_the_noun_phrase_before_it()
    {
        const string text = "The villagers spoke to the commander, who said that the road would reopen.";
        var a = Find(text, entities: Entities).Single("said");
        Assert.Equal("who", a.Source);
        Assert.Equal("commander", a.Label);
        Assert.Equal("military", a.Type);
    }

    [Theory]
    [InlineData("Sources said the talks had stalled.", "Sources", "anonymous")]
    [InlineData("A source familiar with the matter said the talks had stalled.", "A source familiar with the matter", "anonymous")]
    [InlineData("A diplomat, who spoke on condition of anonymity, said the talks had stalled.", "A diplomat, who spoke on condition of anonymity", "anonymous")]
    [InlineData("Videos circulated on Telegram show that the bridge was destroyed.", "Videos circulated on Telegram", "social-media")]
    [InlineData("In a post on X, the blogger claimed that the bridge was destroyed.", "the blogger", "social-media")]
    [InlineData("The news agency reported that the bridge was destroyed.", "The news agency", "media")]
    [InlineData("Azerbaijani mass media reported that the bridge was destroyed.", "Azerbaijani mass media", "media")]
    [InlineData("Residents said the bridge was destroyed.", "Residents", "witness")]
    [InlineData("A refugee told reporters that the bridge was destroyed.", "A refugee", "witness")]
    [InlineData("Analysts say the bridge was destroyed.", "Analysts", "expert")]
    [InlineData("A professor of history noted that the bridge was old.", "A professor of history", "expert")]
    [InlineData("The OSCE said the bridge was destroyed.", "The OSCE", "international-organization")]
    [InlineData("The army said the bridge was destroyed.", "The army", "military")]
    [InlineData("The spokeswoman said the bridge was destroyed.", "The spokeswoman", "official")]
    [InlineData("A defence ministry spokesman said the bridge was destroyed.", "A defence ministry spokesman", "official")]
    [InlineData("A spokesman for the army said the bridge was destroyed.", "A spokesman for the army", "military")]
    [InlineData("The embassy said the bridge was destroyed.", "The embassy", "official")]
    [InlineData("Maria Petrova said the bridge was destroyed.", "Maria Petrova", "unknown")]
    public void Source_types_come_from_the_source_nouns(string text, string source, string type)
    {
        var a = Find(text).Single(v => v.Source is not null);
        Assert.Equal(source, a.Source);
        Assert.Equal(type, a.Type);
    }
}

/// <summary>Resolution with the real entity analyzer and its embedded gazetteers.</summary>
public sealed class AttributionWithEntitiesTests
{
    private static readonly TextLensPipeline Pipeline = new TextLensPipelineBuilder().AddEntities().AddAttribution().Build();

    private static List<AttributionView> Find(string text) => AttributionHarness.Views(text, Pipeline.Analyze(new TextDocument("e", text)));

    [Fact]
    public void Capitals_resolve_to_their_governments_and_possessive_ministries_to_the_ministry()
    {
        var views = Find("Baku blamed the separatists for the attack. “Operations have begun,” Baku’s defence ministry said. Moscow said it was studying the report.");
        var baku = views.Single("blamed");
        Assert.Equal("Government of Azerbaijan", baku.Label);
        Assert.Equal("metonym", baku["resolution"]);
        Assert.Equal("official", baku.Type);
        Assert.Equal("Ministry of Defense of Azerbaijan", views.Single(v => v.Source == "Baku’s defence ministry").Label);
        Assert.Equal("Government of Russia", views.Single(v => v.Source == "Moscow").Label);
    }

    [Fact]
    public void Named_people_and_outlets_take_their_canonical_names_and_gazetteer_types()
    {
        var views = Find("Russian peacekeeping commander General Volkov claimed that the men were workers. The Baku-based Caliber.Az news service reported that the convoy carried arms.");
        var volkov = views.Single("claimed");
        Assert.Equal("Andrei Volkov", volkov.Label);
        Assert.Equal("military", volkov.Type);
        var caliber = views.Single("reported");
        Assert.Equal("Caliber.Az", caliber.Label);
        Assert.Equal("media", caliber.Type);
    }
}

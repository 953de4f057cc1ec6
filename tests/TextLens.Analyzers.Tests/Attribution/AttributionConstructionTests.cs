using static TextLens.Tests.Attribution.AttributionHarness;

namespace TextLens.Tests.Attribution;

/// <summary>One test per construction, with exact source, cue and content spans (sentences modelled on the seed articles).</summary>
public sealed class AttributionConstructionTests
{
    [Fact]
    public void Direct_quote_with_the_speaker_after()
    {
        const string text = "“Our units have begun local counter-measures,” the defence ministry said.";
        var a = Find(text).Single("said");
        Assert.Equal("the defence ministry", a.Source);
        Assert.Equal(["Our units have begun local counter-measures,"], a.Contents);
        Assert.Equal("direct", a["mode"]);
        Assert.Equal("say", a["cue"]);
        Assert.Equal("neutral", a["cueStance"]);
        Assert.Equal("official", a.Type);
        Assert.Equal(1, a.Annotation.Start);
        Assert.Equal(text.Length - 1, a.Annotation.End);
    }

    [Fact]
    public void Direct_quote_with_an_inverted_speaker_after()
    {
        const string text = "“The shelling did not stop for a single night,” said a villager from the border district.";
        var a = Find(text).Single("said");
        Assert.Equal("a villager from the border district", a.Source);
        Assert.Equal("The shelling did not stop for a single night,", a.Content);
        Assert.Equal("witness", a.Type);
    }

    [Fact]
    public void Direct_quote_with_the_speaker_before_and_a_colon()
    {
        const string text = "The spokesman told reporters: “No civilian object was hit.”";
        var a = Find(text).Single("told");
        Assert.Equal("The spokesman", a.Source);
        Assert.Equal("No civilian object was hit.", a.Content);
        Assert.Equal("direct", a["mode"]);
        Assert.Equal("tell", a["cue"]);
    }

    [Fact]
    public void Speaker_in_the_middle_of_a_quotation_gives_one_attribution_with_both_parts()
    {
        const string text = "“We are ready for talks,” the minister said, “but not under threats.”";
        var views = Find(text);
        var a = Assert.Single(views);
        Assert.Equal("the minister", a.Source);
        Assert.Equal(["We are ready for talks,", "but not under threats."], a.Contents);
    }

    [Fact]
    public void A_following_quotation_without_a_cue_is_an_attribution_of_its_own_with_the_same_speaker()
    {
        const string text = "“The strikes are precise,” the ministry said. “Only military targets are hit.”\n\nThe talks resumed on Friday.";
        var views = Find(text);
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal(("the ministry", "said", "direct"), (v.Source, v.Cue, v["mode"])));
        Assert.Equal(["The strikes are precise,"], views[0].Contents);
        Assert.Equal(["Only military targets are hit."], views[1].Contents);
    }

    [Fact]
    public void Quotation_after_the_tags_trailing_words_continues_the_speaker_into_the_next_paragraph()
    {
        const string text = "“We lost everything,” Edith Varga said, standing in front of the burnt house. “The photos, the piano, all of it.”\n\n" +
            "“Nobody warned us.”\n\nThe fire service defended its timing.";
        var views = Find(text);
        Assert.Equal(["We lost everything,", "The photos, the piano, all of it.", "Nobody warned us."], views.Select(v => v.Content ?? "").ToArray());
        Assert.All(views, v => Assert.Equal("Edith Varga", v.Source));
    }

    [Fact]
    public void Quotation_opening_the_sentence_after_indirect_speech_is_the_same_speakers()
    {
        const string text = "Kowalczyk said the sticking points are scheduling and pensions. \"Drivers work split shifts of 13 hours.\"\n\nThe city declined to comment.";
        var views = Find(text);
        Assert.Equal(2, views.Count);
        Assert.Equal(("Kowalczyk", "indirect"), (views[0].Source, views[0]["mode"]));
        Assert.Equal(("Kowalczyk", "Drivers work split shifts of 13 hours."), (views[1].Source, views[1].Content));
    }

    [Fact]
    public void Quotation_in_the_middle_of_a_sentence_after_indirect_speech_is_not_continued()
    {
        const string text = "Kowalczyk said the talks had stalled. The city called the offer \"fair and affordable\" in its reply.";
        var a = Assert.Single(Find(text));
        Assert.Equal("the talks had stalled", a.Content);
    }

    [Fact]
    public void Pronoun_narration_inside_a_quotation_is_part_of_the_quotation()
    {
        const string text = "“I told our partners last week that provocations would follow,” Hasanli said. “He said we were wrong.”";
        var views = Find(text);
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal(("Hasanli", "said"), (v.Source, v.Cue)));
        Assert.DoesNotContain(views, v => v.Cue == "told");
    }

    [Fact]
    public void Named_source_inside_a_quotation_stays_a_nested_attribution()
    {
        const string text = "“According to the monitoring mission, two houses were hit,” the ministry said.";
        var inner = Find(text).Single("According to");
        Assert.Equal("the monitoring mission", inner.Source);
        Assert.Equal("true", inner["nested"]);
    }

    [Fact]
    public void Colon_after_a_verb_takes_the_quotation_of_the_next_paragraph_through_its_orphan_closing_mark()
    {
        const string text = "In the memo, Blake wrote:\n\n\"We have frozen hiring and cancelled travel.\n\nThat has not been enough.\"\n\nShares rose.";
        var a = Find(text).Single("wrote");
        Assert.Equal("Blake", a.Source);
        Assert.Equal("We have frozen hiring and cancelled travel.\n\nThat has not been enough.", a.Content);
        Assert.Equal("direct", a["mode"]);
    }

    [Fact]
    public void Colon_after_a_short_clause_gives_the_quotation_to_its_subject()
    {
        const string text = "Coach Nadia Brennan was more blunt: “We did not panic.”";
        var a = Find(text).Single(":");
        Assert.Equal("Coach Nadia Brennan", a.Source);
        Assert.Equal("We did not panic.", a.Content);
        Assert.Equal("colon", a["cue"]);
    }

    [Fact]
    public void Parenthesis_after_a_name_is_part_of_the_source()
    {
        var before = Find("Rep. Gwen Moore (D-Wis.) said the law was unfair.").Single("said");
        Assert.Equal("Rep. Gwen Moore (D-Wis.)", before.Source);
        var after = Find("“Subpoenas are not optional,” said Rep. Jason Chaffetz (R-Utah).").Single("said");
        Assert.Equal("Rep. Jason Chaffetz (R-Utah)", after.Source);
    }

    [Theory]
    [InlineData("The campaign did not respond to a request for comment.")]
    [InlineData("The minister would not say whether the talks had failed.")]
    [InlineData("Ceasefire violations reported along the line of contact")]
    [InlineData("The data suggest the trend will continue.")]
    [InlineData("It indicates that fire seasons are longer.")]
    [InlineData("Polls show that the race is tied.")]
    public void No_speech_is_reported(string text) => Assert.Empty(Find(text));

    [Theory]
    [InlineData("The minister never said that the talks had failed.", "said", "The minister")]
    [InlineData("Smith suggested that the talks resume.", "suggested", "Smith")]
    [InlineData("The governor vowed to cut taxes.", "vowed", "The governor")]
    [InlineData("The ministry said in 2019 that the road was open.", "said", "The ministry")]
    public void Speech_with_a_speaker_is_reported(string text, string cue, string source) => Assert.Equal(source, Find(text).Single(cue).Source);

    [Fact]
    public void Appositive_name_after_a_description_is_part_of_the_source()
    {
        const string text = "The head of the monitoring mission, Jan Eriksen, said his team could not reach the area.";
        var a = Find(text).Single("said");
        Assert.Equal("The head of the monitoring mission, Jan Eriksen", a.Source);
        Assert.Equal("his team could not reach the area", a.Content);
    }

    [Fact]
    public void Multi_paragraph_quotation_is_one_attribution_with_the_source_after_the_final_mark()
    {
        const string text =
            "The foreign ministry commented on the new findings.\n\n" +
            "“Systematic shelling of our positions has continued for months.\n\n" +
            "New minefields were laid near the villages this autumn.\n\n" +
            "We reiterate that civilians are not targets,” the foreign ministry said in a statement.";
        var views = Find(text);
        var a = views.Single("said");
        Assert.Equal("the foreign ministry", a.Source);
        var content = Assert.Single(a.Contents);
        Assert.StartsWith("Systematic shelling", content, StringComparison.Ordinal);
        Assert.EndsWith("civilians are not targets,", content, StringComparison.Ordinal);
        Assert.Equal("direct", a["mode"]);

        // "We reiterate" inside the quotation is the ministry's own narration, not a second attribution.
        Assert.DoesNotContain(views, v => v.Cue == "reiterate");
    }

    [Fact]
    public void Multi_paragraph_quotation_with_reopened_paragraphs_is_one_attribution()
    {
        const string text =
            "“Systematic shelling of our positions has continued for months.\n\n" +
            "“New minefields were laid near the villages this autumn,” the ministry said.";
        var a = Find(text).Single("said");
        Assert.Equal("the ministry", a.Source);
        Assert.StartsWith("Systematic shelling", a.Contents[0], StringComparison.Ordinal);
        Assert.EndsWith("this autumn,", a.Contents[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_quotation_after_adding_shares_the_source()
    {
        const string text = "“Operations have begun,” the defence ministry said, adding it was using “high-precision weapons on the front line” as part of the operations.";
        var views = Find(text);
        var said = views.Single("said");
        Assert.Equal("Operations have begun,", said.Content);
        var adding = views.Single("adding");
        Assert.Equal("the defence ministry", adding.Source);
        Assert.Equal("it was using “high-precision weapons on the front line” as part of the operations", adding.Content);
        Assert.Equal("mixed", adding["mode"]);
        Assert.Equal("add", adding["cue"]);
        Assert.Equal(said.Label, adding.Label);
    }

    [Fact]
    public void Indirect_speech_with_that()
    {
        const string text = "The foreign ministry said that Armenia was still planting mines along the road.";
        var a = Find(text).Single("said");
        Assert.Equal("The foreign ministry", a.Source);
        Assert.Equal("that Armenia was still planting mines along the road", a.Content);
        Assert.Equal("indirect", a["mode"]);
    }

    [Fact]
    public void Indirect_speech_without_that_after_adjuncts()
    {
        const string text = "The ministry said in a statement on Wednesday Armenia was still planting mines near the villages.";
        var a = Find(text).Single("said");
        Assert.Equal("The ministry", a.Source);
        Assert.Equal("Armenia was still planting mines near the villages", a.Content);
    }

    [Fact]
    public void Accusation_takes_its_object_as_content()
    {
        const string text = "The Foreign Ministry of Azerbaijan accused Armenia of expanding mine threats along the road.";
        var a = Find(text).Single("accused");
        Assert.Equal("The Foreign Ministry of Azerbaijan", a.Source);
        Assert.Equal("Armenia of expanding mine threats along the road", a.Content);
        Assert.Equal("accusing", a["cueStance"]);
        Assert.Equal("accuse", a["cue"]);
        Assert.Equal("Foreign Ministry of Azerbaijan", a.Label);
    }

    [Fact]
    public void Parenthetical_speaker_after_the_content()
    {
        const string text = "A second mine had damaged a truck near the tunnel, the ministry confirmed later.";
        var a = Find(text).Single("confirmed");
        Assert.Equal("the ministry", a.Source);
        Assert.Equal("A second mine had damaged a truck near the tunnel", a.Content);
        Assert.Equal("endorsing", a["cueStance"]);
    }

    [Fact]
    public void According_to_at_the_start_of_the_sentence()
    {
        const string text = "According to the ministry, the mines were produced in 2021.";
        var a = Find(text).Single("According to");
        Assert.Equal("the ministry", a.Source);
        Assert.Equal("the mines were produced in 2021", a.Content);
        Assert.Equal("according-to", a["mode"]);
        Assert.Equal("according to", a["cue"]);
    }

    [Fact]
    public void According_to_at_the_end_of_the_sentence()
    {
        const string text = "The travellers were trained saboteurs, according to local media.";
        var a = Find(text).Single("according to");
        Assert.Equal("local media", a.Source);
        Assert.Equal("The travellers were trained saboteurs", a.Content);
        Assert.Equal("media", a.Type);
    }

    [Fact]
    public void According_to_photos_on_social_networks_is_a_social_media_source()
    {
        const string text = "According to photos published on social networks, there are anti-tank mines on the roads.";
        var a = Find(text).Single("According to");
        Assert.Equal("photos published on social networks", a.Source);
        Assert.Equal("there are anti-tank mines on the roads", a.Content);
        Assert.Equal("social-media", a.Type);
    }

    [Fact]
    public void Cited_an_unnamed_source_as_saying_gives_the_anonymous_source_nested_in_the_media_report()
    {
        const string text = "Local media cited an unnamed source in early November as saying that the convoy carried weapons.";
        var views = Find(text);
        var inner = views.Single(v => v.Cues.Count == 2);
        Assert.Equal("an unnamed source", inner.Source);
        Assert.Equal(["cited", "as saying"], inner.Cues);
        Assert.Equal("that the convoy carried weapons", inner.Content);
        Assert.Equal("anonymous", inner.Type);
        Assert.Equal("cited ... as saying", inner["cue"]);
        Assert.Equal("true", inner["nested"]);

        var outer = views.Single(v => v.Cues.Count == 1);
        Assert.Equal("Local media", outer.Source);
        Assert.Equal("media", outer.Type);
        Assert.Equal("false", outer["nested"]);
        Assert.Equal("an unnamed source in early November as saying that the convoy carried weapons", outer.Content);
    }

    [Fact]
    public void A_ministry_quoting_another_ministry_gives_two_attributions_the_inner_one_nested()
    {
        const string text = "“According to the information of the Ministry of Defense, 350 mines were found in the district,” the foreign ministry said.";
        var views = Find(text);
        var outer = views.Single("said");
        Assert.Equal("the foreign ministry", outer.Source);
        Assert.Equal("false", outer["nested"]);
        var inner = views.Single("According to");
        Assert.Equal("the information of the Ministry of Defense", inner.Source);
        Assert.Equal("350 mines were found in the district", inner.Content);
        Assert.Equal("true", inner["nested"]);
        Assert.Equal("Ministry of Defense", inner.Label);
        Assert.Equal("official", inner.Type);
    }

    [Fact]
    public void What_it_called_is_a_distancing_attribution_of_the_wording()
    {
        const string text = "The army said it struck only military sites as part of what it called a drive to “restore constitutional order”.";
        var views = Find(text);
        var called = views.Single("what");
        Assert.Equal("it", called.Source);
        Assert.Equal(["what", "called"], called.Cues);
        Assert.Equal("a drive to “restore constitutional order”", called.Content);
        Assert.Equal("distancing", called["cueStance"]);
        Assert.Equal("what ... called", called["cue"]);
        Assert.Equal("mixed", called["mode"]);
        Assert.Equal("true", called["nested"]);
        Assert.Equal("army", called.Label);
        Assert.Equal("military", called.Type);
    }

    [Fact]
    public void It_is_noted_is_agentless_and_hedged_without_a_source_span()
    {
        const string text = "It is noted that the strikes target only military positions.";
        var a = Assert.Single(Find(text));
        Assert.Null(a.Source);
        Assert.Null(a.Annotation.Span("source"));
        Assert.Equal("It is noted", a.Cue);
        Assert.Equal("that the strikes target only military positions", a.Content);
        Assert.Equal("(unattributed)", a.Label);
        Assert.Equal("unattributed", a.Type);
        Assert.Equal("agentless", a["mode"]);
        Assert.Equal("true", a["hedged"]);
        Assert.Equal("none", a["resolution"]);
    }

    [Fact]
    public void Were_reported_to_have_is_agentless_with_subject_and_infinitive_as_content()
    {
        const string text = "Earlier this month, twenty foreign citizens were reported to have crossed the border illegally.";
        var a = Assert.Single(Find(text));
        Assert.Null(a.Source);
        Assert.Equal("were reported", a.Cue);
        Assert.Equal(["twenty foreign citizens", "to have crossed the border illegally"], a.Contents);
        Assert.Equal("agentless", a["mode"]);
        Assert.Equal("true", a["hedged"]);
        Assert.Equal("report", a["cue"]);
    }

    [Fact]
    public void Reportedly_is_an_agentless_hedged_attribution_of_its_clause()
    {
        const string text = "The peacekeepers have reportedly delivered weapons to the region.";
        var a = Assert.Single(Find(text));
        Assert.Null(a.Source);
        Assert.Equal("reportedly", a.Cue);
        Assert.Equal("The peacekeepers have reportedly delivered weapons to the region", a.Content);
        Assert.Equal("true", a["hedged"]);
        Assert.Equal("agentless", a["mode"]);
    }

    [Fact]
    public void Reportedly_next_to_a_reporting_verb_hedges_that_attribution()
    {
        const string text = "The commander reportedly said that the convoy had been stopped.";
        var a = Assert.Single(Find(text));
        Assert.Equal("The commander", a.Source);
        Assert.Equal("said", a.Cue);
        Assert.Equal("true", a["hedged"]);
        Assert.Equal("indirect", a["mode"]);
    }

    [Fact]
    public void Claimed_is_distancing_and_a_commander_is_military()
    {
        const string text = "Peacekeeping commander General Volkov claimed that the travellers were construction workers.";
        var a = Find(text).Single("claimed");
        Assert.Equal("Peacekeeping commander General Volkov", a.Source);
        Assert.Equal("that the travellers were construction workers", a.Content);
        Assert.Equal("distancing", a["cueStance"]);
        Assert.Equal("military", a.Type);
        Assert.Equal("claim", a["cue"]);
    }

    [Fact]
    public void Demanded_and_denied_are_accusing()
    {
        var views = Find("Baku on Monday demanded that Armenia withdraw its forces. Yerevan denied that any troops remained.");
        Assert.Equal("Baku", views.Single("demanded").Source);
        Assert.Equal("accusing", views.Single("demanded")["cueStance"]);
        Assert.Equal("that Armenia withdraw its forces", views.Single("demanded").Content);
        Assert.Equal("accusing", views.Single("denied")["cueStance"]);
        Assert.Equal("deny", views.Single("denied")["cue"]);
    }

    [Fact]
    public void Headline_colon_names_the_speaker()
    {
        const string text = "Foreign Ministry: Armenia continues to lay mines\n\nThe statement was issued on Friday.";
        var a = Find(text).Single(":");
        Assert.Equal("Foreign Ministry", a.Source);
        Assert.Equal("Armenia continues to lay mines", a.Content);
        Assert.Equal("colon", a["cue"]);
    }
}

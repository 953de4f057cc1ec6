using TextLens.Entities;
using TextLens.Text;
using static TextLens.Tests.Entities.EntityTestKit;

namespace TextLens.Tests.Entities;

/// <summary>Exact expectations for names the gazetteers do not list, and for the recognizer seam.</summary>
public sealed class UnlistedNameSpecTests
{
    [Fact]
    public void Unlisted_names_are_found_and_typed_by_cues()
    {
        const string text =
            "Residents of the village of Zarnaghil fled after Colonel Timur Bekov said the Highland Relief Committee would help.\n" +
            "Sappers cleared the Tartar river banks near Dashbulag district and the Kirov Bridge.";
        var entities = Find(text);
        AssertEntities(text, entities,
            ("Zarnaghil", "Zarnaghil", "LOC"), ("Timur Bekov", "Timur Bekov", "PERSON"), ("Highland Relief Committee", "Highland Relief Committee", "ORG"),
            ("Tartar", "az.gpe.tartar", "GPE"), ("Dashbulag", "Dashbulag", "LOC"), ("Kirov Bridge", "Kirov Bridge", "FAC"));
        Assert.All(entities.Where(e => !e.Label.Contains('.', StringComparison.Ordinal)), e => Assert.Equal("false", e.Facet("listed")));
        Assert.All(entities.Where(e => !e.Label.Contains('.', StringComparison.Ordinal)), e => Assert.Null(e.Facet("name")));
    }

    [Fact]
    public void Connectors_join_a_name_and_a_trailing_connector_does_not()
    {
        AssertEntities("Soldiers of the Ministry of Internal Affairs and the Bank of Ayrum were named, and the Internal Troops of.",
            ("Ministry of Internal Affairs", "Ministry of Internal Affairs", "ORG"), ("Bank of Ayrum", "Bank of Ayrum", "ORG"), ("Internal Troops", "Internal Troops", "ORG"));
    }

    [Fact]
    public void Sentence_initial_capitals_are_not_names_without_evidence()
    {
        // "Civilians" and "Sappers" start sentences and never appear elsewhere: not names. "Meanwhile" is a function word.
        AssertEntities("Civilians left the area. Meanwhile Sappers arrived. The convoy waited near Zarnaghil.", ("Zarnaghil", "Zarnaghil", "UNKNOWN"));
    }

    [Fact]
    public void A_sentence_initial_word_is_a_name_when_the_document_capitalises_it_mid_sentence()
    {
        AssertEntities("Zarnaghil was shelled. Residents of Zarnaghil fled.", ("Zarnaghil", "Zarnaghil", "UNKNOWN"), ("Zarnaghil", "Zarnaghil", "UNKNOWN"));
    }

    [Fact]
    public void A_sentence_initial_word_seen_in_lower_case_is_not_a_name()
    {
        AssertEntities("Continuation of the talks was agreed. Its continuation depends on Zarnaghil.", ("Zarnaghil", "Zarnaghil", "UNKNOWN"));
    }

    [Fact]
    public void Function_words_at_the_start_of_a_sentence_are_left_out()
    {
        AssertEntities("The Highland Relief Committee met. According to Highland Relief Committee staff, aid arrived.",
            ("Highland Relief Committee", "Highland Relief Committee", "ORG"), ("Highland Relief Committee", "Highland Relief Committee", "ORG"));
    }

    [Fact]
    public void Headline_case_lines_only_keep_names_confirmed_by_running_text()
    {
        const string text = "Zarnaghil Residents Welcome Aid Convoy From Highland Relief Committee\n\n" +
                            "The Highland Relief Committee sent trucks to Zarnaghil on Tuesday, officials said.";
        AssertEntities(text,
            ("Zarnaghil", "Zarnaghil", "UNKNOWN"), ("Highland Relief Committee", "Highland Relief Committee", "ORG"),
            ("Highland Relief Committee", "Highland Relief Committee", "ORG"), ("Zarnaghil", "Zarnaghil", "UNKNOWN"));
    }

    [Fact]
    public void Lines_in_capitals_are_headline_case_too()
    {
        AssertEntities("SAPPERS CLEAR ROADS NEAR ZARNAGHIL\nSappers cleared roads near Zarnaghil.", ("ZARNAGHIL", "Zarnaghil", "UNKNOWN"), ("Zarnaghil", "Zarnaghil", "UNKNOWN"));
    }

    [Fact]
    public void A_surname_after_an_unlisted_full_name_is_that_person()
    {
        AssertEntities("The witness, Timur Bekov, described the blast. Bekov said two trucks burned.",
            ("Timur Bekov", "Timur Bekov", "PERSON"), ("Bekov", "Timur Bekov", "PERSON"));
    }

    [Fact]
    public void Gazetteer_only_mode_reports_no_unlisted_names()
    {
        const string text = "Timur Bekov visited Shusha.";
        AssertEntities(text, Find(text, o => o.Mode = EntityMode.GazetteerOnly), ("Shusha", "az.gpe.shusha", "GPE"));
        AssertEntities(text, Find(text, o => o.DetectUnlisted = false), ("Shusha", "az.gpe.shusha", "GPE"));
    }

    [Fact]
    public void Recognizer_only_mode_links_recognised_names_that_a_gazetteer_lists()
    {
        const string text = "Timur Bekov said Ilham Aliyev had called.";
        var entities = Find(text, o => o.Mode = EntityMode.RecognizerOnly);
        AssertEntities(text, entities, ("Timur Bekov", "Timur Bekov", "PERSON"), ("Ilham Aliyev", "az.person.ilham-aliyev", "PERSON"));
        Assert.Equal("true", entities[1].Facet("listed"));
    }

    [Fact]
    public void A_custom_recognizer_plugs_in_and_its_spans_are_checked()
    {
        const string text = "Shusha hosted the Zarnaghil forum.";
        var fake = new FixedRecognizer(
            new RecognizedEntity(0, 6, "LOC", 0.9),                   // overlaps the gazetteer's Shusha: dropped
            new RecognizedEntity(18, 9, "GPE", 0.9),                  // Zarnaghil
            new RecognizedEntity(28, 5, "EVENT", 0.2),                // below the minimum confidence: dropped
            new RecognizedEntity(30, 100, "ORG", 0.9),                // past the end of the text: dropped
            new RecognizedEntity(18, 15, "EVENT", 0.9));              // overlaps an earlier result: dropped
        var entities = Find(text, o => { o.Recognizer = fake; o.MinimumConfidence = 0.5; });
        AssertEntities(text, entities, ("Shusha", "az.gpe.shusha", "GPE"), ("Zarnaghil", "Zarnaghil", "GPE"));
        Assert.Equal([(0, 6, "GPE")], fake.LastKnown.Select(k => (k.Start, k.Length, k.Type)));
        var pipeline = new TextLensPipelineBuilder().AddEntities(o => o.Recognizer = fake).Build();
        Assert.Equal("fixed/1", pipeline.Analyzers[0].Descriptor.Options["recognizer"]);
    }

    [Fact]
    public void The_recognizer_does_not_claim_the_title_of_a_listed_person()
    {
        AssertEntities("Peacekeeping commander General Volkov arrived, Andrei Volkov said.",
            ("Volkov", "ru.person.andrei-volkov", "PERSON"), ("Andrei Volkov", "ru.person.andrei-volkov", "PERSON"));
    }

    [Fact]
    public void Headline_and_lead_positions_follow_the_metadata_title()
    {
        const string text = "Shusha Road Reopens\n\nThe road to Shusha reopened on Monday after sappers cleared it of mines, officials in Baku said.\n\nTraffic to Shusha was light.";
        var entities = Find(text, metadata: new DocumentMetadata { Title = "Shusha Road Reopens" });
        Assert.Equal(["headline", "lead", "lead", "body"], entities.Select(e => e.Facet("position")));
        var untitled = Find(text, metadata: new DocumentMetadata { Title = "Something else" });
        Assert.Equal(["body", "lead", "lead", "body"], untitled.Select(e => e.Facet("position")));
    }

    private sealed class FixedRecognizer(params RecognizedEntity[] results) : IEntityRecognizer
    {
        public IReadOnlyList<RecognizedEntity> LastKnown { get; private set; } = [];

        public string Name => "fixed/1";

        public void Recognize(ParsedDocument document, IReadOnlyList<RecognizedEntity> known, ICollection<RecognizedEntity> found)
        {
            LastKnown = known.ToList();
            foreach (var r in results)
            {
                found.Add(r);
            }
        }
    }
}

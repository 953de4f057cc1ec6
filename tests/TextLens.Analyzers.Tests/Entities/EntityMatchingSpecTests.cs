using TextLens.Entities;
using static TextLens.Tests.Entities.EntityTestKit;

namespace TextLens.Tests.Entities;

/// <summary>Exact expectations for gazetteer matching, on sentences written in the manner of the seed articles.</summary>
public sealed class EntityMatchingSpecTests
{
    private const string Gpe = "GPE";
    private const string Loc = "LOC";
    private const string Org = "ORG";
    private const string Norp = "NORP";
    private const string Fac = "FAC";
    private const string Person = "PERSON";

    [Fact]
    public void Spelling_variants_case_and_diacritics_fold_to_one_entity()
    {
        AssertEntities("Shelling was reported near Füzuli, FIZULI and fuzuli overnight, and in Şuşa.",
            ("Füzuli", "az.gpe.fuzuli", Gpe), ("FIZULI", "az.gpe.fuzuli", Gpe), ("fuzuli", "az.gpe.fuzuli", Gpe), ("Şuşa", "az.gpe.shusha", Gpe));
    }

    [Fact]
    public void Armenian_and_Russian_derived_names_resolve_to_the_same_place()
    {
        AssertEntities("Convoys left Stepanakert for Berdzor; Khankendi and Lachin are the names Baku uses.",
            ("Stepanakert", "az.gpe.khankendi", Gpe), ("Berdzor", "az.gpe.lachin", Gpe), ("Khankendi", "az.gpe.khankendi", Gpe),
            ("Lachin", "az.gpe.lachin", Gpe), ("Baku", "az.gpe.baku", Gpe));
    }

    [Fact]
    public void Declined_and_transliterated_forms_listed_in_the_gazetteer_match()
    {
        AssertEntities("Sappers worked on the Kyalbadzharsky and Lachinsky directions of the border.",
            ("Kyalbadzharsky", "az.gpe.kalbajar", Gpe), ("Lachinsky", "az.gpe.lachin", Gpe));
    }

    [Fact]
    public void A_possessive_clitic_is_left_out_of_the_span()
    {
        const string text = "Baku’s position was firm, and Azerbaijan's envoy agreed with Armenia’s.";
        var entities = Find(text);
        AssertEntities(text, entities, ("Baku", "az.gpe.baku", Gpe), ("Azerbaijan", "az.gpe.azerbaijan", Gpe), ("Armenia", "am.gpe.armenia", Gpe));
        Assert.Equal("az.org.government", entities[0].Facet("metonymFor"));
        Assert.Equal("az.gpe.azerbaijan", entities[0].Facet("parent"));
    }

    [Fact]
    public void A_possessive_inside_a_listed_name_is_part_of_the_match()
    {
        AssertEntities("“Operations have begun,” Baku’s defence ministry said on Tuesday.",
            ("Baku’s defence ministry", "az.org.ministry-of-defence", Org));
    }

    [Fact]
    public void A_hyphenated_chain_names_each_place_and_the_road()
    {
        AssertEntities("A mine hit a truck on the Ahmedbeyli-Fizuli-Shusha highway near Cherektar.",
            ("Ahmedbeyli-Fizuli-Shusha highway", "az.fac.ahmedbeyli-fuzuli-shusha-highway", Fac),
            ("Ahmedbeyli", "az.gpe.ahmedbeyli", Gpe), ("Fizuli", "az.gpe.fuzuli", Gpe), ("Shusha", "az.gpe.shusha", Gpe),
            ("Cherektar", "az.gpe.cherektar", Gpe));
    }

    [Fact]
    public void Parts_of_compounds_that_are_not_names_themselves_match()
    {
        AssertEntities("The Baku-based agency quoted ex-Soviet officers and pro-Russian bloggers.",
            ("Baku", "az.gpe.baku", Gpe), ("Soviet", "su.norp.soviet", Norp), ("Russian", "ru.norp.russian", Norp));
    }

    [Fact]
    public void Adjectives_inside_an_organisation_name_are_not_counted_twice()
    {
        AssertEntities("Officers of the joint Turkish-Russian Monitoring Center were informed.",
            ("joint Turkish-Russian Monitoring Center", "int.org.turkish-russian-monitoring-center", Org));
    }

    [Fact]
    public void The_longest_name_wins()
    {
        AssertEntities("Fighting in Nagorno-Karabakh, or Nagorno Karabakh, spread across Karabakh and the Karabakh economic region.",
            ("Nagorno-Karabakh", "az.loc.nagorno-karabakh", Loc), ("Nagorno Karabakh", "az.loc.nagorno-karabakh", Loc),
            ("Karabakh", "az.loc.karabakh", Loc), ("Karabakh economic region", "az.loc.karabakh-economic-region", Loc));
        AssertEntities("The Ministry of Defense of the Republic of Azerbaijan said Azerbaijan would respond.",
            ("Ministry of Defense of the Republic of Azerbaijan", "az.org.ministry-of-defence", Org), ("Azerbaijan", "az.gpe.azerbaijan", Gpe));
    }

    [Fact]
    public void Ministries_are_recognised_under_their_several_english_names()
    {
        AssertEntities(
            "The Azerbaijani Defence Ministry, the Azerbaijan Foreign Ministry and the Foreign Ministry of Azerbaijan all commented, as did the Russian Defense Ministry.",
            ("Azerbaijani Defence Ministry", "az.org.ministry-of-defence", Org), ("Azerbaijan Foreign Ministry", "az.org.ministry-of-foreign-affairs", Org),
            ("Foreign Ministry of Azerbaijan", "az.org.ministry-of-foreign-affairs", Org), ("Russian Defense Ministry", "ru.org.ministry-of-defence", Org));
    }

    [Fact]
    public void Metonyms_carry_what_they_stand_for()
    {
        const string text = "The Kremlin and the White House disagreed, while Moscow and Yerevan kept silent.";
        var entities = Find(text);
        AssertEntities(text, entities, ("Kremlin", "ru.fac.kremlin", Fac), ("White House", "us.fac.white-house", Fac), ("Moscow", "ru.gpe.moscow", Gpe),
            ("Yerevan", "am.gpe.yerevan", Gpe));
        Assert.Equal(["ru.org.government", "us.org.government", "ru.org.government", "am.org.government"], entities.Select(e => e.Facet("metonymFor")));
    }

    [Fact]
    public void Facets_hold_the_canonical_name_listed_parent_and_position_but_not_the_surface()
    {
        var a = Assert.Single(Find("Residents returned to Şuşa on Sunday after many years away."));
        Assert.Equal([new("name", "Shusha"), new("listed", "true"), new("parent", "az.gpe.azerbaijan"), new("position", "headline")], a.Facets);
    }

    [Fact]
    public void Persons_are_matched_with_titles_outside_the_span_and_by_surname_once_named()
    {
        AssertEntities(
            "Major General Andrei Volkov met the press. Later General Volkov declined to comment, and Volkov left. Ruben Vardanyan arrived; Vardanyan spoke briefly.",
            ("Andrei Volkov", "ru.person.andrei-volkov", Person), ("Volkov", "ru.person.andrei-volkov", Person), ("Volkov", "ru.person.andrei-volkov", Person),
            ("Ruben Vardanyan", "am.person.ruben-vardanyan", Person), ("Vardanyan", "am.person.ruben-vardanyan", Person));
    }

    [Fact]
    public void A_surname_alone_is_not_a_person_before_the_full_name()
    {
        AssertEntities("Volkov was not mentioned before Andrei Volkov.", ("Andrei Volkov", "ru.person.andrei-volkov", Person));
    }

    [Fact]
    public void Case_sensitive_aliases_match_as_written_or_in_capitals_only()
    {
        AssertEntities("The US envoy told us that TURKEY and Turkey, not the turkey, would host talks.",
            ("US", "us.gpe.united-states", Gpe), ("TURKEY", "tr.gpe.turkey", Gpe), ("Turkey", "tr.gpe.turkey", Gpe));
        AssertEntities("SUCH TV reported such tv coverage.", ("SUCH TV", "pk.org.such-tv", Org));
    }

    [Fact]
    public void Demonyms_are_nationalities_linked_to_their_country()
    {
        var entities = Find("Azerbaijani soldiers and ethnic Armenians met Russian officers.");
        AssertEntities("Azerbaijani soldiers and ethnic Armenians met Russian officers.", entities,
            ("Azerbaijani", "az.norp.azerbaijani", Norp), ("Armenians", "am.norp.armenian", Norp), ("Russian", "ru.norp.russian", Norp));
        Assert.Equal(["az.gpe.azerbaijan", "am.gpe.armenia", "ru.gpe.russia"], entities.Select(e => e.Facet("parent")));
    }

    [Fact]
    public void The_peacekeepers_the_roads_and_the_agreements_are_entities_of_their_own()
    {
        AssertEntities(
            "Russian peacekeepers patrolled the Lachin road under the Trilateral Statement after the 44-day war.",
            ("Russian peacekeepers", "ru.org.peacekeeping-contingent", Org), ("Lachin road", "az.fac.lachin-road", Fac),
            ("Trilateral Statement", "az.law.trilateral-statement", "LAW"), ("44-day war", "az.event.second-karabakh-war", "EVENT"));
    }

    [Fact]
    public void An_ambiguous_alias_resolves_to_the_first_entity_and_says_so()
    {
        var g = Gazetteer.Parse("""
            {
              "name": "ambiguity", "version": "1",
              "entities": [
                { "id": "xx.gpe.georgia", "name": "Georgia", "type": "GPE" },
                { "id": "us.gpe.georgia-state", "name": "State of Georgia", "type": "GPE", "aliases": [{ "text": "Georgia", "ambiguous": true }] }
              ]
            }
            """, "inline");
        var a = Assert.Single(Find("Talks in Georgia continued.", o => o.AddGazetteer(g).Mode = EntityMode.GazetteerOnly));
        Assert.Equal("xx.gpe.georgia", a.Label);
        Assert.Equal("true", a.Facet("ambiguous"));
    }

    [Fact]
    public void Compound_parts_can_be_switched_off()
    {
        AssertEntities("A Baku-based agency reported.", Find("A Baku-based agency reported.", o => { o.MatchCompoundParts = false; o.Mode = EntityMode.GazetteerOnly; }));
    }
}

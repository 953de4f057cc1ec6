using TextLens.Entities;

namespace TextLens.Tests.Entities;

public sealed class GazetteerLoaderTests
{
    private const string Minimal = """
        {
          "name": "test",
          "version": "1",
          "entities": [
            { "id": "xx.gpe.fuzuli", "name": "Fuzuli", "type": "GPE", "aliases": ["Fizuli", "Varanda"] }
          ]
        }
        """;

    [Fact]
    public void A_minimal_gazetteer_loads_with_its_info()
    {
        var g = Gazetteer.Parse(Minimal, "inline");
        Assert.Equal("test", g.Name);
        Assert.Equal("1", g.Version);
        Assert.True(g.FoldDiacritics);
        Assert.True(g.TryGetEntity("xx.gpe.fuzuli", out var fuzuli));
        Assert.Equal("Fuzuli", fuzuli.Name);
        Assert.Equal(["Fizuli", "Varanda"], fuzuli.Aliases.Select(a => a.Text));
        Assert.Equal(new LexiconInfo("gazetteer", "test", "1", g.Sha256, "inline"), g.Info);
        Assert.False(g.TryGetEntity("xx.gpe.nowhere", out _));
    }

    [Fact]
    public void Load_reads_a_file_and_hashes_its_bytes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"textlens-gazetteer-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Minimal);
        try
        {
            var g = Gazetteer.Load(path);
            Assert.Equal(path, g.Origin);
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant(), g.Sha256);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_a_configuration_fault_naming_the_path()
    {
        var ex = Assert.ThrowsAny<TextLensConfigurationException>(() => Gazetteer.Load("/no/such/gazetteer.json"));
        Assert.Contains("/no/such/gazetteer.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_fails_with_line_and_column()
    {
        const string json = "{\n  \"name\": \"test\",\n  \"version\": \"1\"\n  \"entities\": []\n}";
        var ex = Assert.Throws<LexiconException>(() => Gazetteer.Parse(json, "bad.json"));
        Assert.Equal("bad.json", ex.File);
        Assert.Equal(4, ex.Line);
        Assert.Equal(3, ex.Column);
    }

    [Fact]
    public void Every_fault_is_listed_with_file_line_column_and_field()
    {
        const string json = """
            {
              "name": "test",
              "version": "1",
              "entities": [
                { "id": "xx.gpe.a", "name": "A town", "type": "GPE", "aliases": ["", "Ay"] },
                { "id": "xx.gpe.a", "name": "Other", "type": "GPE" },
                { "id": "xx.gpe.b", "name": "Bee", "type": "PLANET" },
                { "id": "xx.gpe.c", "name": "Cee", "type": "GPE", "parent": "xx.gpe.nowhere", "metonymfor": "xx.gpe.a" },
                { "id": "Bad Id", "name": "Dee", "type": "GPE" },
                { "id": "xx.org.e", "name": "Eee", "type": "ORG", "titles": ["General"] },
                { "id": "xx.gpe.f", "name": "Eff", "type": "GPE", "aliases": ["Ay"] },
                { "id": "xx.gpe.g", "name": "Gee*", "type": "GPE", "metonymFor": "xx.gpe.g" }
              ]
            }
            """;
        var ex = Assert.Throws<LexiconException>(() => Gazetteer.Parse(json, "faults.json"));
        var faults = ex.LexiconFaults;
        Assert.All(faults, f => Assert.Equal("faults.json", f.File));
        Assert.All(faults, f => Assert.NotNull(f.Line));

        void Has(int line, string field, string fragment) =>
            Assert.Contains(faults, f => f.Line == line && f.Field == field && f.Message.Contains(fragment, StringComparison.Ordinal));

        Has(5, "entities[0].aliases[0]", "empty");
        Has(6, "entities[1].id", "duplicate id 'xx.gpe.a'");
        Has(7, "entities[2].type", "unknown type 'PLANET'");
        Has(8, "entities[3].parent", "unknown parent id 'xx.gpe.nowhere'");
        Has(8, "entities[3].metonymfor", "did you mean 'metonymFor'");
        Has(9, "entities[4].id", "not a valid id");
        Has(10, "entities[5].titles", "titles are for PERSON");
        Has(11, "entities[6].aliases[0]", "also an alias of 'xx.gpe.a'");
        Has(12, "entities[7].name", "contains '*'");
        Has(12, "entities[7].metonymFor", "names itself");
        Assert.Equal(10, faults.Count);
        Assert.Equal(faults.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList(), faults);

        // The column points at the value: line 8 is `    { "id": "xx.gpe.c", "name": "Cee", "type": "GPE", "parent": "xx.gpe.nowhere", ...`.
        var parent = faults.Single(f => f.Field == "entities[3].parent");
        Assert.Equal(json.Split('\n')[7].IndexOf("\"xx.gpe.nowhere\"", StringComparison.Ordinal) + 1, parent.Column);
    }

    [Fact]
    public void Missing_and_mistyped_fields_are_faults()
    {
        var ex = Assert.Throws<LexiconException>(() => Gazetteer.Parse("""{ "version": 1, "entities": {} }""", "x.json"));
        Assert.Contains(ex.LexiconFaults, f => f.Message.Contains("'name' is missing", StringComparison.Ordinal));
        Assert.Contains(ex.LexiconFaults, f => f.Field == "version" && f.Message.Contains("must be a string", StringComparison.Ordinal));
        Assert.Contains(ex.LexiconFaults, f => f.Field == "entities" && f.Message.Contains("must be an array", StringComparison.Ordinal));
    }

    [Fact]
    public void An_alias_shared_with_an_earlier_entity_loads_when_marked_ambiguous()
    {
        const string json = """
            {
              "name": "test", "version": "1",
              "entities": [
                { "id": "xx.gpe.georgia", "name": "Georgia", "type": "GPE" },
                { "id": "us.gpe.georgia", "name": "State of Georgia", "type": "GPE", "aliases": [{ "text": "Georgia", "ambiguous": true }] }
              ]
            }
            """;
        var g = Gazetteer.Parse(json, "inline");
        var index = EntityIndex.Create(g);
        Assert.True(index.TryResolve("Georgia", out var first));
        Assert.Equal("xx.gpe.georgia", first.Id);
    }

    [Fact]
    public void Custom_types_must_be_declared()
    {
        const string json = """
            {
              "name": "test", "version": "1", "customTypes": ["LAW"],
              "entities": [ { "id": "xx.law.statement", "name": "Trilateral Statement", "type": "LAW" } ]
            }
            """;
        var g = Gazetteer.Parse(json, "inline");
        Assert.Equal(["LAW"], g.CustomTypes);
        Assert.Equal("LAW", g.Entities[0].Type);

        var ex = Assert.Throws<LexiconException>(() => Gazetteer.Parse(json.Replace("\"customTypes\": [\"LAW\"],", "", StringComparison.Ordinal), "inline"));
        Assert.Contains("declare it in 'customTypes'", ex.LexiconFaults[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stop_word_alias_needs_case_sensitive_matching_and_the_validator_says_so()
    {
        const string json = """
            {
              "name": "test", "version": "1",
              "entities": [
                { "id": "us.gpe.united-states", "name": "United States", "type": "GPE", "aliases": ["US", "U.S."] },
                { "id": "it.gpe.italy", "name": "Italy", "type": "GPE", "aliases": [{ "text": "IT", "caseSensitive": true }] },
                { "id": "td.gpe.chad", "name": "Chad", "type": "GPE" },
                { "id": "az.gpe.fuzuli", "name": "Fuzuli", "type": "GPE", "aliases": ["Füzuli", "FUZULI", "Fizuli"] }
              ]
            }
            """;
        var warnings = GazetteerValidator.Validate(Gazetteer.Parse(json, "v.json"));
        Assert.Collection(warnings,
            w =>
            {
                Assert.Equal(GazetteerValidator.CommonWordCode, w.Code);
                Assert.Equal("US", w.Alias);
                Assert.Equal("us.gpe.united-states", w.EntityId);
                Assert.Equal("entities[0].aliases[0]", w.Path);
                Assert.Equal(4, w.Line);
                Assert.Contains("caseSensitive", w.Message, StringComparison.Ordinal);
            },
            w => Assert.Equal((GazetteerValidator.CommonWordCode, "Chad", "entities[2].name"), (w.Code, w.Alias, w.Path)),
            w => Assert.Equal((GazetteerValidator.DuplicateCode, "Füzuli"), (w.Code, w.Alias)),
            w => Assert.Equal((GazetteerValidator.DuplicateCode, "FUZULI"), (w.Code, w.Alias)));
        Assert.StartsWith("v.json:4:", warnings[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Gazetteers_that_depend_on_another_need_it_when_combined()
    {
        const string json = """
            {
              "name": "local", "version": "1", "dependsOn": ["world"],
              "entities": [ { "id": "az.gpe.agjabadi", "name": "Aghjabadi", "type": "GPE", "parent": "az.gpe.azerbaijan" } ]
            }
            """;
        var local = Gazetteer.Parse(json, "local.json");
        var ex = Assert.Throws<LexiconException>(() => EntityIndex.Create(local));
        Assert.Contains(ex.LexiconFaults, f => f.Message.Contains("depends on gazetteer 'world'", StringComparison.Ordinal));
        Assert.Contains(ex.LexiconFaults, f => f.Field == "entities[0].parent" && f.Line == 3 && f.Message.Contains("az.gpe.azerbaijan", StringComparison.Ordinal));

        var index = EntityIndex.Create(Gazetteers.Default("world"), local);
        Assert.True(index.TryGetEntity("az.gpe.agjabadi", out var town));
        Assert.Equal("Azerbaijan", index.ParentOf(town)!.Name);
    }

    [Fact]
    public void Combining_reports_ids_and_aliases_that_clash_across_gazetteers()
    {
        const string json = """
            {
              "name": "mine", "version": "1",
              "entities": [
                { "id": "az.gpe.baku", "name": "Baku city", "type": "GPE" },
                { "id": "xx.org.kremlin-fans", "name": "Kremlin", "type": "ORG" },
                { "id": "xx.gpe.washington-state", "name": "Washington State", "type": "GPE", "aliases": [{ "text": "Washington", "ambiguous": true }] }
              ]
            }
            """;
        var ex = Assert.Throws<LexiconException>(() => EntityIndex.Create(Gazetteers.Default("world"), Gazetteer.Parse(json, "mine.json")));
        Assert.Equal(2, ex.LexiconFaults.Count);
        Assert.Contains(ex.LexiconFaults, f => f.Line == 4 && f.Message.Contains("'az.gpe.baku' is also defined by gazetteer 'world'", StringComparison.Ordinal));
        Assert.Contains(ex.LexiconFaults, f => f.Line == 5 && f.Message.Contains("'Kremlin'", StringComparison.Ordinal) && f.Message.Contains("ru.fac.kremlin", StringComparison.Ordinal));
    }
}

using System.Security.Cryptography;
using System.Text;
using TextLens.Framing;

namespace TextLens.Tests.Framing;

/// <summary>Loading lexicons: the format, and malformed lexicons failing with the exact position of the fault.</summary>
public sealed class FramingLexiconLoadingTests
{
    private static LexiconException Fails(string json) => Assert.Throws<LexiconException>(() => FramingLexicon.Parse(json, "test.json"));

    private static void AssertFault(LexiconFault fault, int line, int column, string? field, string messagePart)
    {
        Assert.Equal("test.json", fault.File);
        Assert.Equal(line, fault.Line);
        Assert.Equal(column, fault.Column);
        Assert.Equal(field, fault.Field);
        Assert.Contains(messagePart, fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_lexicon_loads_with_every_field()
    {
        const string json = """
            {
              "$schema": "https://example.org/framing-lexicon.schema.json",
              "name": "demo",
              "version": 2,
              "language": "en",
              "description": "A demo.",
              "options": { "foldDiacritics": true, "hyphenVariants": false, "matchCompoundParts": true },
              "concepts": [
                {
                  "id": "armed-forces",
                  "description": "Who fights.",
                  "labels": [
                    {
                      "id": "separatists",
                      "patterns": ["separatist*", { "text": "DPR", "caseSensitive": true }, { "text": "Fizuli", "matchCompoundParts": false }],
                      "facets": { "stance": "delegitimizing", "perspective": "azerbaijani", "register": "official", "x-source": "MoD" },
                      "notes": "Azerbaijani official usage."
                    }
                  ]
                }
              ],
              "x-editor": "kept out"
            }
            """;
        var lexicon = FramingLexicon.Parse(json, "demo.json");

        Assert.Equal("demo", lexicon.Name);
        Assert.Equal("2", lexicon.Version);
        Assert.Equal("en", lexicon.Language);
        Assert.Equal(new FramingLexiconOptions(FoldDiacritics: true, HyphenVariants: false, MatchCompoundParts: true), lexicon.Options);
        var label = lexicon.Concepts.Single().Labels.Single();
        Assert.Equal([new FramingPattern("separatist*"), new FramingPattern("DPR", CaseSensitive: true), new FramingPattern("Fizuli", MatchCompoundParts: false)], label.Patterns);
        Assert.Equal("official", label.Facet("register"));
        Assert.Equal("MoD", label.Facet("x-source"));
        Assert.Equal("Azerbaijani official usage.", label.Notes);
        Assert.Equal((15, 23), lexicon.PositionOf("concepts[0].labels[0].patterns"));

        var info = lexicon.Info;
        Assert.Equal(new LexiconInfo("framing-lexicon", "demo", "2", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).ToLowerInvariant(), "demo.json"), info);
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_lexicon()
    {
        var original = FramingLexicons.Default("karabakh-conflict");
        var copy = FramingLexicon.Parse(original.ToJson(), "copy");
        Assert.Equal(original.ToJson(), copy.ToJson());
        Assert.Equal(original.Concepts.Count, copy.Concepts.Count);
        Assert.Equal(original.Labels.Select(l => (l.Concept.Id, l.Label.Id, string.Join("|", l.Label.Patterns))),
            copy.Labels.Select(l => (l.Concept.Id, l.Label.Id, string.Join("|", l.Label.Patterns))));
    }

    [Fact]
    public void Load_reads_a_file_and_save_writes_one()
    {
        var dir = Directory.CreateTempSubdirectory("textlens-lexicon-");
        try
        {
            var path = Path.Combine(dir.FullName, "lexicon.json");
            FramingLexicons.Default("ukraine-war").Save(path);
            var loaded = FramingLexicon.Load(path);
            Assert.Equal("ukraine-war", loaded.Name);
            Assert.Equal(path, loaded.Origin);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant(), loaded.Sha256);
            Assert.Single(Directory.GetFiles(dir.FullName));

            var missing = Assert.Throws<LexiconException>(() => FramingLexicon.Load(Path.Combine(dir.FullName, "none.json")));
            Assert.EndsWith("none.json", missing.File, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_default_lexicons_are_embedded()
    {
        Assert.Equal(["karabakh-conflict", "ukraine-war"], FramingLexicons.DefaultNames);
        var names = typeof(FramingLexicons).Assembly.GetManifestResourceNames();
        Assert.Contains("TextLens.Analyzers.Framing/Defaults/karabakh-conflict.json", names);
        Assert.Contains("TextLens.Analyzers.Framing/Defaults/ukraine-war.json", names);

        var karabakh = FramingLexicons.Default("karabakh-conflict");
        Assert.Same(karabakh, FramingLexicons.Default("karabakh-conflict"));
        Assert.True(karabakh.Concepts.Count >= 10);
        Assert.All(karabakh.Labels, l => Assert.NotNull(l.Label.Facet("stance")));
        Assert.All(karabakh.Labels, l => Assert.Contains(l.Label.Facet("perspective"), new[] { "azerbaijani", "armenian", "russian", "international" }));
        Assert.Equal("embedded:karabakh-conflict", karabakh.Origin);

        var unknown = Assert.Throws<LexiconException>(() => FramingLexicons.Default("crimea"));
        Assert.Contains("karabakh-conflict, ukraine-war", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_json_fails_with_the_line_column_and_field_being_read()
    {
        const string json = """
            {
              "name": "t",
              "version": "1",
              "concepts": [
                { "id": "c", "labels": [ { "id": "l", "patterns": ["a" "b"] } ] }
              ]
            }
            """;
        var ex = Fails(json);
        var fault = Assert.Single(ex.LexiconFaults);
        AssertFault(fault, 5, 60, "concepts[0].labels[0].patterns", "Invalid JSON");
        Assert.Equal(5, ex.Line);
        Assert.Equal(60, ex.Column);
        Assert.Equal("concepts[0].labels[0].patterns", ex.Field);
        Assert.StartsWith("test.json:5:60: concepts[0].labels[0].patterns: Invalid JSON", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<TextLensConfigurationException>(ex);
    }

    [Fact]
    public void Truncated_json_fails_at_its_end()
    {
        var ex = Fails("{\n  \"name\": \"t\",\n  \"concepts\": [");
        AssertFault(Assert.Single(ex.LexiconFaults), 3, 16, "concepts", "Invalid JSON");
    }

    [Fact]
    public void Duplicate_label_ids_fail_even_across_concepts()
    {
        const string json = """
            {
              "name": "t",
              "version": "1",
              "concepts": [
                { "id": "c1", "labels": [ { "id": "x", "patterns": ["a"] } ] },
                { "id": "c2", "labels": [ { "id": "x", "patterns": ["b"] } ] }
              ]
            }
            """;
        AssertFault(Assert.Single(Fails(json).LexiconFaults), 6, 39, "concepts[1].labels[0].id", "already used by concepts[0].labels[0]");
    }

    [Fact]
    public void Duplicate_concept_ids_fail()
    {
        const string json = """
            {
              "name": "t",
              "version": "1",
              "concepts": [
                { "id": "c1", "labels": [ { "id": "x", "patterns": ["a"] } ] },
                { "id": "c1", "labels": [ { "id": "y", "patterns": ["anti*terror"] } ] }
              ]
            }
            """;
        var faults = Fails(json).LexiconFaults;
        Assert.Equal(2, faults.Count);
        AssertFault(faults[0], 6, 13, "concepts[1].id", "Concept id \"c1\" is already used by concepts[0]");
        AssertFault(faults[1], 6, 57, "concepts[1].labels[0].patterns[0]", "'*' may only end the pattern");
    }

    [Fact]
    public void A_star_inside_a_pattern_fails()
    {
        const string json = """
            {
              "name": "t",
              "version": "1",
              "concepts": [
                { "id": "c2", "labels": [ { "id": "x", "patterns": ["b"] } ] },
                { "id": "c1", "labels": [ { "id": "y", "patterns": ["anti*terror"] } ] }
              ]
            }
            """;
        AssertFault(Assert.Single(Fails(json).LexiconFaults), 6, 57, "concepts[1].labels[0].patterns[0]", "'*' may only end the pattern");
        Assert.Contains("'*' must follow the start of a word", Fails(json.Replace("anti*terror", "*", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_concept_fails()
    {
        const string json = """
            {
              "name": "t",
              "version": "1",
              "concepts": [
                { "id": "c2", "labels": [ { "id": "x", "patterns": ["b"] } ] },
                { "id": "c1", "labels": [] }
              ]
            }
            """;
        AssertFault(Assert.Single(Fails(json).LexiconFaults), 6, 29, "concepts[1].labels", "Concept \"c1\" has no label");
    }

    [Fact]
    public void A_one_megabyte_pattern_fails_at_load()
    {
        var pattern = new string('a', 1_000_000);
        var json = "{\n  \"name\": \"t\",\n  \"version\": \"1\",\n  \"concepts\": [ { \"id\": \"c\", \"labels\": [ { \"id\": \"l\", \"patterns\": [\n    \"" + pattern + "\"\n  ] } ] } ]\n}";
        var fault = Assert.Single(Fails(json).LexiconFaults);
        AssertFault(fault, 5, 5, "concepts[0].labels[0].patterns[0]", "1,000,000 characters long; at most 1,000");

        // 1,000 characters is still fine.
        FramingLexicon.Parse(json.Replace(pattern, new string('a', 1000), StringComparison.Ordinal), "test.json");
    }

    [Fact]
    public void Missing_name_and_version_fail_at_the_top_object()
    {
        var faults = Fails("""
            {
              "concepts": [ { "id": "c", "labels": [ { "id": "l", "patterns": ["x"] } ] } ]
            }
            """).LexiconFaults;
        Assert.Equal(2, faults.Count);
        AssertFault(faults[0], 1, 1, "name", "needs a \"name\"");
        AssertFault(faults[1], 1, 1, "version", "needs a \"version\"");
    }

    [Fact]
    public void Unknown_facets_and_fields_fail_and_every_fault_is_listed()
    {
        const string json = """
            {
              "name": "t",
              "version": "1",
              "concepts": [
                { "id": "c", "labels": [ { "id": "l", "patterns": ["a"], "facets": { "stance": "neutral", "tone": "angry" } } ] }
              ],
              "pattern": ["typo"]
            }
            """;
        var ex = Fails(json);
        Assert.Equal(2, ex.LexiconFaults.Count);
        AssertFault(ex.LexiconFaults[0], 5, 103, "concepts[0].labels[0].facets.tone", "Unknown facet \"tone\"");
        AssertFault(ex.LexiconFaults[1], 7, 3, "pattern", "Unknown field \"pattern\"");
        Assert.StartsWith("2 configuration faults:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_and_empty_patterns_fail()
    {
        const string json = """
            {
              "name": "t",
              "version": true,
              "concepts": [ { "id": "c", "labels": [ { "id": "l", "patterns": ["", 3, "   "] } ] } ]
            }
            """;
        var faults = Fails(json).LexiconFaults;
        Assert.Equal(["version", "concepts[0].labels[0].patterns[0]", "concepts[0].labels[0].patterns[1]", "concepts[0].labels[0].patterns[2]"],
            faults.Select(f => f.Field));
        Assert.Contains("Expected a string or a number", faults[0].Message, StringComparison.Ordinal);
        Assert.Contains("The pattern is empty", faults[1].Message, StringComparison.Ordinal);
        Assert.Contains("A pattern is a string or an object", faults[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lexicons_built_in_code_follow_the_same_rules()
    {
        var ex = Assert.Throws<LexiconException>(() => new FramingLexicon("", "1",
        [
            new FramingConcept("c", [new FramingLabel("l", ["a*b"], new Dictionary<string, string> { ["voice"] = "x" })]),
            new FramingConcept("c", []),
        ]));
        Assert.Equal(["name", "concepts[0].labels[0].patterns[0]", "concepts[0].labels[0].facets.voice", "concepts[1].id", "concepts[1].labels"],
            ex.LexiconFaults.Select(f => f.Field));
        Assert.All(ex.LexiconFaults, f => Assert.Null(f.Line));
        Assert.Equal("code", ex.File);
    }
}

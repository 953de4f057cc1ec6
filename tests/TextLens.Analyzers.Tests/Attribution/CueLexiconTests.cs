using TextLens.Analyzers.Attribution;
using static TextLens.Tests.Attribution.AttributionHarness;

namespace TextLens.Tests.Attribution;

public sealed class CueLexiconTests
{
    [Fact]
    public void The_default_lexicon_loads_with_stances_and_inflections()
    {
        var lexicon = CueLexiconLoader.Default;
        Assert.Equal("textlens-cues", lexicon.Name);
        Assert.Equal("embedded:textlens-cues", lexicon.Origin);
        Assert.Matches("^[0-9a-f]{64}$", lexicon.Sha256);
        var say = lexicon.Verbs.Single(v => v.Lemma == "say");
        Assert.Equal(["say", "says", "said", "saying"], say.Forms);
        Assert.Equal(CueStance.Distancing, lexicon.Verbs.Single(v => v.Lemma == "claim").Stance);
        Assert.Equal(["claim", "claims", "claimed", "claiming"], lexicon.Verbs.Single(v => v.Lemma == "claim").Forms);
        Assert.Equal(CueStance.Endorsing, lexicon.Verbs.Single(v => v.Lemma == "point out").Stance);
        Assert.Contains("pointed out", lexicon.Verbs.Single(v => v.Lemma == "point out").Forms);
        Assert.Equal(CueStance.Accusing, lexicon.Verbs.Single(v => v.Lemma == "deny").Stance);
        Assert.Contains("denied", lexicon.Verbs.Single(v => v.Lemma == "deny").Forms);
        Assert.Contains(lexicon.Phrases, p => p.Text == "according to" && p.Kind == CuePhraseKind.AccordingTo);
        Assert.Contains(lexicon.Phrases, p => p.Text == "cited ... as saying" && p.Kind == CuePhraseKind.CitedAsSaying);
        Assert.Contains(lexicon.SourceNouns, n => n.Text == "unnamed source" && n.Type == AttributionSourceTypes.Anonymous);
        Assert.Contains(lexicon.SourceNouns, n => n.Text == "telegram channel" && n.Type == AttributionSourceTypes.SocialMedia);
    }

    [Theory]
    [InlineData("state", new[] { "state", "states", "stated", "stating" })]
    [InlineData("deny", new[] { "deny", "denies", "denied", "denying" })]
    [InlineData("stress", new[] { "stress", "stresses", "stressed", "stressing" })]
    [InlineData("call on", new[] { "call on", "calls on", "called on", "calling on" })]
    public void Regular_inflections_are_generated_when_forms_are_omitted(string lemma, string[] forms) =>
        Assert.Equal(forms, CueLexiconLoader.Inflect(lemma));

    [Fact]
    public void A_user_lexicon_adds_verbs_and_overrides_default_stances()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cues-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              // comments and trailing commas are allowed
              "name": "my-cues", "version": "2",
              "verbs": [
                { "lemma": "opine", "stance": "neutral" },
                { "lemma": "insist", "stance": "neutral" },
              ],
              "sourceNouns": [ { "text": "ombudsman", "type": "official", "role": "person" } ]
            }
            """);
        try
        {
            var views = Find("The ombudsman opined that the road was safe. The commander insisted that the convoy was empty.", o => o.AddCueLexiconFile(path));
            var opined = views.Single("opined");
            Assert.Equal("opine", opined["cue"]);
            Assert.Equal("official", opined.Type);
            Assert.Equal("neutral", views.Single("insisted")["cueStance"]);

            var pipeline = new TextLensPipelineBuilder().AddAttribution(o => o.AddCueLexiconFile(path)).Build();
            var lexicons = pipeline.Analyzers.Single().Descriptor.Lexicons;
            Assert.Equal(["textlens-cues", "my-cues"], lexicons.Select(l => l.Name));
            Assert.All(lexicons, l => Assert.Equal("cue-lexicon", l.Kind));
            Assert.Equal(path, lexicons[1].Origin);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Faults_name_the_file_line_column_and_field()
    {
        const string json = """
            {
              "name": "bad",
              "version": "1",
              "verbs": [
                { "lemma": "say", "stance": "neutral" },
                { "lemma": "grumble", "stance": "grumpy" },
                { "stance": "neutral" },
                { "lemma": "mutter", "stance": "neutral", "colour": "blue" }
              ],
              "phrases": [ { "text": "cited as saying", "kind": "cited-as-saying" } ],
              "sourceNouns": [ { "text": "oracle", "type": "prophet" } ]
            }
            """;
        var ex = Assert.Throws<TextLensConfigurationException>(() => CueLexiconLoader.Parse(json, "bad.json"));
        Assert.Contains(ex.Faults, f => f.StartsWith("bad.json:6:", StringComparison.Ordinal) && f.Contains("verbs[1].stance", StringComparison.Ordinal) && f.Contains("grumpy", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.StartsWith("bad.json:7:5:", StringComparison.Ordinal) && f.Contains("verbs[2].lemma", StringComparison.Ordinal) && f.Contains("required", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.StartsWith("bad.json:8:", StringComparison.Ordinal) && f.Contains("verbs[3].colour", StringComparison.Ordinal) && f.Contains("unknown field", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.StartsWith("bad.json:10:", StringComparison.Ordinal) && f.Contains("phrases[0].text", StringComparison.Ordinal) && f.Contains("gap", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.StartsWith("bad.json:11:", StringComparison.Ordinal) && f.Contains("sourceNouns[0].type", StringComparison.Ordinal) && f.Contains("prophet", StringComparison.Ordinal));
        Assert.Equal(5, ex.Faults.Count);
    }

    [Fact]
    public void Invalid_json_names_the_line_and_column()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => CueLexiconLoader.Parse("{\n  \"name\": \"x\",\n  \"version\": 1 2\n}", "broken.json"));
        Assert.StartsWith("broken.json:3:", Assert.Single(ex.Faults), StringComparison.Ordinal);
        Assert.Contains("invalid JSON", ex.Faults[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_fails_when_the_analyzer_is_added()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => new TextLensPipelineBuilder().AddAttribution(o => o.AddCueLexiconFile("/nonexistent/cues.json")));
        Assert.Contains("/nonexistent/cues.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_validated_listing_every_fault()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => new TextLensPipelineBuilder().AddAttribution(o =>
        {
            o.MaxSourceDistanceTokens = -1;
            o.MaxSourceTokens = 0;
            o.IncludeDefaultCues = false;
        }));
        Assert.Equal(3, ex.Faults.Count);
        Assert.Contains(ex.Faults, f => f.Contains("MaxSourceDistanceTokens", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.Contains("MaxSourceTokens", StringComparison.Ordinal));
        Assert.Contains(ex.Faults, f => f.Contains("IncludeDefaultCues", StringComparison.Ordinal));
    }

    [Fact]
    public void The_descriptor_names_the_layer_the_optional_entity_layer_options_and_lexicon()
    {
        var pipeline = new TextLensPipelineBuilder().AddAttribution(o => o.MaxSourceDistanceTokens = 4).Build();
        var d = Assert.Single(pipeline.Analyzers).Descriptor;
        Assert.Equal("textlens.attribution/1", d.VersionedId);
        Assert.Equal("attribution", d.Layer);
        Assert.Equal(["entity"], d.OptionalLayers);
        Assert.Empty(d.RequiredLayers);
        Assert.Equal("4", d.Options["MaxSourceDistanceTokens"]);
        var lexicon = Assert.Single(d.Lexicons);
        Assert.Equal(CueLexiconLoader.Default.Sha256, lexicon.Sha256);
        Assert.Single(pipeline.ReportContributors);
    }

    [Fact]
    public void Runs_after_an_entity_analyzer_added_later()
    {
        var pipeline = new TextLensPipelineBuilder().AddAttribution().AddAnalyzer(new FakeEntityAnalyzer(("Baku", "GPE", "Baku", "Government of Azerbaijan"))).Build();
        Assert.Equal(["test.entities", "textlens.attribution"], pipeline.Analyzers.Select(a => a.Descriptor.Id));
        var result = pipeline.Analyze(new TextDocument("d", "Baku said the road was open."));
        Assert.Equal("Government of Azerbaijan", result.Annotations.Single(a => a.Layer == "attribution").Label);
    }
}

using System.Text;
using TextLens.Framing;
using static TextLens.Tests.Framing.FramingTestSupport;

namespace TextLens.Tests.Framing;

public sealed class FramingLexiconImporterTests
{
    private const string Liwc = "%\n1\tfunct\n2\tpronoun\n125\taffect\n126\tposemo\n127\tnegemo\n%\na\t1\nhe\t1 2\nhappy\t125 126\ngood*\t125 126\nhate*\t125\t127\nkind of\t1\n";

    [Fact]
    public void A_liwc_dictionary_becomes_one_concept_with_a_label_per_category()
    {
        var lexicon = FramingLexiconImporter.FromLiwcText(Liwc, "small.dic", "small");

        var concept = Assert.Single(lexicon.Concepts);
        Assert.Equal("liwc", concept.Id);
        // Each word in its most specific category (fewest words): "he" in pronoun, not funct; "happy" in posemo, not affect.
        Assert.Equal(["funct", "pronoun", "posemo", "negemo"], concept.Labels.Select(l => l.Id));
        Assert.Equal(["a", "kind of"], concept.Labels[0].Patterns.Select(p => p.Text));
        Assert.Equal(["he"], concept.Labels[1].Patterns.Select(p => p.Text));
        Assert.Equal(["happy", "good*"], concept.Labels[2].Patterns.Select(p => p.Text));
        Assert.Equal("126", concept.Labels[2].Facet("x-liwc-category"));
        Assert.Contains("affect", lexicon.Description, StringComparison.Ordinal);

        Assert.Equal(["He=pronoun", "a=funct", "kind of=funct", "good=posemo", "hated=negemo"],
            Matches(lexicon, "He said it was a kind of good day; they hated it."));
    }

    [Fact]
    public void An_imported_dictionary_is_saved_as_textlens_json()
    {
        var lexicon = FramingLexiconImporter.FromLiwcText(Liwc, "small.dic", "small");
        var again = FramingLexicon.Parse(lexicon.ToJson(), "small.json");
        Assert.Equal(lexicon.ToJson(), again.ToJson());
        Assert.Equal("small", again.Name);
    }

    [Fact]
    public void A_malformed_liwc_dictionary_fails_with_every_position()
    {
        const string dic = "%\n1\tfunct\nx\tbad\n%\nwo*rd\t1\nfine\t1 9\nodd\t1/2\n";
        var ex = Assert.Throws<LexiconException>(() => FramingLexiconImporter.FromLiwcText(dic, "bad.dic", "bad"));
        Assert.Equal([(3, 1), (5, 1), (6, 8), (7, 5)], ex.LexiconFaults.Select(f => (f.Line!.Value, f.Column!.Value)));
        Assert.Contains("number and a name", ex.LexiconFaults[0].Message, StringComparison.Ordinal);
        Assert.Contains("'*' may only end the pattern", ex.LexiconFaults[1].Message, StringComparison.Ordinal);
        Assert.Contains("Category 9 is not defined", ex.LexiconFaults[2].Message, StringComparison.Ordinal);
        Assert.Contains("conditional categories", ex.LexiconFaults[3].Message, StringComparison.Ordinal);
        Assert.All(ex.LexiconFaults, f => Assert.Equal("bad.dic", f.File));

        var noHeader = Assert.Throws<LexiconException>(() => FramingLexiconImporter.FromLiwcText("word\t1\n", "x.dic", "x"));
        Assert.Equal((1, 1), (noHeader.Line, noHeader.Column));
    }

    private const string Quanteda = """
        # An economy and crime dictionary
        economy:
          positive:
            - growth
            - recover*
          negative: [recession, "job loss*"]
        crime:
          - crime
          - violen*
        """;

    [Fact]
    public void A_quanteda_dictionary_maps_nested_keys_to_concepts_and_leaves_to_labels()
    {
        var lexicon = FramingLexiconImporter.FromQuantedaYaml(Quanteda, "news.yml", "news");

        Assert.Equal(["economy", "news"], lexicon.Concepts.Select(c => c.Id));
        Assert.Equal(["economy.positive", "economy.negative"], lexicon.Concepts[0].Labels.Select(l => l.Id));
        Assert.Equal(["recession", "job loss*"], lexicon.Concepts[0].Labels[1].Patterns.Select(p => p.Text));
        Assert.Equal(["crime"], lexicon.Concepts[1].Labels.Select(l => l.Id));
        Assert.Equal(["recovery=economy.positive", "job losses=economy.negative", "violence=crime"],
            Matches(lexicon, "A recovery after job losses, and less violence."));
    }

    [Fact]
    public void A_quanteda_file_imports_and_saves()
    {
        var dir = Directory.CreateTempSubdirectory("textlens-import-");
        try
        {
            var yaml = Path.Combine(dir.FullName, "news.yml");
            File.WriteAllText(yaml, Quanteda, Encoding.UTF8);
            var lexicon = FramingLexiconImporter.FromQuanteda(yaml);
            Assert.Equal("news", lexicon.Name);
            var json = Path.Combine(dir.FullName, "news.json");
            lexicon.Save(json);
            Assert.Equal(lexicon.ToJson(), FramingLexicon.Load(json).ToJson());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Deeply_nested_yaml_is_rejected_at_the_mapping_that_is_too_deep()
    {
        var yaml = new StringBuilder();
        for (var depth = 1; depth <= 40; depth++)
        {
            yaml.Append(' ', 2 * (depth - 1)).Append('k').Append(depth).Append(":\n");
        }

        yaml.Append(' ', 80).Append("- word\n");
        var ex = Assert.Throws<LexiconException>(() => FramingLexiconImporter.FromQuantedaYaml(yaml.ToString(), "deep.yml", "deep"));
        var fault = Assert.Single(ex.LexiconFaults);
        // The 33rd mapping starts with key "k33" on line 33, indented by 64 spaces.
        Assert.Equal((33, 65), (fault.Line!.Value, fault.Column!.Value));
        Assert.Equal(string.Join('.', Enumerable.Range(1, 32).Select(i => $"k{i}")), fault.Field);
        Assert.Contains("deeper than 32", fault.Message, StringComparison.Ordinal);

        // 32 levels are fine: 31 mappings and the list of patterns.
        var ok = new StringBuilder();
        for (var depth = 1; depth <= 30; depth++)
        {
            ok.Append(' ', 2 * (depth - 1)).Append('k').Append(depth).Append(":\n");
        }

        ok.Append(' ', 60).Append("k31: [word]\n");
        Assert.Equal("k1.k2.k3.k4.k5.k6.k7.k8.k9.k10.k11.k12.k13.k14.k15.k16.k17.k18.k19.k20.k21.k22.k23.k24.k25.k26.k27.k28.k29.k30.k31",
            FramingLexiconImporter.FromQuantedaYaml(ok.ToString(), "ok.yml", "ok").Concepts.Single().Labels.Single().Id);
    }

    [Fact]
    public void Deeply_nested_flow_lists_are_rejected_too()
    {
        var yaml = "a: " + new string('[', 40) + "x" + new string(']', 40) + "\n";
        var ex = Assert.Throws<LexiconException>(() => FramingLexiconImporter.FromQuantedaYaml(yaml, "flow.yml", "flow"));
        Assert.Equal((1, 4 + 31), (ex.Line!.Value, ex.Column!.Value));
        Assert.Equal("a" + string.Concat(Enumerable.Repeat("[0]", 31)), ex.Field);
    }

    [Fact]
    public void Aliases_unsupported_globs_and_bad_yaml_fail_with_their_position()
    {
        var alias = Assert.Throws<LexiconException>(() => FramingLexiconImporter.FromQuantedaYaml("a: &x [one]\nb: *x\n", "a.yml", "a"));
        Assert.Equal((2, 4, "b"), (alias.Line!.Value, alias.Column!.Value, alias.Field));
        Assert.Contains("aliases", alias.Message, StringComparison.Ordinal);

        var globs = Assert.Throws<LexiconException>(() => FramingLexiconImporter.FromQuantedaYaml("a:\n  - colo?r\n  - un*done\n", "g.yml", "g"));
        Assert.Equal([(2, 5, "a[0]"), (3, 5, "a[1]")], globs.LexiconFaults.Select(f => (f.Line!.Value, f.Column!.Value, f.Field)));

        var bad = Assert.Throws<LexiconException>(() => FramingLexiconImporter.FromQuantedaYaml("a: [one, two\nb: x\n", "b.yml", "b"));
        Assert.Contains("Invalid YAML", bad.Message, StringComparison.Ordinal);
        Assert.NotNull(bad.Line);

        var notMapping = Assert.Throws<LexiconException>(() => FramingLexiconImporter.FromQuantedaYaml("- a\n- b\n", "l.yml", "l"));
        Assert.Equal((1, 1), (notMapping.Line!.Value, notMapping.Column!.Value));
    }
}

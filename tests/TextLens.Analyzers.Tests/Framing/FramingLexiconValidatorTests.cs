using TextLens.Framing;

namespace TextLens.Tests.Framing;

public sealed class FramingLexiconValidatorTests
{
    [Fact]
    public void Validator_reports_duplicates_overlaps_and_stop_words_with_positions()
    {
        const string json = """
            {
              "name": "t",
              "version": "1",
              "concepts": [
                { "id": "op", "labels": [
                  { "id": "ato", "patterns": ["anti-terrorist operation", "Anti-Terrorist  Operation"] },
                  { "id": "local", "patterns": ["anti-terrorist operation in Karabakh", "US", { "text": "DPR", "caseSensitive": true }] },
                  { "id": "other", "patterns": ["anti-terrorist operation", "separatist*", "it"] },
                  { "id": "sep", "patterns": ["separatists"] }
                ] }
              ]
            }
            """;
        var lexicon = FramingLexicon.Parse(json, "v.json");

        var warnings = FramingLexiconValidator.Validate(lexicon);

        Assert.Equal(
        [
            ("duplicate-pattern", "concepts[0].labels[0].patterns[1]", 6),
            ("overlapping-patterns", "concepts[0].labels[1].patterns[0]", 7),
            ("overlapping-patterns", "concepts[0].labels[1].patterns[0]", 7),
            ("stop-word-pattern", "concepts[0].labels[1].patterns[1]", 7),
            ("duplicate-pattern", "concepts[0].labels[2].patterns[0]", 8),
            ("stop-word-pattern", "concepts[0].labels[2].patterns[2]", 8),
            ("overlapping-patterns", "concepts[0].labels[3].patterns[0]", 9),
        ], warnings.Select(w => (w.Code, w.Field, w.Line!.Value)));
        Assert.Contains("appears twice in label \"ato\"", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains(warnings.Skip(1).Take(2), w => w.Message.Contains("(label \"ato\", concepts[0].labels[0].patterns[0])", StringComparison.Ordinal));
        Assert.Contains(warnings.Skip(1).Take(2), w => w.Message.Contains("(label \"other\", concepts[0].labels[2].patterns[0])", StringComparison.Ordinal));
        Assert.Contains("\"caseSensitive\": true", warnings[3].Message, StringComparison.Ordinal);
        Assert.Contains("also in label \"op/ato\"", warnings[4].Message, StringComparison.Ordinal);
        Assert.Contains("is also matched by \"separatist*\" (label \"other\"", warnings[6].Message, StringComparison.Ordinal);
        Assert.Contains("declared first, \"other\"", warnings[6].Message, StringComparison.Ordinal);
        Assert.StartsWith("v.json:6:", warnings[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_lexicon_has_no_warnings()
    {
        var lexicon = new FramingLexicon("t", "1", [new FramingConcept("c", [new FramingLabel("a", ["Artsakh"]), new FramingLabel("b", ["Nagorno-Karabakh"])])]);
        Assert.Empty(FramingLexiconValidator.Validate(lexicon));
    }

    [Fact]
    public void The_default_lexicons_have_no_duplicate_or_stop_word_patterns()
    {
        foreach (var name in FramingLexicons.DefaultNames)
        {
            var warnings = FramingLexiconValidator.Validate(FramingLexicons.Default(name));
            Assert.DoesNotContain(warnings, w => w.Code is FramingLexiconValidator.DuplicatePattern or FramingLexiconValidator.StopWordPattern);
        }
    }
}

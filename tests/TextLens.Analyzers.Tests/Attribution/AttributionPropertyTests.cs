using FsCheck;
using FsCheck.Fluent;
using TextLens.Analyzers.Attribution;

namespace TextLens.Tests.Attribution;

/// <summary>Invariants of attribution over generated news-like text full of cues, quotation marks and punctuation.</summary>
public sealed class AttributionPropertyTests
{
    private static readonly string[] Pieces =
    [
        "the", "ministry", "said", "says", "told", "reporters", "claimed", "accused", "Armenia", "of", "that", "according", "to",
        "it", "he", "we", "who", "Baku", "Baku’s", "defence", "cited", "an", "unnamed", "source", "as", "saying", "what",
        "called", "reportedly", "It is noted", "were reported", "adding", "in a statement", "on Monday", "and", "Foreign Ministry",
        "By Ilham Karimli", "/ Trend News Agency", "Source Link", "Originally published by",
        " ", " ", " ", "\n", "\n\n", ".", ",", ":", ";", "—", "(", ")", "“", "”", "\"", "''", "‘", "’", "'", "«", "»",
    ];

    private static readonly Arbitrary<string> Texts = Arb.From(Gen.ArrayOf(Gen.Elements(Pieces)).Select(string.Concat));

    private static readonly Config Run = Config.QuickThrowOnFailure.WithMaxTest(400).WithEndSize(120);

    private static readonly TextLensPipeline Pipeline = new TextLensPipelineBuilder().AddAttribution().Build();

    private static readonly HashSet<string> Modes = ["direct", "indirect", "mixed", "according-to", "agentless"];

    private static readonly HashSet<string> Stances = ["neutral", "distancing", "endorsing", "accusing"];

    private static readonly HashSet<string> Resolutions = ["named", "pronoun", "description", "metonym", "none"];

    [Fact]
    public void Attributions_are_well_formed_on_arbitrary_text() => Check.One(Run, Prop.ForAll(Texts, text =>
    {
        var result = Pipeline.Analyze(new TextDocument("p", text), new AnalysisOptions { ErrorPolicy = ErrorPolicy.Throw });
        foreach (var a in result.Annotations)
        {
            var source = a.Span("source");
            var cues = a.Spans.Where(s => s.Role == "cue").ToList();
            var wellFormed =
                a.Start >= 0 && a.End <= text.Length && a.Length > 0
                && a.Spans.All(s => s.Start >= a.Start && s.End <= a.End && s.Length > 0)
                && a.Spans.Min(s => s.Start) == a.Start && a.Spans.Max(s => s.End) == a.End
                && cues.Count is 1 or 2
                && AttributionSourceTypes.All.Contains(a.Category) && a.Facet("sourceType") == a.Category
                && a.Label.Length > 0
                && Modes.Contains(a.Facet("mode")!) && Stances.Contains(a.Facet("cueStance")!) && Resolutions.Contains(a.Facet("resolution")!)
                && (source is null) == (a.Facet("mode") == "agentless")
                && (source is not null || (a.Label == "(unattributed)" && a.Facet("hedged") == "true"));
            if (!wellFormed)
            {
                throw new InvalidOperationException($"Malformed attribution {a} in: {text}");
            }
        }

        return true;
    }));
}

using TextLens.Framing;

namespace TextLens.Tests.Framing;

/// <summary>Small lexicons and a one-call way to run the framing analyzer over a sentence.</summary>
internal static class FramingTestSupport
{
    /// <summary>Runs the framing analyzer with <paramref name="lexicon"/> over <paramref name="text"/>.</summary>
    public static IReadOnlyList<Annotation> Analyze(FramingLexicon lexicon, string text, params IAnalyzer[] before)
    {
        var builder = new TextLensPipelineBuilder();
        foreach (var a in before)
        {
            builder.AddAnalyzer(a);
        }

        var pipeline = builder.AddFraming(o => o.AddLexicon(lexicon)).Build();
        return pipeline.Analyze(new TextDocument("test", text)).Annotations.Where(a => a.Layer == "framing").ToList();
    }

    /// <summary>The matched texts with their labels, <c>"text=label"</c>, in text order.</summary>
    public static string[] Matches(FramingLexicon lexicon, string text) =>
        Analyze(lexicon, text).Select(a => $"{text.Substring(a.Start, a.Length)}={a.Label}").ToArray();

    /// <summary>A lexicon with one concept per (concept, label, patterns) triple.</summary>
    public static FramingLexicon Lexicon(FramingLexiconOptions? options, params (string Concept, string Label, FramingPattern[] Patterns)[] labels) =>
        new("test", "1",
            labels.GroupBy(l => l.Concept).Select(g => new FramingConcept(g.Key, g.Select(l => new FramingLabel(l.Label, l.Patterns)))),
            options);

    public static FramingLexicon Lexicon(params (string Concept, string Label, FramingPattern[] Patterns)[] labels) => Lexicon(null, labels);
}

using TextLens.Entities;

namespace TextLens.Tests.Entities;

/// <summary>Runs the entity analyzer on one text and compares its annotations with expectations written as surface text.</summary>
internal static class EntityTestKit
{
    /// <summary>The entity annotations of a text, in order.</summary>
    public static IReadOnlyList<Annotation> Find(string text, Action<EntityOptions>? configure = null, DocumentMetadata? metadata = null)
    {
        var pipeline = new TextLensPipelineBuilder().AddEntities(configure ?? (_ => { })).Build();
        var result = pipeline.Analyze(new TextDocument("spec", text, metadata), new AnalysisOptions { ErrorPolicy = ErrorPolicy.Throw });
        return result.Annotations.Where(a => a.Layer == "entity").ToList();
    }

    /// <summary>
    /// Asserts the exact annotations: each expectation is the surface text (found in the text after the previous
    /// expectation's start, so repeated words are told apart), the label (entity id or unlisted name) and the type.
    /// </summary>
    public static void AssertEntities(string text, IReadOnlyList<Annotation> actual, params (string Surface, string Label, string Type)[] expected)
    {
        var want = new List<(int Start, int Length, string Label, string Type)>();
        var from = 0;
        foreach (var (surface, label, type) in expected)
        {
            var start = text.IndexOf(surface, from, StringComparison.Ordinal);
            while (start >= 0 && Skip(start, surface.Length))
            {
                start = text.IndexOf(surface, start + 1, StringComparison.Ordinal);
            }

            Assert.True(start >= 0, $"'{surface}' does not occur in the text after offset {from}.");
            want.Add((start, surface.Length, label, type));
            from = start;
        }

        // An occurrence already expected, or inside an expected span, is the next one unless it is a part of a
        // hyphenated compound there (a town named inside a road's name).
        bool Skip(int start, int length) =>
            want.Exists(w => w.Start == start && w.Length == length)
            || (want.Exists(w => start >= w.Start && start + length <= w.Start + w.Length)
                && !((start > 0 && text[start - 1] == '-') || (start + length < text.Length && text[start + length] == '-')));

        var got = actual.Select(a => (a.Start, a.Length, a.Label, a.Category)).ToList();
        Assert.True(want.SequenceEqual(got),
            "Expected:" + Environment.NewLine + Describe(text, want) + Environment.NewLine + "Actual:" + Environment.NewLine + Describe(text, got));
    }

    public static void AssertEntities(string text, params (string Surface, string Label, string Type)[] expected) =>
        AssertEntities(text, Find(text), expected);

    private static string Describe(string text, IEnumerable<(int Start, int Length, string Label, string Type)> items) =>
        string.Join(Environment.NewLine, items.Select(i => $"  [{i.Start},{i.Start + i.Length}) '{text.Substring(i.Start, i.Length)}' {i.Label} {i.Type}"));
}

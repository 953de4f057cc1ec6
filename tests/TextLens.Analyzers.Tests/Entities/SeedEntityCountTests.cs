namespace TextLens.Tests.Entities;

/// <summary>
/// Per-document mention counts in the five seed articles (<c>../shared/seeds</c>), counted by hand from the text.
/// What counts (also in <c>Entities/README.md</c>): a mention is a span labelled with the entity's id. A country
/// counts as its GPE only: the demonym (<c>Azerbaijani</c>, NORP) is a separate entity whose parent is the country,
/// and a country named inside a longer listed name (<c>State Road Agency of Azerbaijan</c>,
/// <c>peacekeeping contingent of the Russian Federation</c>, <c>Armenia's armed forces</c>) belongs to that name.
/// <c>Karabakh economic region</c> and <c>Lachin road</c> are entities of their own, not mentions of Karabakh and
/// Lachin; a town named inside a hyphenated road name (<c>Ahmedbeyli-Fuzuli-Shusha highway</c>) or compound
/// (<c>Baku-based</c>) counts. <c>Kyalbadzharsky</c> and <c>Lachinsky</c> count for Kalbajar and Lachin. Unqualified
/// "the ministry" and "Foreign Ministry" count for no ministry; <c>Baku’s defence ministry</c> counts for the
/// Ministry of Defense.
/// </summary>
public sealed class SeedEntityCountTests
{
    // Columns: seeds 000 to 004.
    private static readonly Dictionary<string, int[]> HandCounts = new(StringComparer.Ordinal)
    {
        { "az.gpe.azerbaijan", [2, 4, 6, 11, 8] },
        { "am.gpe.armenia", [0, 1, 2, 14, 9] },
        { "ru.gpe.russia", [0, 0, 0, 0, 0] },
        { "az.loc.karabakh", [4, 3, 4, 8, 0] },
        { "az.loc.karabakh-economic-region", [3, 3, 0, 2, 1] },
        { "az.gpe.lachin", [0, 0, 0, 3, 1] },
        { "az.fac.lachin-road", [0, 0, 0, 8, 1] },
        { "az.gpe.shusha", [2, 1, 0, 0, 0] },
        { "az.gpe.fuzuli", [1, 1, 0, 0, 0] },
        { "az.gpe.kalbajar", [1, 0, 0, 2, 1] },
        { "ir.gpe.iran", [0, 0, 0, 2, 0] },
        { "az.gpe.baku", [0, 0, 4, 1, 0] },
        { "az.org.ministry-of-defence", [0, 3, 1, 2, 2] },
        { "az.org.ministry-of-foreign-affairs", [0, 0, 0, 1, 1] },
    };

    private static readonly Lazy<IReadOnlyList<IReadOnlyList<Annotation>>> Results = new(() =>
    {
        var pipeline = new TextLensPipelineBuilder().AddEntities().Build();
        return Directory.GetFiles(SharedData.Seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (IReadOnlyList<Annotation>)pipeline.Analyze(new TextDocument(Path.GetFileName(f), File.ReadAllText(f))).Annotations)
            .ToList();
    });

    [SharedDataFact]
    public void There_are_five_seed_articles() => Assert.Equal(5, Results.Value.Count);

    [SharedDataFact]
    public void Entity_mentions_per_seed_article_match_the_hand_count()
    {
        var wrong = new List<string>();
        foreach (var (entity, expected) in HandCounts)
        {
            var actual = Results.Value.Select(annotations => annotations.Count(a => a.Layer == "entity" && a.Label == entity)).ToArray();
            if (!expected.SequenceEqual(actual))
            {
                wrong.Add($"{entity}: hand count [{string.Join(", ", expected)}], tool [{string.Join(", ", actual)}]");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}

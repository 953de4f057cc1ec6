using System.Text.Json;

namespace TextLens.Cli.Tests.EndToEnd;

/// <summary>compare --layer vocabulary and discover, run as a process.</summary>
public sealed class VocabularyEndToEndTests
{
    [Fact]
    public async Task Compare_vocabulary_with_reference_scores_every_word_above_the_minimum_against_that_group()
    {
        using var dir = new TempDir();
        var r = await TextLensProcess.RunAsync(dir.Path, "compare", TextLensProcess.SampleCorpus, "--layer", "vocabulary", "--reference", "Moscow Wire",
            "--min-count", "3", "--out", dir.File("out"), "--threads", "2");
        Assert.True(r.ExitCode == 0, r.ToString());
        var rows = File.ReadAllLines(dir.File("out/compare-log-odds.csv")).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, l => Assert.StartsWith("vocabulary,", l, StringComparison.Ordinal));
        Assert.All(rows, l => Assert.Contains(",Moscow Wire,word,", l, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, l => l.StartsWith("vocabulary,Moscow Wire,", StringComparison.Ordinal) || l.StartsWith("vocabulary,all,", StringComparison.Ordinal));

        var saved = await TextLensProcess.RunAsync(dir.Path, "compare", dir.File("report.json"), "--layer", "vocabulary");
        Assert.Equal(2, saved.ExitCode);
    }

    [UkraineDataFact]
    public async Task Discover_from_kyiv_and_donbas_finds_kiev_and_donbass_in_the_top_10_and_writes_a_valid_lexicon()
    {
        using var dir = new TempDir();
        foreach (var (seed, expected) in new[] { ("kyiv", "kiev"), ("donbas", "donbass") })
        {
            var r = await TextLensProcess.RunAsync(dir.Path, "discover", UkraineDataFactAttribute.Path, "--seed", seed, "--out", dir.File($"{seed}.json"));
            Assert.True(r.ExitCode == 0, r.ToString());
            using var draft = JsonDocument.Parse(File.ReadAllText(dir.File($"{seed}.json")));
            var labels = draft.RootElement.GetProperty("concepts")[0].GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
            Assert.Equal(seed, labels[0]);
            Assert.Contains(expected, labels.Skip(1).Take(10));

            var validate = await TextLensProcess.RunAsync(dir.Path, "lexicon", "validate", dir.File($"{seed}.json"));
            Assert.True(validate.ExitCode == 0, validate.ToString());
        }
    }
}

/// <summary>A fact that runs only when the Ukraine war corpus (<c>../shared/data/ukraine-war</c> beside the repository) exists.</summary>
public sealed class UkraineDataFactAttribute : FactAttribute
{
    public static string Path => System.IO.Path.GetFullPath(System.IO.Path.Combine(TextLensProcess.RepoRoot, "..", "shared", "data", "ukraine-war", "ukraine_war_news.jsonl"));

    public UkraineDataFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = $"The Ukraine war corpus is not present at {Path}.";
        }
    }
}

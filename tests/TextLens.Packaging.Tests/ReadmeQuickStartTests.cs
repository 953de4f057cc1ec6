namespace TextLens.Packaging.Tests;

/// <summary>The README quick start is the consumer test's program (tests/Consumer/Program.cs, run by .ci/consumer-test.sh).</summary>
public class ReadmeQuickStartTests
{
    [Fact]
    public void Readme_quick_start_is_contained_in_the_consumer_program()
    {
        var readme = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));
        var heading = Array.FindIndex(readme, l => l.TrimStart('#').Trim() == "Quick start" && l.StartsWith('#'));
        Assert.True(heading >= 0, "README.md has no \"Quick start\" heading");
        var open = Array.FindIndex(readme, heading, l => l.Trim() == "```csharp");
        Assert.True(open > heading, "no ```csharp block under the README's Quick start heading");
        var close = Array.FindIndex(readme, open + 1, l => l.Trim() == "```");
        Assert.True(close > open, "the README's quick start block is not closed");
        var snippet = string.Join("\n", readme[(open + 1)..close]);

        var program = File.ReadAllText(Path.Combine(Repo.Root, "tests", "Consumer", "Program.cs")).ReplaceLineEndings("\n");
        Assert.True(program.Contains(snippet, StringComparison.Ordinal),
            "README.md's quick start differs from tests/Consumer/Program.cs; make them identical (the consumer test runs that program):\n" + snippet);
    }
}

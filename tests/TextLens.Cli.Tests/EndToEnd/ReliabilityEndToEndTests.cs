using System.Text;
using System.Text.RegularExpressions;

namespace TextLens.Cli.Tests.EndToEnd;

/// <summary>Hostile but realistic input to the console (issue 19): each gives a located error or a counted skip, and one exit code a cause.</summary>
public sealed class ReliabilityEndToEndTests
{
    /// <summary>A gazetteer with two faults: an entity without a type and one without a name.</summary>
    private const string BadGazetteer = """
        {
          "name": "bad",
          "version": "1",
          "entities": [
            {"id": "x.one", "name": "One"},
            {"id": "x.two", "type": "LOC"}
          ]
        }
        """;

    [Fact]
    public async Task Analyze_gazetteer_with_several_faults_lists_every_fault_with_its_location()
    {
        using var dir = new TempDir();
        var gazetteer = dir.File("bad.json");
        File.WriteAllText(gazetteer, BadGazetteer);

        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "--gazetteer", gazetteer, "--quiet");

        Assert.True(r.ExitCode == 2, r.ToString());
        var lines = r.StderrLines;
        var faults = lines.Skip(1).ToList();
        Assert.True(faults.Count >= 2, r.ToString());
        Assert.Equal($"textlens: {faults.Count} configuration faults:", lines[0]);
        Assert.All(faults, f => Assert.Matches(@"^  .*bad\.json:\d+:\d+: ", f));
    }

    [Fact]
    public async Task Lexicon_validate_checks_a_gazetteer_and_lists_its_faults()
    {
        using var dir = new TempDir();
        var gazetteer = dir.File("bad.json");
        File.WriteAllText(gazetteer, BadGazetteer);

        var r = await TextLensProcess.RunAsync(dir.Path, "lexicon", "validate", gazetteer);

        Assert.True(r.ExitCode == 2, r.ToString());
        var lines = r.StderrLines;
        Assert.Equal($"textlens: {lines.Length - 1} faults in {gazetteer}", lines[^1]);
        Assert.All(lines[..^1], l => Assert.Matches(@"^textlens: .*bad\.json:\d+:\d+: ", l));
    }

    [Theory]
    [InlineData("src/TextLens.Analyzers/Entities/Defaults/karabakh.json", @"^OK: gazetteer, \d+ entities")]
    [InlineData("src/TextLens.Analyzers/Attribution/Defaults/cues.json", @"^OK: cue lexicon, \d+ verbs, \d+ phrases, \d+ source nouns")]
    [InlineData("src/TextLens.Analyzers/Framing/Defaults/karabakh-conflict.json", @"^OK: \d+ concepts, \d+ labels, \d+ patterns")]
    public async Task Lexicon_validate_tells_the_kind_from_the_file(string file, string expected)
    {
        using var dir = new TempDir();

        var r = await TextLensProcess.RunAsync(dir.Path, "lexicon", "validate", Path.Combine(TextLensProcess.RepoRoot, file));

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Matches(expected, r.Stdout.Split('\n').Single(l => l.StartsWith("OK", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Analyze_folder_without_documents_exits_1_with_a_clear_message()
    {
        using var dir = new TempDir();
        var corpus = Directory.CreateDirectory(dir.File("empty")).FullName;
        File.WriteAllText(Path.Combine(corpus, "notes.pdf"), "not a document");

        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", corpus, "--out", dir.File("out"), "--quiet");

        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("the folder holds no document: no file ending in .txt or .md", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_quiet_lists_the_first_20_skipped_records_then_how_many_more()
    {
        using var dir = new TempDir();
        var corpus = dir.File("broken.jsonl");
        var lines = Enumerable.Range(1, 25).Select(i => $"{{\"id\":\"b{i}\",\"text\":").Append("""{"id":"ok","outlet":"X","text":"The ceasefire held."}""");
        File.WriteAllLines(corpus, lines);

        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", corpus, "--out", dir.File("out"), "--quiet");

        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Equal(20, r.StderrLines.Count(l => l.StartsWith("textlens: skipped ", StringComparison.Ordinal)));
        Assert.Equal("textlens: ... and 5 more (every one in errors.csv)", r.StderrLines[^1]);
    }

    [Fact]
    public async Task Analyze_document_over_the_budget_is_skipped_with_its_length()
    {
        using var dir = new TempDir();
        var corpus = dir.File("long.jsonl");
        File.WriteAllLines(corpus,
        [
            """{"id":"short","outlet":"X","text":"Armenian separatists."}""",
            """{"id":"long","outlet":"X","text":"Armenian separatists met officials in Stepanakert on Monday."}""",
        ]);

        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", corpus, "--out", dir.File("out"), "--quiet", "--max-document-chars", "40");

        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains($"textlens: skipped {corpus}:2: document of 60 characters exceeds the document budget of 40", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_terminal_escapes_in_outlet_names_are_printed_escaped()
    {
        using var dir = new TempDir();
        var corpus = dir.File("escapes.jsonl");
        File.WriteAllText(corpus, "{\"id\":\"e\",\"outlet\":\"\\u001b]0;owned\\u0007\\u001b[31mRed\",\"text\":\"Armenian separatists \\u001b[2J met officials.\"}\n");

        var analyze = await TextLensProcess.RunAsync(dir.Path, "analyze", corpus, "--out", dir.File("out"));
        var kwic = await TextLensProcess.RunAsync(dir.Path, "kwic", corpus, "separatists");

        Assert.True(analyze.ExitCode == 0, analyze.ToString());
        Assert.DoesNotContain('\u001b', analyze.Stdout + analyze.Stderr + kwic.Stdout + kwic.Stderr);
        Assert.Contains(@"\x1B[31mRed", analyze.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"\x1B[2J", kwic.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_out_that_is_a_file_exits_3_like_any_output_failure()
    {
        using var dir = new TempDir();
        var file = dir.File("taken");
        File.WriteAllText(file, "a file");

        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "--out", file, "--quiet");

        Assert.True(r.ExitCode == 3, r.ToString());
        Assert.Equal($"textlens: cannot use the output folder '{file}': a file of that name is in the way", Assert.Single(r.StderrLines));
    }
}

using System.Text.Json;
using TextLens.Framing;

namespace TextLens.Cli.Tests.EndToEnd;

/// <summary>The console run as a process on the sample corpus: files, numbers, exit codes, one-line errors.</summary>
public sealed class ConsoleEndToEndTests(AnalyzeFixture fixture) : IClassFixture<AnalyzeFixture>
{
    [Fact]
    public void Analyze_writes_every_output_and_counts_37_documents()
    {
        Assert.True(fixture.Run.ExitCode == 0, fixture.Run.ToString());
        foreach (var name in new[] { "report.json", "report.html", "labels.csv", "annotations.jsonl", "kwic.jsonl", "errors.csv", "corpus.csv" })
        {
            Assert.True(File.Exists(Path.Combine(fixture.Out, name)), name);
        }

        Assert.Empty(Directory.GetFiles(fixture.Out, ".*.tmp"));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Out, "report.json")));
        var counts = report.RootElement.GetProperty("manifest").GetProperty("counts");
        Assert.Equal(37, counts.GetProperty("documentsAnalyzed").GetInt64());
        Assert.Equal(0, counts.GetProperty("documentsSkipped").GetInt64());
        Assert.Equal(37, File.ReadAllLines(Path.Combine(fixture.Out, "annotations.jsonl")).Length);
        Assert.Contains("Framing competition", fixture.Run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Separatists_counted_in_three_Global_Newswire_documents()
    {
        // Checked by hand: "separatist" occurs once in each of three Global Newswire articles (grep -oi separatis samples/corpus/global-newswire/*).
        var labels = File.ReadAllLines(Path.Combine(fixture.Out, "labels.csv"));
        Assert.Contains(labels, l => l.StartsWith("Global Newswire,all,framing,karabakh-armenian-forces,separatists,3,3,", StringComparison.Ordinal));
        var kwic = File.ReadAllLines(Path.Combine(fixture.Out, "kwic.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("label").GetString() == "separatists" && e.GetProperty("group").GetString() == "Global Newswire")
            .ToList();
        Assert.Equal(3, kwic.Count);
        Assert.All(kwic, e => Assert.StartsWith("separatist", e.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Help_lists_the_exit_codes()
    {
        using var dir = new TempDir();
        var r = await TextLensProcess.RunAsync(dir.Path, "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var text in new[] { "0 success", "1 completed with skipped", "2 usage", "3 failure", "130 interrupted", "kwic", "compare", "lexicon", "report" })
        {
            Assert.Contains(text, r.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("analyze", "{corpus}", "--bogus")]
    [InlineData("analyze", "{corpus}", "--analyzers", "framing,nope")]
    [InlineData("analyze", "/no/such/corpus")]
    [InlineData("analyze", "{corpus}", "--period", "fortnight")]
    [InlineData("analyze", "{corpus}", "--recognizer", "neural")]
    [InlineData("kwic", "{corpus}")]
    [InlineData("kwic", "{corpus}", "*ism")]
    [InlineData("kwic", "{corpus}", "sep(", "--regex")]
    [InlineData("kwic", "{corpus}", "separatists", "--layer", "framing")]
    [InlineData("compare", "{corpus}", "--layer", "words")]
    [InlineData("lexicon", "validate", "/no/such/lexicon.json")]
    [InlineData("report", "/no/such/report.json")]
    public async Task Bad_arguments_give_one_line_and_exit_2(params string[] args)
    {
        using var dir = new TempDir();
        var r = await TextLensProcess.RunAsync(dir.Path, args.Select(a => a.Replace("{corpus}", TextLensProcess.SampleCorpus, StringComparison.Ordinal)).ToArray());
        Assert.True(r.ExitCode == 2, r.ToString());
        var line = Assert.Single(r.StderrLines);
        Assert.StartsWith("textlens: ", line, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("textlens-out/report.json")));
    }

    [Fact]
    public async Task Broken_jsonl_line_completes_with_exit_1_and_is_listed_in_errors_csv()
    {
        using var dir = new TempDir();
        var corpus = dir.File("broken.jsonl");
        File.WriteAllLines(corpus,
        [
            """{"id":"a","outlet":"X","text":"Armenian separatists were named in Stepanakert."}""",
            """{"id":"b","outlet":"Y","text":"The ceasefire deal held in Khankendi."}""",
            """{"id":"c","outlet":"X","text": broken""",
            """{"id":"d","outlet":"Y","text":"Peacekeepers left Karabakh."}""",
        ]);
        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", corpus, "--out", dir.File("out"), "--threads", "1", "--quiet");
        Assert.True(r.ExitCode == 1, r.ToString());
        var errors = File.ReadAllLines(dir.File("out/errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.Contains("broken.jsonl,3,", errors[1], StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json")));
        Assert.Equal(3, report.RootElement.GetProperty("manifest").GetProperty("counts").GetProperty("documentsAnalyzed").GetInt64());
    }

    [Fact]
    public async Task Lexicon_validate_reports_line_and_column_and_exits_2()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("bad.json"), """
            {
              "name": "bad",
              "version": "1",
              "concepts": [
                { "id": "forces", "labels": [ { "id": "separatists", "patterns": [ 5 ] } ] }
              ]
            }
            """);
        var r = await TextLensProcess.RunAsync(dir.Path, "lexicon", "validate", dir.File("bad.json"));
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Matches(@"bad\.json:5:\d+: concepts\[0\]\.labels\[0\]\.patterns\[0\]", r.Stderr);
        Assert.All(r.StderrLines, l => Assert.StartsWith("textlens: ", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lexicon_validate_accepts_a_good_lexicon()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("good.json"), """
            { "name": "good", "version": "1",
              "concepts": [ { "id": "forces", "labels": [ { "id": "separatists", "patterns": [ "separatist*" ] }, { "id": "army", "patterns": [ "army" ] } ] } ] }
            """);
        var r = await TextLensProcess.RunAsync(dir.Path, "lexicon", "validate", dir.File("good.json"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("OK: 1 concepts, 2 labels, 2 patterns", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lexicon_import_converts_a_LIWC_dictionary()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("tiny.dic"), "%\n1\tposemo\n2\tnegemo\n%\nhappy\t1\nhope*\t1\nsad*\t2\n");
        var r = await TextLensProcess.RunAsync(dir.Path, "lexicon", "import", dir.File("tiny.dic"), "--out", dir.File("tiny.json"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("1 concepts, 2 labels, 3 patterns", r.Stdout, StringComparison.Ordinal);
        var lexicon = FramingLexicon.Load(dir.File("tiny.json"));
        var concept = Assert.Single(lexicon.Concepts);
        Assert.Equal(["negemo", "posemo"], concept.Labels.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp*"));
    }

    [Fact]
    public async Task Report_re_renders_html_and_csv_from_report_json_and_kwic_jsonl()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(fixture.Out, "report.json"), dir.File("report.json"));
        File.Copy(Path.Combine(fixture.Out, "kwic.jsonl"), dir.File("kwic.jsonl"));
        var r = await TextLensProcess.RunAsync(dir.Path, "report", dir.File("report.json"), "--out", dir.File("html"), "--quiet");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(fixture.Out, "labels.csv")), File.ReadAllText(dir.File("html/labels.csv")));
        var html = File.ReadAllText(dir.File("html/report.html"));
        Assert.Equal(File.ReadAllText(Path.Combine(fixture.Out, "report.html")), html);
    }

    [Fact]
    public async Task Compare_writes_log_odds_and_keyness_columns()
    {
        using var dir = new TempDir();
        var r = await TextLensProcess.RunAsync(dir.Path, "compare", Path.Combine(fixture.Out, "report.json"), "--out", dir.Path, "--top", "3");
        Assert.True(r.ExitCode == 0, r.ToString());
        var logOdds = File.ReadAllLines(dir.File("compare-log-odds.csv"));
        Assert.Equal("layer,group,versus,category,label,count,group_total,versus_count,versus_total,prior,delta,variance,z", logOdds[0]);
        Assert.Contains(logOdds, l => l.StartsWith("framing,Global Newswire,rest,karabakh-armenian-forces,separatists,3,", StringComparison.Ordinal));
        var keyness = File.ReadAllLines(dir.File("compare-keyness.csv"));
        Assert.Equal("layer,group,versus,category,label,count,group_tokens,versus_count,versus_tokens,expected,g2,direction", keyness[0]);
        Assert.Contains("Distinctive labels", r.Stdout, StringComparison.Ordinal);

        var ab = await TextLensProcess.RunAsync(dir.Path, "compare", Path.Combine(fixture.Out, "report.json"), "--a", "Global Newswire", "--b", "Moscow Wire",
            "--layer", "all", "--out", dir.File("ab"));
        Assert.True(ab.ExitCode == 0, ab.ToString());
        var rows = File.ReadAllLines(dir.File("ab/compare-log-odds.csv")).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, l => Assert.Contains(",Global Newswire,Moscow Wire,", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kwic_label_piped_is_plain_text_and_finds_every_separatists_annotation()
    {
        using var dir = new TempDir();
        var r = await TextLensProcess.RunAsync(dir.Path, "kwic", TextLensProcess.SampleCorpus, "separatists", "--label", "--threads", "1");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.DoesNotContain('\u001b', r.Stdout);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length); // 6 mentions in the whole corpus (labels.csv, group all)
        Assert.All(lines, l => Assert.Matches(@"\[[^\]]*separatist", l.ToLowerInvariant()));

        var csv = await TextLensProcess.RunAsync(dir.Path, "kwic", TextLensProcess.SampleCorpus, "separatists", "--label", "--layer", "framing", "--format", "csv", "--threads", "1");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.StartsWith("documentId,group,period,layer,category,label,start,length,left,text,right,facets", csv.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kwic_text_pattern_finds_tokens_of_the_text_with_the_pattern_as_label()
    {
        using var dir = new TempDir();
        var r = await TextLensProcess.RunAsync(dir.Path, "kwic", TextLensProcess.SampleCorpus, "separatist*", "--format", "jsonl", "--window", "3", "--threads", "1");
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l =>
        {
            Assert.Equal(("text", "glob", "separatist*"), (l.GetProperty("layer").GetString(), l.GetProperty("category").GetString(), l.GetProperty("label").GetString()));
            Assert.StartsWith("separatist", l.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains($"{lines.Count} lines (pattern 'separatist*')", r.Stderr, StringComparison.Ordinal);

        var limited = await TextLensProcess.RunAsync(dir.Path, "kwic", TextLensProcess.SampleCorpus, "separatist*", "--limit", "2", "--threads", "1");
        Assert.Equal(2, limited.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"{lines.Count} lines (pattern 'separatist*'; first 2 shown, --limit 0 for all)", limited.Stderr, StringComparison.Ordinal);
    }

    [SeedsFact]
    public async Task Kwic_on_the_seeds_finds_six_separatist_lines_and_one_tractor_line()
    {
        using var dir = new TempDir();
        var separatists = await TextLensProcess.RunAsync(dir.Path, "kwic", SeedsFactAttribute.Path, "separatist*");
        Assert.True(separatists.ExitCode == 0, separatists.ToString());
        var lines = separatists.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Contains(lines, l => l.Contains("Armenian [separatists]", StringComparison.Ordinal));

        var tractor = await TextLensProcess.RunAsync(dir.Path, "kwic", SeedsFactAttribute.Path, "tractor", "--format", "csv");
        Assert.True(tractor.ExitCode == 0, tractor.ToString());
        Assert.Equal(2, tractor.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header and one line
        Assert.Contains(",text,word,tractor,", tractor.Stdout, StringComparison.Ordinal);
    }

    [SeedsFact]
    public async Task Analyze_runs_on_the_shared_seed_corpus()
    {
        using var dir = new TempDir();
        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", SeedsFactAttribute.Path, "--out", dir.File("out"), "--quiet");
        Assert.True(r.ExitCode is 0 or 1, r.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json")));
        var counts = report.RootElement.GetProperty("manifest").GetProperty("counts");
        Assert.True(counts.GetProperty("documentsAnalyzed").GetInt64() > 0);
        Assert.True(File.Exists(dir.File("out/report.html")));
        Assert.True(File.Exists(dir.File("out/kwic.jsonl")));
    }
}

/// <summary>Runtime settings the console ships with, chosen by measurement (see samples/TextLens.Cli/TextLens.Cli.csproj).</summary>
public sealed class ConsoleRuntimeConfigTests
{
    [Fact]
    public void RuntimeConfig_TieredPgoOff_SoOnePassReachesOptimisedCodeSooner()
    {
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "textlens.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.False(properties.TryGetProperty("System.Runtime.TieredCompilation", out _)); // tier 0 stays on: start-up is unchanged
    }
}

namespace TextLens.Cli.Tests.EndToEnd;

/// <summary><c>textlens evaluate</c> on the sample corpus and the hand coding in <c>samples/gold</c>.</summary>
public sealed class EvaluateCommandTests
{
    private static string Gold(string name) => Path.Combine(TextLensProcess.RepoRoot, "samples", "gold", name);

    [Fact]
    public async Task Evaluate_SampleSpanCoding_WritesTablesAndScoresEachCoder()
    {
        using var dir = new TempDir();

        var r = await TextLensProcess.RunAsync(dir.Path, "evaluate", TextLensProcess.SampleCorpus, "--gold", Gold("framing-spans.csv"), "-o", "out", "--threads", "1");

        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var name in new[] { "evaluation-spans.csv", "evaluation-agreement.csv", "evaluation-confusion.csv", "evaluation-errors.csv", "evaluation.html" })
        {
            Assert.True(File.Exists(dir.File(Path.Combine("out", name))), name);
        }

        // ana: 17 spans, 16 found; exact 13 true positives, overlap 16 (one miss: "attacked").
        var spans = File.ReadAllLines(dir.File("out/evaluation-spans.csv"));
        Assert.Contains("ana,,(micro),17,16,13,0.8125,0.7647058823529411,0.787878787878788,16,1,0.9411764705882353,0.9696969696969697", spans);
        var errors = File.ReadAllLines(dir.File("out/evaluation-errors.csv"));
        Assert.Contains(errors, l => l.StartsWith("ana,miss,yerevan-herald/2023-09-19-azerbaijan-launches-aggression-against-artsakh.txt,framing,attack,744,752,", StringComparison.Ordinal));
        Assert.Contains("Confusions (overlap), ben → textlens: offensive → (none) 1; (none) → offensive 1", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SampleDocumentCoding_ReportsAlphaAndKappaBetweenToolAndCoders()
    {
        using var dir = new TempDir();

        var r = await TextLensProcess.RunAsync(dir.Path, "evaluate", TextLensProcess.SampleCorpus, "--gold", Gold("framing-documents.csv"), "-o", "out", "--threads", "1");

        Assert.True(r.ExitCode == 0, r.ToString());
        var rows = File.ReadAllLines(dir.File("out/evaluation-agreement.csv"));
        Assert.Equal("first,second,label,units,alpha_nominal,alpha_interval,kappa", rows[0]);
        Assert.Contains("ana,ben,(all),18,0.882943143812709,0.882943143812709,0.8799999999999999", rows);
    }

    [Fact]
    public async Task Evaluate_BadGoldRowsAndUnknownDocument_ExitWithLocatedErrors()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("bad.csv"), "document_id,start,end,layer,label\nno-such-doc,0,4,framing,separatists\nx,5,2,framing,separatists\n");
        File.WriteAllText(dir.File("unknown.csv"), "document_id,start,end,layer,label\nno-such-doc,0,4,framing,separatists\n");

        var bad = await TextLensProcess.RunAsync(dir.Path, "evaluate", TextLensProcess.SampleCorpus, "--gold", "bad.csv");
        var unknown = await TextLensProcess.RunAsync(dir.Path, "evaluate", TextLensProcess.SampleCorpus, "--gold", "unknown.csv");

        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("textlens: bad.csv:3: end (2) must be greater than start (5)", bad.Stderr.Trim());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("textlens: unknown.csv:2: document 'no-such-doc' is not in the corpus", unknown.Stderr.Trim());
    }

    [Fact]
    public async Task Evaluate_AnnotationsOfAnEarlierRun_GiveTheSameScoresAsRunningThePipeline()
    {
        using var dir = new TempDir();
        var analyze = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "-o", "run", "-q", "--threads", "1");
        Assert.True(analyze.ExitCode == 0, analyze.ToString());

        var fresh = await TextLensProcess.RunAsync(dir.Path, "evaluate", TextLensProcess.SampleCorpus, "--gold", Gold("framing-spans.csv"), "-o", "fresh", "--threads", "1");
        var saved = await TextLensProcess.RunAsync(dir.Path, "evaluate", TextLensProcess.SampleCorpus, "--gold", Gold("framing-spans.csv"), "-o", "saved",
            "--annotations", "run/annotations.jsonl");

        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.Equal(File.ReadAllText(dir.File("fresh/evaluation-spans.csv")), File.ReadAllText(dir.File("saved/evaluation-spans.csv")));
        Assert.Equal(File.ReadAllText(dir.File("fresh/evaluation-agreement.csv")), File.ReadAllText(dir.File("saved/evaluation-agreement.csv")));
    }
}

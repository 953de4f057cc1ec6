// The README quick start (section "Packages" > "Quick start" of README.md), then checks of its result.
// A test in tests/TextLens.Packaging.Tests fails when the README block is not contained verbatim in this file.
using Microsoft.Extensions.DependencyInjection;
using TextLens;
using TextLens.Corpus;

var services = new ServiceCollection();
services.AddTextLens(b => b.AddFraming());   // framing analyzer, default lexicon "karabakh-conflict"
using var provider = services.BuildServiceProvider();
var pipeline = provider.GetRequiredService<TextLensPipeline>();

var corpus = new InMemoryCorpus([
    new TextDocument("a", "Azerbaijan says the separatists have agreed to disarm."),
    new TextDocument("b", "Ethnic Armenian forces began handing over their weapons."),
]);
var report = await pipeline.AnalyzeAsync(corpus);
foreach (var l in report.Labels)
    Console.WriteLine($"{l.Group} {l.Period} {l.Category}/{l.Label}: {l.Mentions}");

// ---- checks (not part of the README) ----
var failures = new List<string>();

void Expect(string concept, string label, long mentions, long documents)
{
    var rows = report.Labels.Where(l => l.Layer == "framing" && l.Category == concept && l.Label == label).ToList();
    if (rows.Count == 0)
    {
        failures.Add($"no row for {concept}/{label}");
        return;
    }

    foreach (var row in rows)
    {
        if (row.Mentions != mentions || row.Documents != documents)
            failures.Add($"{row.Group} {row.Period} {concept}/{label}: {row.Mentions} mentions in {row.Documents} documents, expected {mentions} in {documents}");
    }
}

Expect("karabakh-armenian-forces", "separatists", mentions: 1, documents: 1);
Expect("karabakh-armenian-forces", "ethnic-armenian-forces", mentions: 1, documents: 1);

var labelled = report.Labels.Where(l => l.Layer == "framing").Select(l => $"{l.Category}/{l.Label}").Distinct().Order().ToList();
string[] expectedLabels = ["karabakh-armenian-forces/ethnic-armenian-forces", "karabakh-armenian-forces/separatists"];
if (!labelled.SequenceEqual(expectedLabels))
    failures.Add($"framing labels [{string.Join(", ", labelled)}], expected [{string.Join(", ", expectedLabels)}]");

var documentsAnalysed = report.Corpus.Select(c => c.Documents).DefaultIfEmpty(0).Max();
if (documentsAnalysed != 2)
    failures.Add($"{documentsAnalysed} documents analysed, expected 2");

if (failures.Count > 0)
{
    foreach (var f in failures)
        Console.Error.WriteLine("MISMATCH: " + f);
    return 1;
}

Console.WriteLine("consumer: quick start result as expected");
return 0;

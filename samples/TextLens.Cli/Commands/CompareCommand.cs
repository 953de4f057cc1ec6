using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TextLens.Corpus;
using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens.Cli.Commands;

/// <summary>
/// <c>textlens compare &lt;corpus&gt;</c>: which labels (framing labels, entity ids, quoted sources) or, with
/// <c>--layer vocabulary</c>, which words set groups apart — weighted log-odds with an informative Dirichlet prior (z)
/// and log-likelihood G² keyness, each group against the rest, against one <c>--reference</c> group, or group A against B.
/// </summary>
internal static class CompareCommand
{
    public const string LogOddsFileName = "compare-log-odds.csv";
    public const string KeynessFileName = "compare-keyness.csv";
    public const string Vocabulary = "vocabulary";

    private static readonly string[] LexiconLayers = ["framing", "entity", "attribution"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<string>("corpus") { Description = "A corpus (folder, .jsonl/.jsonl.gz, .csv), or a report.json saved by 'textlens analyze' (no re-reading; not with --layer vocabulary)." };
        var a = new Option<string?>("--a") { Description = "Group A (with --b: A against B only; default: every group against the rest)." };
        var b = new Option<string?>("--b") { Description = "Group B." };
        var reference = new Option<string?>("--reference", "-r") { Description = "Compare every other group against this group alone (instead of against all the rest)." };
        var layer = new Option<string>("--layer") { Description = "framing, entity, attribution, all (the three), or vocabulary (every word of the text).", DefaultValueFactory = _ => "framing" };
        var minCount = new Option<int?>("--min-count") { Description = "Leave out terms counted fewer times in the compared groups (default 5 for vocabulary, 1 otherwise); totals still count them." };
        var bigrams = new Option<bool>("--bigrams") { Description = "With --layer vocabulary: also compare pairs of adjacent words." };
        var top = new Option<int>("--top") { Description = "Rows per group in the printed table (by |z|; for vocabulary the highest z).", DefaultValueFactory = _ => 10 };
        var prior = new Option<double>("--prior") { Description = "Strength α0 of the Dirichlet prior, in pseudo-counts.", DefaultValueFactory = _ => Keyness.DefaultPriorStrength };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for compare-log-odds.csv and compare-keyness.csv.", DefaultValueFactory = _ => "textlens-out" };
        var options = new CorpusCommandOptions();
        var command = new Command("compare",
            "Compare groups (outlets): weighted log-odds with an informative Dirichlet prior (z) and G² keyness of labels or, with --layer vocabulary, " +
            "of every word, each group against the rest, against --reference, or --a against --b; prints the top terms per group and writes " +
            "compare-log-odds.csv and compare-keyness.csv.")
        {
            corpus, a, b, reference, layer, minCount, bigrams, top, prior, outDir,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var run = options.Read(parse);
            var (groupA, groupB, versusGroup) = (parse.GetValue(a), parse.GetValue(b), parse.GetValue(reference));
            if ((groupA is null) != (groupB is null))
            {
                throw new ArgumentException("--a and --b go together: name both groups, or neither to compare every group with the rest.");
            }

            if (groupA is not null && versusGroup is not null)
            {
                throw new ArgumentException("--reference compares every group with one group; --a/--b compare two groups: use one or the other.");
            }

            var layerName = parse.GetValue(layer)!.ToLowerInvariant();
            if (layerName is not ("all" or Vocabulary) && !LexiconLayers.Contains(layerName, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Unknown --layer '{parse.GetValue(layer)}': use framing, entity, attribution, all or vocabulary.");
            }

            var vocabulary = layerName == Vocabulary;
            var topN = parse.GetValue(top);
            var alpha = parse.GetValue(prior);
            var min = parse.GetValue(minCount) ?? (vocabulary ? 5 : 1);
            if (topN < 1 || !(alpha > 0) || min < 1)
            {
                throw new ArgumentException("--top and --min-count must be at least 1 and --prior above 0.");
            }

            if (parse.GetValue(bigrams) && !vocabulary)
            {
                throw new ArgumentException("--bigrams goes with --layer vocabulary.");
            }

            var path = parse.GetValue(corpus)!;
            var saved = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            if (saved && vocabulary)
            {
                throw new ArgumentException("--layer vocabulary reads the corpus: a saved report lists only the most frequent words of each group. Give the corpus instead of report.json.");
            }

            var report = saved ? await ReportWriter.ReadAsync(path, ct)
                : vocabulary ? await VocabularyReportAsync(run, path, parse.GetValue(bigrams), ct)
                : await run.RunAsync(path, null, ct);

            // With grouping, the statistics also hold the roll-up of every group under "all": it is not a group to compare.
            bool IsGroup(string g) => report.Manifest.GroupBy is null || g != PeriodKey.All;
            var groups = report.Corpus.Where(r => r.Period == PeriodKey.All && IsGroup(r.Group)).Select(r => r.Group).Distinct(StringComparer.Ordinal).ToList();
            foreach (var g in new[] { groupA, groupB, versusGroup }.OfType<string>().Where(g => !groups.Contains(g, StringComparer.Ordinal)))
            {
                throw new ArgumentException($"There is no group '{g}'; the groups are {string.Join(", ", groups)}.");
            }

            if (groups.Count < 2)
            {
                throw new ArgumentException($"Comparing needs at least two groups; the corpus has {groups.Count} (--group-by {report.Manifest.GroupBy ?? "none"}).");
            }

            // --a/--b is --reference b with only the two groups in scope.
            versusGroup ??= groupB;
            bool InScope(string g) => IsGroup(g) && (groupA is null || g == groupA || g == groupB);
            var sizes = report.Corpus.Where(r => r.Period == PeriodKey.All && InScope(r.Group)).ToDictionary(r => r.Group, r => r.Tokens, StringComparer.Ordinal);
            var logOdds = new List<(string Layer, LogOddsScore Score)>();
            var keyness = new List<(string Layer, LogLikelihoodScore Score)>();
            foreach (var l in layerName == "all" ? LexiconLayers : [layerName])
            {
                // One multinomial per layer, per category in the vocabulary (words and bigrams are two vocabularies).
                var counts = report.Labels.Where(s => s.Layer == l && s.Period == PeriodKey.All && InScope(s.Group))
                    .Select(s => new KeynessCount(s.Group, s.Category, s.Label, s.Mentions));
                foreach (var part in counts.GroupBy(c => vocabulary ? c.Category : "", StringComparer.Ordinal))
                {
                    var (scored, totals) = AboveMinimum(part, sizes.Keys, min);
                    logOdds.AddRange(Keyness.WeightedLogOdds(scored, totals, alpha, versusGroup).Select(s => (l, s)));
                    keyness.AddRange(Keyness.LogLikelihood(scored, sizes, versusGroup).Select(s => (l, s)));
                }
            }

            var dir = OutputFolder.Create(parse.GetValue(outDir)!);
            var versus = versusGroup ?? "rest";
            await ReportWriter.WriteCsvAsync(new ReportTable("compare-log-odds",
                "Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008) of each term in a group against the rest (or the reference group).",
                ["layer", "group", "versus", "category", "label", "count", "group_total", "versus_count", "versus_total", "prior", "delta", "variance", "z"],
                logOdds.Select(x => (IReadOnlyList<ReportValue>)
                [
                    x.Layer, x.Score.Group, versus, x.Score.Category, x.Score.Label, x.Score.Count, x.Score.GroupTotal, x.Score.RestCount, x.Score.RestTotal,
                    x.Score.Prior, x.Score.Delta, x.Score.Variance, x.Score.Z,
                ]).ToList()), dir, CancellationToken.None);
            await ReportWriter.WriteCsvAsync(new ReportTable("compare-keyness",
                "Log-likelihood (G²) keyness of each term in a group against the rest (or the reference group); sizes are tokens; direction +1 over-use, -1 under-use.",
                ["layer", "group", "versus", "category", "label", "count", "group_tokens", "versus_count", "versus_tokens", "expected", "g2", "direction"],
                keyness.Select(x => (IReadOnlyList<ReportValue>)
                [
                    x.Layer, x.Score.Group, versus, x.Score.Category, x.Score.Label, x.Score.Count, x.Score.GroupSize, x.Score.RestCount, x.Score.RestSize,
                    x.Score.ExpectedInGroup, x.Score.G2, (long)x.Score.Direction,
                ]).ToList()), dir, CancellationToken.None);

            var g2 = keyness.ToDictionary(x => (x.Layer, x.Score.Group, x.Score.Category, x.Score.Label), x => x.Score);
            var console = ReportConsole.Create(output);
            var against = groupA is not null ? $"{groupA} against {groupB}" : versusGroup is not null ? $"each group against {versusGroup}" : "each group against the rest";
            var table = new Table().Title($"Distinctive {(vocabulary ? "words" : "labels")}: {against} " +
                    $"(top {topN} by {(vocabulary ? "z" : "|z|")} per group{(min > 1 ? $", terms counted {min}+ times" : "")}; |z| > 1.96 ≈ p < 0.05)")
                .AddColumns("group", "layer", "category", "label", "count", "versus", "z", "G²");
            foreach (var group in logOdds.Where(x => !double.IsNaN(x.Score.Z)).GroupBy(x => x.Score.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var ranked = vocabulary ? group.OrderByDescending(x => x.Score.Z) : group.OrderByDescending(x => Math.Abs(x.Score.Z));
                foreach (var (l, s) in ranked.ThenBy(x => x.Score.Label, StringComparer.Ordinal).Take(topN))
                {
                    var k = g2.GetValueOrDefault((l, s.Group, s.Category, s.Label));
                    table.AddRow(TerminalText.Markup(s.Group), l, TerminalText.Markup(s.Category), TerminalText.Markup(s.Label), s.Count.ToString(CultureInfo.InvariantCulture),
                        s.RestCount.ToString(CultureInfo.InvariantCulture), s.Z.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture),
                        k is null ? "" : k.SignedG2.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture));
                }
            }

            console.Write(table);
            await output.WriteLineAsync($"Wrote {LogOddsFileName} ({logOdds.Count} rows) and {KeynessFileName} ({keyness.Count} rows) to {dir}");
            return AnalyzeCommand.ExitCode(report);
        });
        return command;
    }

    /// <summary>
    /// The counts of the terms counted at least <paramref name="min"/> times over the groups, and each group's total over
    /// every term (those below the minimum included), so leaving rare terms out changes no other term's score.
    /// </summary>
    internal static (List<KeynessCount> Scored, Dictionary<string, long> Totals) AboveMinimum(IEnumerable<KeynessCount> counts, IEnumerable<string> groups, int min)
    {
        var all = counts.ToList();
        var totals = groups.ToDictionary(g => g, _ => 0L, StringComparer.Ordinal);
        var termTotals = new Dictionary<(string, string), long>();
        foreach (var c in all)
        {
            totals[c.Group] = totals.GetValueOrDefault(c.Group) + c.Count;
            termTotals[(c.Category, c.Label)] = termTotals.GetValueOrDefault((c.Category, c.Label)) + c.Count;
        }

        return (all.Where(c => termTotals[(c.Category, c.Label)] >= min).ToList(), totals);
    }

    /// <summary>Runs only the vocabulary analyzer over a corpus, keeping every word (no top-N cut) for the comparison.</summary>
    private static async Task<CorpusReport> VocabularyReportAsync(RunSettings run, string path, bool bigrams, CancellationToken ct)
    {
        var pipeline = new TextLensPipelineBuilder().AddVocabulary(o => o.Bigrams = bigrams).Build();
        return await pipeline.AnalyzeAsync(CorpusSources.Open(path, run.Format, run.Fields), run.ToAnalysisOptions(), null, ct);
    }
}

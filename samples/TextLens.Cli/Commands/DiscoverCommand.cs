using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using TextLens.Concordance;
using TextLens.Framing;
using TextLens.Reports;
using TextLens.Statistics;
using TextLens.Text;
using TextLens.Vocabulary;

namespace TextLens.Cli.Commands;

/// <summary>
/// <c>textlens discover &lt;corpus&gt; --seed kyiv</c>: candidate competing labels for a concept — words that fill the same
/// contexts as the seeds and that some group prefers (<see cref="SeedDiscovery"/>) — written as a draft framing lexicon
/// with KWIC evidence for each candidate in its notes.
/// </summary>
internal static class DiscoverCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<string>("corpus") { Description = "A folder of .txt/.md files (with metadata.csv), a .jsonl/.jsonl.gz file or a .csv file." };
        var seed = new Option<string>("--seed", "-s") { Description = "Seed patterns for the concept, comma-separated: words, globs or phrases (kyiv; donbas,donbass).", Required = true };
        var top = new Option<int>("--top") { Description = "Candidates to keep.", DefaultValueFactory = _ => 10 };
        var minCount = new Option<int>("--min-count") { Description = "Candidates occur at least this many times.", DefaultValueFactory = _ => 5 };
        var minZ = new Option<double>("--min-z") { Description = "Some group prefers a candidate at least this much (log-odds z against the other groups).", DefaultValueFactory = _ => 1.96 };
        var evidence = new Option<int>("--evidence") { Description = "KWIC lines per candidate in the draft.", DefaultValueFactory = _ => 3 };
        var fold = new Option<bool>("--fold-diacritics") { Description = "Fold diacritics in words and seeds (Şuşa = Susa)." };
        var outFile = new Option<string?>("--out", "-o") { Description = "The draft lexicon file (default: discover-<first seed>.json)." };
        var options = new CorpusCommandOptions();
        var command = new Command("discover",
            "Discover candidate competing labels for a concept from seed terms: words sharing the seeds' left and right neighbours (PPMI-weighted " +
            "cosine) that the groups use differently from the seeds (Jensen-Shannon divergence of rates per group) and that some group prefers " +
            "(weighted log-odds z); writes a draft framing lexicon with KWIC evidence per candidate.")
        {
            corpus, seed, top, minCount, minZ, evidence, fold, outFile,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var run = options.Read(parse) with { Analyzers = [] };
            var seeds = parse.GetValue(seed)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var (topN, min, evidenceLines) = (parse.GetValue(top), parse.GetValue(minCount), parse.GetValue(evidence));
            if (seeds.Length == 0 || topN < 1 || min < 1 || evidenceLines < 0)
            {
                throw new ArgumentException("Give at least one --seed; --top and --min-count must be at least 1, --evidence at least 0.");
            }

            var path = parse.GetValue(corpus)!;
            var foldDiacritics = parse.GetValue(fold);
            var discovery = new SeedDiscovery(seeds, new SeedDiscoveryOptions { MinCount = min, MinPreferenceZ = parse.GetValue(minZ), FoldDiacritics = foldDiacritics });
            var parsed = new ParsedDocument();
            var report = await run.RunAsync(path, result =>
            {
                if (result.Document is { } document)
                {
                    DocumentParser.Default.Parse(document, parsed);
                    discovery.Add(parsed, result.Group);
                }
            }, ct);

            if (report.Corpus.Select(r => r.Group).Where(g => g != PeriodKey.All).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                throw new ArgumentException($"Discovering competing labels needs at least two groups (--group-by {run.GroupBy ?? "none"}).");
            }

            if (discovery.SeedOccurrences == 0)
            {
                throw new ArgumentException($"No seed occurs in the corpus ({string.Join(", ", seeds)}).");
            }

            var candidates = discovery.Candidates(topN);
            var lines = await EvidenceAsync(run, path, candidates, evidenceLines, foldDiacritics, ct);
            var lexicon = Draft(seeds, candidates, lines, path, foldDiacritics);
            var file = Path.GetFullPath(parse.GetValue(outFile) ?? $"discover-{Slug(seeds[0])}.json");
            lexicon.Save(file);

            var table = new Table().Title($"Candidates for {string.Join(", ", seeds)} ({discovery.SeedOccurrences:N0} seed matches in {discovery.Documents:N0} documents)")
                .AddColumns("#", "term", "score", "similarity", "divergence", "count", "preferred by", "z", "e.g.");
            for (var i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                var example = lines.TryGetValue(c.Term, out var l) && l.Count > 0 ? $"{Tail(l[0].Left, 30)} [{l[0].Text}] {Head(l[0].Right, 30)}" : "";
                table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), TerminalText.Markup(c.Term), c.Score.ToString("0.000", CultureInfo.InvariantCulture),
                    c.Similarity.ToString("0.000", CultureInfo.InvariantCulture), c.Divergence.ToString("0.00", CultureInfo.InvariantCulture),
                    c.Count.ToString(CultureInfo.InvariantCulture), TerminalText.Markup(c.PreferredBy), c.PreferenceZ.ToString("+0.0;-0.0", CultureInfo.InvariantCulture),
                    TerminalText.Markup(example));
            }

            ReportConsole.Create(output).Write(table);
            await output.WriteLineAsync($"Wrote the draft lexicon {file} ({candidates.Count} candidate{(candidates.Count == 1 ? "" : "s")}); check it with 'textlens lexicon validate'.");
            return AnalyzeCommand.ExitCode(report);
        });
        return command;
    }

    /// <summary>The draft: one concept named after the first seed, a label for the seeds and one per candidate, the evidence in the notes.</summary>
    internal static FramingLexicon Draft(IReadOnlyList<string> seeds, IReadOnlyList<DiscoveredTerm> candidates, IReadOnlyDictionary<string, List<KwicLine>> evidence,
        string corpus, bool foldDiacritics)
    {
        var conceptId = Slug(seeds[0]);
        var labels = new List<FramingLabel> { new(conceptId, seeds.Select(s => (FramingPattern)s), notes: "The seeds.") };
        var used = new HashSet<string>(StringComparer.Ordinal) { conceptId };
        foreach (var c in candidates)
        {
            var id = Slug(c.Term);
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{Slug(c.Term)}-{n}";
            }

            var notes = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Similarity {c.Similarity:0.000} to the seeds' contexts, divergence {c.Divergence:0.00} from their use by group; {c.Count:N0} uses, ")
                .Append(CultureInfo.InvariantCulture, $"most preferred by {c.PreferredBy} (z {c.PreferenceZ:+0.0;-0.0}; {c.CountsByGroup[c.PreferredBy]:N0} uses there).");
            foreach (var line in evidence.GetValueOrDefault(c.Term) ?? [])
            {
                notes.Append(CultureInfo.InvariantCulture, $" | {line.DocumentId}: …{line.Left} [{line.Text}] {line.Right}…");
            }

            labels.Add(new FramingLabel(id, [c.Term], new Dictionary<string, string>(StringComparer.Ordinal) { ["x-preferredBy"] = c.PreferredBy }, notes.ToString()));
        }

        var concept = new FramingConcept(conceptId, labels,
            $"Draft from 'textlens discover --seed {string.Join(",", seeds)}' on {Path.GetFileName(corpus)}: words that share the seeds' contexts and that the groups use differently from the seeds. " +
            "Keep the labels that name the same thing, add stance and perspective facets, merge spelling variants.");
        return new FramingLexicon($"draft-{conceptId}", "0.1", [concept], new FramingLexiconOptions(FoldDiacritics: foldDiacritics), "en",
            "A draft written by textlens discover; edit before use.");
    }

    /// <summary>A second pass: the first KWIC lines of every candidate.</summary>
    private static async Task<Dictionary<string, List<KwicLine>>> EvidenceAsync(RunSettings run, string path, IReadOnlyList<DiscoveredTerm> candidates, int perCandidate,
        bool foldDiacritics, CancellationToken ct)
    {
        var lines = candidates.ToDictionary(c => c.Term, _ => new List<KwicLine>(), StringComparer.Ordinal);
        if (candidates.Count == 0 || perCandidate == 0)
        {
            return lines;
        }

        var search = TextSearch.Create(candidates.Select(c => c.Term).ToList(), new TextSearchOptions { FoldDiacritics = foldDiacritics });
        var parsed = new ParsedDocument();
        var wanted = candidates.Count * perCandidate;
        await run.RunAsync(path, result =>
        {
            if (wanted == 0 || result.Document is not { } document)
            {
                return;
            }

            DocumentParser.Default.Parse(document, parsed);
            foreach (var line in search.Lines(parsed, 6, result.Group, result.Period))
            {
                var list = lines[line.Label];
                if (list.Count < perCandidate && !list.Any(l => l.DocumentId == line.DocumentId))
                {
                    list.Add(line);
                    wanted--;
                }
            }
        }, ct);
        return lines;
    }

    /// <summary>A lexicon id from a term: lower-case letters and digits, other runs a single dash.</summary>
    internal static string Slug(string term)
    {
        var sb = new StringBuilder();
        foreach (var c in term.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "concept" : slug;
    }

    private static string Tail(string text, int width) => text.Length > width ? "…" + text[^(width - 1)..] : text;

    private static string Head(string text, int width) => text.Length > width ? text[..(width - 1)] + "…" : text;
}

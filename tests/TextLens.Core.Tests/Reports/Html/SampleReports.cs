using TextLens.Reports;
using TextLens.Reports.Html;

namespace TextLens.Tests.Reports.Html;

/// <summary>Synthetic, internally consistent reports (rollups, rates and shares computed from counts) for HTML tests.</summary>
internal static class SampleReports
{
    public const string ScriptPayload = "<script>window.__pwned=1;document.title='pwned'</script>";
    public const string ImgPayload = "<img src=x onerror=\"window.__pwned=1;alert(1)\">";

    public static readonly string[] Outlets = ["Bosphorus Times", "Caspian Dispatch", "Global Newswire", "Moscow Wire", "Yerevan Herald"];

    /// <summary>A report over five outlets and twelve months plus undated documents, with every layer and table kind.</summary>
    public static (CorpusReport Report, List<ReportKwicLine> Kwic) Rich(bool hostile = false)
    {
        var rng = new Random(20230919);
        var groups = hostile ? [.. Outlets, ImgPayload] : Outlets;
        var periods = Enumerable.Range(1, 12).Select(m => $"2023-{m:D2}").Append("unknown").ToArray();
        var b = new Builder();
        foreach (var g in groups)
        {
            foreach (var p in periods)
            {
                var docs = p == "unknown" ? rng.Next(0, 3) : rng.Next(2, 9);
                if (docs == 0)
                {
                    continue;
                }

                b.Volume(g, p, docs, docs * rng.Next(420, 900));
            }
        }

        var framing = new Dictionary<string, string[]>
        {
            ["armed-groups"] = ["separatists", "ethnic Armenian forces", "Karabakh Armenian forces", "illegal armed groups", "self-defense forces"],
            ["military-operation"] = ["anti-terrorist measures", "offensive", "military operation", "counter-terrorism operation"],
            ["displacement"] = ["exodus", "ethnic cleansing", "voluntary departure", "evacuation", "refugees", "humanitarian corridor", "deportation", "population transfer", "flight"],
        };
        if (hostile)
        {
            framing["armed-groups"] = [.. framing["armed-groups"], ScriptPayload];
        }

        var bias = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            bias[g] = rng.Next(0, 5);
        }

        foreach (var (concept, labels) in framing)
        {
            foreach (var g in groups)
            {
                foreach (var p in periods)
                {
                    if (!b.HasVolume(g, p))
                    {
                        continue;
                    }

                    for (var i = 0; i < labels.Length; i++)
                    {
                        var weight = (i == bias[g] % labels.Length ? 9 : 1) + (labels.Length - i);
                        var month = p == "unknown" ? 0 : int.Parse(p[5..], System.Globalization.CultureInfo.InvariantCulture);
                        var surge = concept == "military-operation" && month == 9 ? 4 : 1;
                        var n = rng.Next(0, weight) * surge;
                        if (n > 0)
                        {
                            b.Mentions(g, p, "framing", concept, labels[i], n);
                        }
                    }
                }
            }
        }

        var entities = new (string Type, string Label, string Name)[]
        {
            ("GPE", "Azerbaijan", "Azerbaijan"), ("GPE", "Armenia", "Armenia"), ("GPE", "Russia", "Russia"),
            ("GPE", "Stepanakert", "Stepanakert / Khankendi"), ("GPE", "Shusha", "Shusha / Shushi"), ("ORG", "ICRC", "International Committee of the Red Cross"),
            ("PERSON", "Ilham Aliyev", "Ilham Aliyev"), ("PERSON", "Nikol Pashinyan", "Nikol Pashinyan"), ("ORG", "Russian peacekeepers", "Russian peacekeeping contingent"),
            ("GPE", "Lachin", "Lachin corridor"), ("ORG", "European Union", "European Union"), ("GPE", "Turkey", "Türkiye"),
            ("GPE", "Fuzuli", "Füzuli"), ("ORG", "UN", "United Nations"), ("PERSON", "Ruben Vardanyan", "Ruben Vardanyan"),
            ("GPE", "Kalbajar", "Kalbajar / Karvachar"), ("ORG", "OSCE Minsk Group", "OSCE Minsk Group"),
        };
        foreach (var g in groups)
        {
            foreach (var p in periods)
            {
                if (!b.HasVolume(g, p))
                {
                    continue;
                }

                for (var i = 0; i < entities.Length; i++)
                {
                    var n = rng.Next(0, Math.Max(2, 14 - i));
                    if (n > 0)
                    {
                        b.Mentions(g, p, "entity", entities[i].Type, entities[i].Label, n);
                        b.Facet(g, p, "entity", entities[i].Type, entities[i].Label, "name", entities[i].Name, n);
                    }
                }
            }
        }

        var sources = new (string Type, string Label)[]
        {
            ("official", "Ministry of Defence of Azerbaijan"), ("official", "Armenian Foreign Ministry"), ("official", "Kremlin spokesperson"),
            ("media", "TASS"), ("media", "Reuters"), ("unnamed", "unnamed source"), ("ngo", "Human Rights Watch"), ("social-media", "social networks"),
            ("official", "Presidential administration"), ("expert", "regional analysts"),
        };
        string[] stances = ["neutral", "distancing", "endorsing", "accusing"];
        string[] modes = ["direct", "indirect", "mixed"];
        foreach (var g in groups)
        {
            foreach (var p in periods)
            {
                if (!b.HasVolume(g, p))
                {
                    continue;
                }

                foreach (var (type, label) in sources)
                {
                    var n = rng.Next(0, 6);
                    if (n == 0)
                    {
                        continue;
                    }

                    b.Mentions(g, p, "attribution", type, label, n);
                    for (var k = 0; k < n; k++)
                    {
                        b.Facet(g, p, "attribution", type, label, "cueStance", stances[Math.Max(rng.Next(0, 6) - 2, 0)], 1);
                        b.Facet(g, p, "attribution", type, label, "mode", modes[rng.Next(0, 3) == 2 ? rng.Next(0, 3) : rng.Next(0, 2)], 1);
                    }
                }
            }
        }

        b.Mentions(Outlets[0], "2023-09", "hedging", "certainty", "reportedly", 12);
        b.Mentions(Outlets[3], "2023-03", "hedging", "certainty", "allegedly", 7);

        var report = b.Build(groups, hostile);
        var kwic = Kwic(report, rng, hostile);
        return (report, kwic);
    }

    /// <summary>A report with no document at all.</summary>
    public static CorpusReport Empty() => new()
    {
        Manifest = new ReportManifest
        {
            TextLensVersion = "0.1.0",
            Source = "empty.jsonl",
            GroupBy = "outlet",
            Period = "month",
            Counts = new CorpusCounts(0, 0, 0, 0, 0, 0, 0),
        },
    };

    private static List<ReportKwicLine> Kwic(CorpusReport report, Random rng, bool hostile)
    {
        var lines = new List<ReportKwicLine>();
        foreach (var s in report.Labels.Where(l => l.Group != "all" && l.Period != "all"))
        {
            for (var i = 0; i < s.Mentions; i++)
            {
                var doc = $"{Slug(s.Group)}-{s.Period}-{rng.Next(1, 4):D3}";
                var start = rng.Next(10, 4000);
                var left = hostile && i == 0 ? "Officials said " + ScriptPayload + " that the " : "On Tuesday officials in the region said that the";
                var right = hostile && i == 0 ? " had withdrawn " + ImgPayload + " overnight." : " had withdrawn from positions near the corridor overnight.";
                lines.Add(new ReportKwicLine(s.Layer, s.Category, s.Label, s.Group, s.Period, doc, start, s.Label.Length, left, s.Label, right));
            }
        }

        return lines;
    }

    private static string Slug(string s) => new(s.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(8).ToArray());

    private sealed class Builder
    {
        private readonly Dictionary<(string G, string P), (long Docs, long Tokens)> _volume = [];
        private readonly Dictionary<(string G, string P, string Layer, string Cat, string Label), long> _mentions = [];
        private readonly Dictionary<(string G, string P, string Layer, string Cat, string Label, string Facet, string Value), long> _facets = [];

        public void Volume(string g, string p, long docs, long tokens) => _volume[(g, p)] = (docs, tokens);

        public bool HasVolume(string g, string p) => _volume.ContainsKey((g, p));

        public void Mentions(string g, string p, string layer, string cat, string label, long n) =>
            _mentions[(g, p, layer, cat, label)] = _mentions.GetValueOrDefault((g, p, layer, cat, label)) + n;

        public void Facet(string g, string p, string layer, string cat, string label, string facet, string value, long n) =>
            _facets[(g, p, layer, cat, label, facet, value)] = _facets.GetValueOrDefault((g, p, layer, cat, label, facet, value)) + n;

        private static IEnumerable<(string G, string P)> Rollups(string g, string p) => [(g, p), (g, "all"), ("all", p), ("all", "all")];

        public CorpusReport Build(string[] groups, bool hostile)
        {
            var volume = new Dictionary<(string G, string P), (long Docs, long Tokens)>();
            foreach (var ((g, p), v) in _volume)
            {
                foreach (var k in Rollups(g, p))
                {
                    var c = volume.GetValueOrDefault(k);
                    volume[k] = (c.Docs + v.Docs, c.Tokens + v.Tokens);
                }
            }

            var mentions = new Dictionary<(string G, string P, string Layer, string Cat, string Label), long>();
            foreach (var ((g, p, layer, cat, label), n) in _mentions)
            {
                foreach (var (rg, rp) in Rollups(g, p))
                {
                    mentions[(rg, rp, layer, cat, label)] = mentions.GetValueOrDefault((rg, rp, layer, cat, label)) + n;
                }
            }

            var catTotals = mentions.GroupBy(kv => (kv.Key.G, kv.Key.P, kv.Key.Layer, kv.Key.Cat)).ToDictionary(x => x.Key, x => x.Sum(kv => kv.Value));
            var labels = mentions
                .Select(kv => new LabelStatistic(kv.Key.G, kv.Key.P, kv.Key.Layer, kv.Key.Cat, kv.Key.Label, kv.Value, Math.Max(1, kv.Value * 2 / 3),
                    kv.Value * 10_000.0 / volume[(kv.Key.G, kv.Key.P)].Tokens, (double)kv.Value / catTotals[(kv.Key.G, kv.Key.P, kv.Key.Layer, kv.Key.Cat)]))
                .OrderBy(l => l.Group == "all" ? 0 : 1).ThenBy(l => l.Group, StringComparer.Ordinal)
                .ThenBy(l => l.Period == "all" ? 0 : l.Period == "unknown" ? 2 : 1).ThenBy(l => l.Period, StringComparer.Ordinal)
                .ThenBy(l => l.Layer, StringComparer.Ordinal).ThenBy(l => l.Category, StringComparer.Ordinal).ThenBy(l => l.Label, StringComparer.Ordinal)
                .ToList();

            var facets = new Dictionary<(string G, string P, string Layer, string Cat, string Label, string Facet, string Value), long>();
            foreach (var ((g, p, layer, cat, label, facet, value), n) in _facets)
            {
                foreach (var (rg, rp) in Rollups(g, p))
                {
                    var k = (rg, rp, layer, cat, label, facet, value);
                    facets[k] = facets.GetValueOrDefault(k) + n;
                }
            }

            var facetRows = facets
                .Select(kv => new FacetStatistic(kv.Key.G, kv.Key.P, kv.Key.Layer, kv.Key.Cat, kv.Key.Label, kv.Key.Facet, kv.Key.Value, kv.Value,
                    (double)kv.Value / mentions[(kv.Key.G, kv.Key.P, kv.Key.Layer, kv.Key.Cat, kv.Key.Label)]))
                .OrderBy(f => f.Group, StringComparer.Ordinal).ThenBy(f => f.Period, StringComparer.Ordinal).ThenBy(f => f.Layer, StringComparer.Ordinal)
                .ThenBy(f => f.Category, StringComparer.Ordinal).ThenBy(f => f.Label, StringComparer.Ordinal)
                .ThenBy(f => f.Facet, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal)
                .ToList();

            var corpus = volume.Select(kv => new CorpusOverviewRow(kv.Key.G, kv.Key.P, kv.Value.Docs, kv.Value.Tokens, kv.Value.Tokens * 6))
                .OrderBy(r => r.Group == "all" ? 0 : 1).ThenBy(r => r.Group, StringComparer.Ordinal)
                .ThenBy(r => r.Period == "all" ? 0 : r.Period == "unknown" ? 2 : 1).ThenBy(r => r.Period, StringComparer.Ordinal).ToList();

            var total = volume[("all", "all")];
            var logOdds = LogOdds(labels, groups);
            var errors = Enumerable.Range(1, 205).Select(i => new ReportError(i % 3 == 0 ? "flag" : "read", "corpus/articles.jsonl", i * 17, i,
                i % 2 == 0 ? $"doc-{i}" : null, null, i == 1 && hostile ? "bad record " + ScriptPayload : $"invalid JSON at position {i * 3}")).ToList();
            errors.Add(new ReportError("analyzer", "corpus/articles.jsonl", null, 9, "doc-9", "textlens.attribution/1", "Index was outside the bounds of the array."));

            return new CorpusReport
            {
                Manifest = new ReportManifest
                {
                    TextLensVersion = "0.1.0",
                    Source = hostile ? "corpus/" + ImgPayload + ".jsonl" : "samples/corpus/articles.jsonl",
                    GroupBy = "outlet",
                    Period = "month",
                    Analyzers =
                    [
                        new AnalyzerManifest("textlens.framing", 1, "framing",
                            new Dictionary<string, string> { ["lexicon"] = "embedded:karabakh-conflict", ["foldDiacritics"] = "true" },
                            [new LexiconInfo("framing-lexicon", "karabakh-conflict", "2024.1", "9f2c4be1a07d5e3c8b19f0d2a4c6e8f1b3d5a7c9e1f3b5d7a9c1e3f5b7d9a1c3", "embedded:karabakh-conflict")]),
                        new AnalyzerManifest("textlens.entities", 1, "entity", new Dictionary<string, string> { ["gazetteer"] = "embedded:caucasus" },
                            [new LexiconInfo("gazetteer", "caucasus", "2024.2", "04ab55e9c1d2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8", "embedded:caucasus")]),
                        new AnalyzerManifest("textlens.attribution", 1, "attribution", new Dictionary<string, string>(),
                            [new LexiconInfo("cue-lexicon", "english-cues", "1.0", "c0ffee00d15ea5e5bead0000aaaa1111bbbb2222cccc3333dddd4444eeee5555", "embedded:english-cues")]),
                    ],
                    Counts = new CorpusCounts(total.Docs + 140, total.Docs, 137, 69, 1, total.Tokens * 6, total.Tokens),
                    Errors = errors,
                    Run = new RunInfo(new DateTimeOffset(2024, 5, 14, 9, 30, 0, TimeSpan.Zero), 3.42, 2,
                        [new AnalyzerTiming("parse", total.Docs, 0.41, 52_000_000, 1_200_000), new AnalyzerTiming("textlens.framing/1", total.Docs, 0.22, 97_000_000, 0)]),
                },
                Corpus = corpus,
                Labels = labels,
                Facets = facetRows,
                Tables =
                [
                    logOdds,
                    new ReportTable("entity-cooccurrence", "Sentences in which an entity and a framing label co-occur, with pointwise mutual information.",
                        ["group", "entity", "category", "label", "sentences", "pmi"],
                        [
                            ["all", "Russia", "armed-groups", "separatists", 41L, 1.234567],
                            ["all", "Azerbaijan", "military-operation", "anti-terrorist measures", 77L, 0.5],
                            ["all", hostile ? ScriptPayload : "Armenia", "displacement", "exodus", 12L, -0.25],
                        ]),
                ],
            };
        }

        private static ReportTable LogOdds(List<LabelStatistic> labels, string[] groups)
        {
            var rows = new List<IReadOnlyList<ReportValue>>();
            var rng = new Random(7);
            foreach (var g in groups)
            {
                foreach (var l in labels.Where(l => l.Group == g && l.Period == "all" && l.Layer == "framing").OrderBy(l => l.Category, StringComparer.Ordinal).ThenBy(l => l.Label, StringComparer.Ordinal))
                {
                    var z = Math.Round((rng.NextDouble() * 8) - 4, 4);
                    rows.Add([g, l.Category, l.Label, l.Mentions, Math.Round(z / 5, 4), z]);
                }
            }

            return new ReportTable("framing-log-odds", "Weighted log-odds of each label for each outlet against the rest, informative Dirichlet prior; z is the log-odds divided by its standard error.",
                ["group", "category", "label", "mentions", "log_odds", "z"], rows);
        }
    }
}

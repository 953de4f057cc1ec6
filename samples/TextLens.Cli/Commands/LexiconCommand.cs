using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using TextLens.Analyzers.Attribution;
using TextLens.Entities;
using TextLens.Framing;
using TextLens.Reports;

namespace TextLens.Cli.Commands;

/// <summary><c>textlens lexicon validate|show|import</c>: check lexicons of every kind; inspect and convert framing lexicons.</summary>
internal static class LexiconCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("lexicon", "Lexicons: validate a framing lexicon, gazetteer or cue lexicon; show a framing lexicon's concepts, labels and patterns; import LIWC .dic or quanteda YAML.");
        command.Add(Validate(output, error));
        command.Add(Show(output, error));
        command.Add(Import(output, error));
        return command;
    }

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file")
        {
            Description = "A TextLens JSON framing lexicon, gazetteer or attribution cue lexicon (or a LIWC .dic / quanteda .yml file, checked as imported).",
        };
        var kind = new Option<string>("--kind")
        {
            Description = "What the file is: framing, gazetteer or cues (default: auto, from its top-level fields: concepts, entities, or verbs/phrases/sourceNouns).",
            DefaultValueFactory = _ => "auto",
        };
        var command = new Command("validate",
            "Load a framing lexicon, gazetteer or cue lexicon and check it: every fault with file:line:column and field (exit 2), or 'OK' with counts and any warnings.")
        {
            file,
            kind,
        };
        command.SetAction(async (parse, _) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"No such lexicon file: {path}");
            }

            var kindName = parse.GetValue(kind)!.ToLowerInvariant();
            var resolved = kindName == "auto" ? LexiconKinds.Detect(path) : kindName;
            IReadOnlyList<string> warnings;
            string summary;
            try
            {
                (summary, warnings) = resolved switch
                {
                    LexiconKinds.Framing => ValidateFraming(path),
                    LexiconKinds.Gazetteer => ValidateGazetteer(path),
                    LexiconKinds.Cues => ValidateCues(path),
                    _ => throw new ArgumentException($"Unknown --kind '{kindName}': use auto, framing, gazetteer or cues."),
                };
            }
            catch (TextLensConfigurationException ex)
            {
                var faults = ex is LexiconException lexicon ? lexicon.LexiconFaults.Select(f => f.ToString()).ToList() : ex.Faults.ToList();
                foreach (var fault in faults)
                {
                    await error.WriteLineAsync(TerminalText.Printable($"textlens: {TextLensCli.OneLine(fault)}"));
                }

                await error.WriteLineAsync($"textlens: {faults.Count} fault{(faults.Count == 1 ? "" : "s")} in {path}");
                return ExitCodes.UsageError;
            }

            foreach (var w in warnings)
            {
                await output.WriteLineAsync(TerminalText.Printable($"warning: {w}"));
            }

            await output.WriteLineAsync($"OK: {summary}{(warnings.Count == 0 ? "" : $", {warnings.Count} warning{(warnings.Count == 1 ? "" : "s")}")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static (string Summary, IReadOnlyList<string> Warnings) ValidateFraming(string path)
    {
        var lexicon = Load(path, null);
        return (Summary(lexicon), FramingLexiconValidator.Validate(lexicon).Select(w => w.ToString()).ToList());
    }

    private static (string Summary, IReadOnlyList<string> Warnings) ValidateGazetteer(string path)
    {
        var gazetteer = Gazetteer.Load(path);
        return (string.Create(CultureInfo.InvariantCulture, $"gazetteer, {gazetteer.Entities.Count} entities"),
            GazetteerValidator.Validate(gazetteer).Select(w => w.ToString()).ToList());
    }

    private static (string Summary, IReadOnlyList<string> Warnings) ValidateCues(string path)
    {
        var cues = CueLexiconLoader.LoadFile(path);
        return (string.Create(CultureInfo.InvariantCulture, $"cue lexicon, {cues.Verbs.Count} verbs, {cues.Phrases.Count} phrases, {cues.SourceNouns.Count} source nouns"), []);
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = $"A lexicon file, or the name of an embedded one ({string.Join(", ", FramingLexicons.DefaultNames)})." };
        var command = new Command("show", "Print a lexicon as a tree: concepts, labels with their facets, patterns.") { file };
        command.SetAction((parse, _) =>
        {
            var path = parse.GetValue(file)!;
            var lexicon = FramingLexicons.DefaultNames.Contains(path, StringComparer.Ordinal) && !File.Exists(path)
                ? FramingLexicons.Default(path)
                : Load(path, null);
            var console = ReportConsole.Create(output);
            var tree = new Tree($"[bold]{TerminalText.Markup(lexicon.Name)}[/] {TerminalText.Markup(lexicon.Version)} · {TerminalText.Markup(Summary(lexicon))}" +
                (lexicon.Language is null ? "" : $" · language {TerminalText.Markup(lexicon.Language)}"));
            foreach (var concept in lexicon.Concepts)
            {
                var c = tree.AddNode($"[bold]{TerminalText.Markup(concept.Id)}[/]" + (concept.Description is null ? "" : $" — {TerminalText.Markup(concept.Description)}"));
                foreach (var label in concept.Labels)
                {
                    var facets = label.Facets.Count == 0 ? "" : " (" + string.Join(", ", label.Facets.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")) + ")";
                    var l = c.AddNode($"[yellow]{TerminalText.Markup(label.Id)}[/]{TerminalText.Markup(facets)}");
                    l.AddNode(TerminalText.Markup(string.Join(" | ", label.Patterns.Select(p => p.ToString()))));
                }
            }

            console.Write(tree);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "A LIWC .dic file or a quanteda .yml/.yaml dictionary." };
        var outFile = new Option<string?>("--out", "-o") { Description = "The TextLens JSON file to write (default: <name>.json in the current folder)." };
        var name = new Option<string?>("--name") { Description = "The lexicon name (default: the file name without extension)." };
        var command = new Command("import", "Convert a LIWC .dic or quanteda YAML dictionary into a TextLens JSON lexicon (written atomically) and print a summary.")
        {
            file, outFile, name,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".dic" or ".yml" or ".yaml"))
            {
                throw new ArgumentException($"Cannot import '{path}': use a LIWC .dic file or a quanteda .yml/.yaml dictionary.");
            }

            var lexicon = Load(path, parse.GetValue(name));
            var target = Path.GetFullPath(parse.GetValue(outFile) ?? lexicon.Name + ".json");
            var atomic = new AtomicFile(target);
            await using (atomic)
            {
                await atomic.Stream.WriteAsync(new UTF8Encoding(false).GetBytes(lexicon.ToJson()), ct);
                await atomic.CommitAsync(ct);
            }

            var warnings = FramingLexiconValidator.Validate(lexicon);
            await output.WriteLineAsync($"Imported {Path.GetFileName(path)} as '{lexicon.Name}': {Summary(lexicon)}" +
                (lexicon.Description is null ? "" : $" ({lexicon.Description})"));
            foreach (var w in warnings.Take(20))
            {
                await output.WriteLineAsync($"warning: {w}");
            }

            await output.WriteLineAsync($"Wrote {target}{(warnings.Count == 0 ? "" : $" ({warnings.Count} warnings; 'textlens lexicon validate' lists them all)")}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Loads a lexicon by extension: .dic (LIWC), .yml/.yaml (quanteda), otherwise TextLens JSON.</summary>
    private static FramingLexicon Load(string path, string? name)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such lexicon file: {path}");
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".dic" => FramingLexiconImporter.FromLiwc(path, name),
            ".yml" or ".yaml" => FramingLexiconImporter.FromQuanteda(path, name),
            _ => FramingLexicon.Load(path),
        };
    }

    internal static string Summary(FramingLexicon lexicon)
    {
        var labels = lexicon.Concepts.Sum(c => c.Labels.Count);
        var patterns = lexicon.Concepts.Sum(c => c.Labels.Sum(l => l.Patterns.Count));
        return string.Create(CultureInfo.InvariantCulture, $"{lexicon.Concepts.Count} concepts, {labels} labels, {patterns} patterns");
    }
}

/// <summary>The kinds of lexicon file <c>textlens lexicon validate</c> checks, and how a file's kind is told from its top-level fields.</summary>
internal static class LexiconKinds
{
    public const string Framing = "framing";
    public const string Gazetteer = "gazetteer";
    public const string Cues = "cues";

    /// <summary>
    /// The kind of a lexicon file: LIWC and quanteda files are framing lexicons; a JSON object with <c>entities</c> is a
    /// gazetteer, one with <c>verbs</c>, <c>phrases</c> or <c>sourceNouns</c> a cue lexicon; anything else (including JSON
    /// that does not parse) is read as a framing lexicon, whose loader reports the faults with their location.
    /// </summary>
    public static string Detect(string path)
    {
        if (Path.GetExtension(path).ToLowerInvariant() is ".dic" or ".yml" or ".yaml")
        {
            return Framing;
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var json = System.Text.Json.JsonDocument.Parse(stream, new System.Text.Json.JsonDocumentOptions
            {
                CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "concepts":
                            return Framing;
                        case "entities":
                            return Gazetteer;
                        case "verbs" or "phrases" or "sourceNouns":
                            return Cues;
                    }
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the framing loader says where.
        }

        return Framing;
    }
}

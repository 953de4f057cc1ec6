using System.Text.Json;
using System.Text.RegularExpressions;
using TextLens.Framing;

namespace TextLens.Entities;

/// <summary>
/// Reads the gazetteer JSON format into a <see cref="Gazetteer"/>, collecting every fault with its position
/// before throwing. Unknown fields are faults too: a misspelt <c>metonymfor</c> must not pass silently.
/// </summary>
internal static partial class GazetteerReader
{
    private static readonly string[] RootFields = ["$schema", "name", "version", "description", "language", "foldDiacritics", "customTypes", "dependsOn", "entities"];
    private static readonly string[] EntityFields = ["id", "name", "type", "aliases", "parent", "metonymFor", "titles", "caseSensitive", "note"];
    private static readonly string[] AliasFields = ["text", "caseSensitive", "ambiguous", "note"];

    public static Gazetteer Read(byte[] utf8, string origin, string sha256)
    {
        var lines = new SourceLines(utf8);
        LocatedJson root;
        try
        {
            root = LocatedJson.Parse(utf8);
        }
        catch (LocatedJsonException ex)
        {
            var (line, column) = ex.FromReader ? lines.AtLine(ex.LineOrOffset, ex.BytePositionInLine) : lines.At(ex.LineOrOffset);
            throw new LexiconException(new LexiconFault(origin, line, column, ex.Path.Length == 0 ? null : ex.Path, ex.Message));
        }

        var state = new State(origin, lines);
        var gazetteer = state.ReadRoot(root, sha256);
        if (state.Faults.Count > 0)
        {
            throw new LexiconException(state.Faults.OrderBy(f => f.Line ?? int.MaxValue).ThenBy(f => f.Column ?? 0).ToList());
        }

        return gazetteer!;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex GazetteerNamePattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex TypePattern();

    private sealed class State(string origin, SourceLines lines)
    {
        public List<LexiconFault> Faults { get; } = [];

        private GazetteerPosition At(LocatedJson node, string path)
        {
            var (line, column) = lines.At(node.Offset);
            return new GazetteerPosition(origin, line, column, path);
        }

        private void Fault(LocatedJson node, string path, string message) => Faults.Add(At(node, path).Fault(message));

        public Gazetteer? ReadRoot(LocatedJson root, string sha256)
        {
            if (root.Kind != JsonValueKind.Object)
            {
                Fault(root, "", $"a gazetteer must be a JSON object, not {root.KindName}.");
                return null;
            }

            CheckFields(root, "", RootFields);
            var name = RequiredString(root, "", "name");
            if (name is not null && !GazetteerNamePattern().IsMatch(name))
            {
                Fault(Field(root, "name")!, "name", $"'{name}' is not a valid gazetteer name (lower-case letters, digits, '.', '_', '-').");
            }

            var version = RequiredString(root, "", "version");
            var description = OptionalString(root, "", "description") ?? "";
            var language = OptionalString(root, "", "language");
            var foldDiacritics = OptionalBoolean(root, "", "foldDiacritics") ?? true;
            var customTypes = ReadCustomTypes(root);
            var dependsOn = StringList(root, "", "dependsOn", allowEmptyItems: false);

            var entitiesNode = Field(root, "entities");
            var entities = new List<GazetteerEntity>();
            var references = new List<(GazetteerEntity Entity, string Field, string Target, GazetteerPosition Position)>();
            if (entitiesNode is null)
            {
                Fault(root, "", "the field 'entities' is missing.");
            }
            else if (entitiesNode.Kind != JsonValueKind.Array)
            {
                Fault(entitiesNode, "entities", $"must be an array, not {entitiesNode.KindName}.");
            }
            else
            {
                var ids = new Dictionary<string, LocatedJson>(StringComparer.Ordinal);
                for (var i = 0; i < entitiesNode.Items.Count; i++)
                {
                    var e = ReadEntity(entitiesNode.Items[i], $"entities[{i}]", name ?? "", customTypes, ids, references);
                    if (e is not null)
                    {
                        entities.Add(e);
                    }
                }
            }

            var byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
            var external = new List<GazetteerReference>();
            foreach (var (entity, field, target, position) in references)
            {
                if (string.Equals(target, entity.Id, StringComparison.Ordinal))
                {
                    Faults.Add(position.Fault($"entity '{entity.Id}' names itself as its {field}."));
                }
                else if (!byId.ContainsKey(target))
                {
                    if (dependsOn.Count == 0)
                    {
                        Faults.Add(position.Fault($"unknown {field} id '{target}': no entity of this gazetteer has it (list the gazetteer that defines it in 'dependsOn')."));
                    }
                    else
                    {
                        external.Add(new GazetteerReference(entity.Id, field, target, position));
                    }
                }
            }

            CheckParentCycles(entities, byId);
            CheckCrossEntityDuplicates(entities, foldDiacritics);
            if (Faults.Count > 0 || name is null || version is null)
            {
                return null;
            }

            return new Gazetteer(name, version, description, language, foldDiacritics, customTypes, dependsOn, entities, external, origin, sha256);
        }

        private List<string> ReadCustomTypes(LocatedJson root)
        {
            var list = StringList(root, "", "customTypes", allowEmptyItems: false);
            var node = Field(root, "customTypes");
            var result = new List<string>();
            for (var i = 0; i < list.Count; i++)
            {
                var t = list[i];
                var item = node!.Items[i];
                if (!TypePattern().IsMatch(t))
                {
                    Fault(item, $"customTypes[{i}]", $"custom type '{t}' must be upper-case letters, digits and '_' (like 'LAW').");
                }
                else if (EntityTypes.IsBuiltIn(t) || t == EntityTypes.Unknown)
                {
                    Fault(item, $"customTypes[{i}]", $"'{t}' is a built-in type; do not declare it.");
                }
                else if (result.Contains(t, StringComparer.Ordinal))
                {
                    Fault(item, $"customTypes[{i}]", $"custom type '{t}' is declared twice.");
                }
                else
                {
                    result.Add(t);
                }
            }

            return result;
        }

        private GazetteerEntity? ReadEntity(LocatedJson node, string path, string gazetteer, List<string> customTypes,
            Dictionary<string, LocatedJson> ids, List<(GazetteerEntity, string, string, GazetteerPosition)> references)
        {
            if (node.Kind != JsonValueKind.Object)
            {
                Fault(node, path, $"an entity must be an object, not {node.KindName}.");
                return null;
            }

            CheckFields(node, path, EntityFields);
            var usable = true;
            var id = RequiredString(node, path, "id");
            if (id is not null)
            {
                var idNode = Field(node, "id")!;
                if (!IdPattern().IsMatch(id))
                {
                    Fault(idNode, Join(path, "id"), $"'{id}' is not a valid id: use lower-case dotted segments such as 'az.gpe.shusha'.");
                    usable = false;
                }
                else if (ids.TryGetValue(id, out var first))
                {
                    var at = At(first, "");
                    Fault(idNode, Join(path, "id"), $"duplicate id '{id}' (first defined at line {at.Line}, column {at.Column}).");
                    usable = false;
                }
                else
                {
                    ids[id] = idNode;
                }
            }

            var name = RequiredString(node, path, "name");
            if (name is not null && (string.IsNullOrWhiteSpace(name) ? "the name is empty." : AliasProblem(name)) is { } nameProblem)
            {
                Fault(Field(node, "name")!, Join(path, "name"), nameProblem);
            }

            var type = RequiredString(node, path, "type");
            if (type is not null && !EntityTypes.IsBuiltIn(type) && !customTypes.Contains(type, StringComparer.Ordinal))
            {
                Fault(Field(node, "type")!, Join(path, "type"),
                    $"unknown type '{type}': use one of {string.Join(", ", EntityTypes.BuiltIn)} or declare it in 'customTypes'.");
            }

            var caseSensitive = OptionalBoolean(node, path, "caseSensitive") ?? false;
            var aliases = new List<GazetteerAlias>();
            var aliasesNode = Field(node, "aliases");
            if (aliasesNode is not null)
            {
                if (aliasesNode.Kind != JsonValueKind.Array)
                {
                    Fault(aliasesNode, Join(path, "aliases"), $"must be an array, not {aliasesNode.KindName}.");
                }
                else
                {
                    for (var i = 0; i < aliasesNode.Items.Count; i++)
                    {
                        var a = ReadAlias(aliasesNode.Items[i], $"{path}.aliases[{i}]", caseSensitive);
                        if (a is not null)
                        {
                            aliases.Add(a);
                        }
                    }
                }
            }

            var titles = StringList(node, path, "titles", allowEmptyItems: false);
            if (titles.Count > 0 && type is not null && type != EntityTypes.Person)
            {
                Fault(Field(node, "titles")!, Join(path, "titles"), $"titles are for PERSON entities, not {type}.");
            }

            var parent = OptionalString(node, path, "parent");
            var metonymFor = OptionalString(node, path, "metonymFor");
            _ = OptionalString(node, path, "note");
            // An entity with faults is kept when it can be identified, so that the checks of references and
            // shared aliases still run and report everything in one pass (the gazetteer is not returned anyway).
            if (!usable || id is null || name is null || type is null)
            {
                return null;
            }

            var entity = new GazetteerEntity(id, Collapse(name), caseSensitive, type, aliases, parent, metonymFor, titles.Select(Collapse).ToList(),
                gazetteer, At(node, path), At(Field(node, "name")!, Join(path, "name")));
            if (parent is not null)
            {
                references.Add((entity, "parent", parent, At(Field(node, "parent")!, Join(path, "parent"))));
            }

            if (metonymFor is not null)
            {
                references.Add((entity, "metonymFor", metonymFor, At(Field(node, "metonymFor")!, Join(path, "metonymFor"))));
            }

            return entity;
        }

        private GazetteerAlias? ReadAlias(LocatedJson node, string path, bool entityCaseSensitive)
        {
            string? text;
            var caseSensitive = entityCaseSensitive;
            var ambiguous = false;
            var textNode = node;
            var textPath = path;
            if (node.Kind == JsonValueKind.String)
            {
                text = node.Text;
            }
            else if (node.Kind == JsonValueKind.Object)
            {
                var faults = Faults.Count;
                CheckFields(node, path, AliasFields);
                text = RequiredString(node, path, "text");
                caseSensitive = OptionalBoolean(node, path, "caseSensitive") ?? entityCaseSensitive;
                ambiguous = OptionalBoolean(node, path, "ambiguous") ?? false;
                _ = OptionalString(node, path, "note");
                textNode = Field(node, "text") ?? node;
                textPath = Join(path, "text");
                if (Faults.Count > faults)
                {
                    return null;
                }
            }
            else
            {
                Fault(node, path, $"an alias must be a string or an object with 'text', not {node.KindName}.");
                return null;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                Fault(textNode, textPath, "the alias is empty.");
                return null;
            }

            if (AliasProblem(text) is { } problem)
            {
                Fault(textNode, textPath, problem);
                return null;
            }

            return new GazetteerAlias(Collapse(text), caseSensitive, ambiguous, At(textNode, textPath));
        }

        private void CheckParentCycles(List<GazetteerEntity> entities, Dictionary<string, GazetteerEntity> byId)
        {
            foreach (var e in entities)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal) { e.Id };
                var current = e;
                while (current.Parent is { } p && byId.TryGetValue(p, out var next))
                {
                    if (!seen.Add(next.Id))
                    {
                        if (string.Equals(next.Id, e.Id, StringComparison.Ordinal))
                        {
                            Faults.Add(e.Position.Fault($"entity '{e.Id}' is its own ancestor through 'parent' ({string.Join(" → ", seen)} → {e.Id})."));
                        }

                        break;
                    }

                    current = next;
                }
            }
        }

        /// <summary>
        /// An alias key used by two entities is a fault unless the later occurrence says <c>ambiguous: true</c>
        /// (then it resolves to the first entity). Repeats within one entity are left to the validator.
        /// </summary>
        private void CheckCrossEntityDuplicates(List<GazetteerEntity> entities, bool foldDiacritics)
        {
            var owners = new Dictionary<string, List<(GazetteerEntity Entity, string Text, bool CaseSensitive, GazetteerPosition Position)>>(StringComparer.Ordinal);
            foreach (var e in entities)
            {
                foreach (var (text, caseSensitive, ambiguous, position) in AllNames(e))
                {
                    var key = GazetteerAlias.Key(text, foldDiacritics);
                    if (!owners.TryGetValue(key, out var list))
                    {
                        owners[key] = list = [];
                    }

                    foreach (var other in list)
                    {
                        if (ReferenceEquals(other.Entity, e) || (caseSensitive && other.CaseSensitive && !string.Equals(text, other.Text, StringComparison.Ordinal)))
                        {
                            continue;
                        }

                        if (!ambiguous)
                        {
                            Faults.Add(position.Fault(
                                $"alias '{text}' of '{e.Id}' is also an alias of '{other.Entity.Id}' ({other.Position.Origin}:{other.Position.Line}:{other.Position.Column}); " +
                                "mark it \"ambiguous\": true to let it resolve to the first entity, or remove it."));
                        }

                        break;
                    }

                    list.Add((e, text, caseSensitive, position));
                }
            }
        }

        private LocatedJson? Field(LocatedJson obj, string name)
        {
            foreach (var m in obj.Members)
            {
                if (string.Equals(m.Name, name, StringComparison.Ordinal))
                {
                    return m.Value;
                }
            }

            return null;
        }

        private void CheckFields(LocatedJson obj, string path, string[] known)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in obj.Members)
            {
                var n = m.Name;
                var (line, column) = lines.At(m.NameOffset);
                var at = new GazetteerPosition(origin, line, column, Join(path, n));
                if (!known.Contains(n, StringComparer.Ordinal))
                {
                    var hint = known.FirstOrDefault(k => string.Equals(k, n, StringComparison.OrdinalIgnoreCase));
                    Faults.Add(at.Fault(hint is not null
                        ? $"unknown field '{n}' (did you mean '{hint}'?)."
                        : $"unknown field '{n}'; expected one of {string.Join(", ", known)}."));
                }
                else if (!seen.Add(n))
                {
                    Faults.Add(at.Fault($"the field '{n}' is given twice."));
                }
            }
        }

        private string? RequiredString(LocatedJson obj, string path, string name)
        {
            var v = Field(obj, name);
            if (v is null)
            {
                Fault(obj, path, $"the field '{name}' is missing.");
                return null;
            }

            if (v.Kind != JsonValueKind.String)
            {
                Fault(v, Join(path, name), $"must be a string, not {v.KindName}.");
                return null;
            }

            return v.Text;
        }

        private string? OptionalString(LocatedJson obj, string path, string name)
        {
            var v = Field(obj, name);
            if (v is null || v.Kind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.Kind != JsonValueKind.String)
            {
                Fault(v, Join(path, name), $"must be a string, not {v.KindName}.");
                return null;
            }

            return v.Text;
        }

        private bool? OptionalBoolean(LocatedJson obj, string path, string name)
        {
            var v = Field(obj, name);
            if (v is null || v.Kind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.Kind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Fault(v, Join(path, name), $"must be true or false, not {v.KindName}.");
                return null;
            }

            return v.Kind == JsonValueKind.True;
        }

        private List<string> StringList(LocatedJson obj, string path, string name, bool allowEmptyItems)
        {
            var result = new List<string>();
            var v = Field(obj, name);
            if (v is null || v.Kind == JsonValueKind.Null)
            {
                return result;
            }

            if (v.Kind != JsonValueKind.Array)
            {
                Fault(v, Join(path, name), $"must be an array of strings, not {v.KindName}.");
                return result;
            }

            for (var i = 0; i < v.Items.Count; i++)
            {
                var item = v.Items[i];
                if (item.Kind != JsonValueKind.String)
                {
                    Fault(item, $"{Join(path, name)}[{i}]", $"must be a string, not {item.KindName}.");
                }
                else if (!allowEmptyItems && string.IsNullOrWhiteSpace(item.Text))
                {
                    Fault(item, $"{Join(path, name)}[{i}]", "the value is empty.");
                }
                else
                {
                    result.Add(item.Text!);
                }
            }

            return result;
        }
    }

    /// <summary>The canonical name followed by every alias: text, case-sensitivity, ambiguity, position.</summary>
    internal static IEnumerable<(string Text, bool CaseSensitive, bool Ambiguous, GazetteerPosition Position)> AllNames(GazetteerEntity e)
    {
        yield return (e.Name, e.CaseSensitive, false, e.NamePosition);
        foreach (var a in e.Aliases)
        {
            yield return (a.Text, a.CaseSensitive, a.Ambiguous, a.Position);
        }
    }

    /// <summary>What makes a name or alias unmatchable, or <see langword="null"/>: aliases are literal text of at most 1,000 characters with a letter or digit.</summary>
    private static string? AliasProblem(string text)
    {
        if (GazetteerAlias.Key(text, foldDiacritics: false).All(c => !char.IsLetterOrDigit(c)))
        {
            return $"'{text}' has no letter or digit.";
        }

        if (text.Contains('*', StringComparison.Ordinal))
        {
            return $"'{text}' contains '*'; gazetteer names are literal (list each spelling instead of a wildcard).";
        }

        return text.Length > Analyzers.Matching.PatternSyntax.MaxLength ? $"'{text[..40]}...' is longer than {Analyzers.Matching.PatternSyntax.MaxLength} characters." : null;
    }

    private static string Join(string path, string field) => path.Length == 0 ? field : path + "." + field;

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

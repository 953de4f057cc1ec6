using System.Globalization;

namespace TextLens.Evaluation.Ner;

/// <summary>The <c>--name value</c> options of the NER commands and where the shared data lives.</summary>
internal sealed class NerCommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private NerCommandLine()
    {
    }

    public static NerCommandLine Parse(IReadOnlyList<string> args, params string[] known)
    {
        var line = new NerCommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || !known.Contains(a[2..], StringComparer.Ordinal))
            {
                throw new ArgumentException($"Unknown option '{a}'. Known: {string.Join(", ", known.Select(k => "--" + k))}.");
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"Option '{a}' needs a value.");
            }

            line._values[a[2..]] = args[++i];
        }

        return line;
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public float Float(string name, float fallback) =>
        _values.TryGetValue(name, out var v) ? float.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    /// <summary>
    /// The path given with <paramref name="name"/>, or <c>shared/data/<paramref name="relative"/></c> found beside the
    /// current directory or one of its ancestors (the repository root's sibling <c>../shared</c>).
    /// </summary>
    public string DataPath(string name, string relative)
    {
        if (_values.TryGetValue(name, out var given))
        {
            return given;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Cannot find shared/data/{relative} beside the current directory or its ancestors; pass --{name}.");
    }
}

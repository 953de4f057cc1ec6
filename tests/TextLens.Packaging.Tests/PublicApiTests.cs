using System.Reflection;
using System.Text;

namespace TextLens.Packaging.Tests;

/// <summary>
/// The public API of each library is checked in as PublicApi/&lt;Assembly&gt;.txt; any change to it shows up here and in
/// review. To accept a change (after merging API from another branch, for example), regenerate every file with:
/// <code>
/// TEXTLENS_UPDATE_PUBLIC_API=1 dotnet test tests/TextLens.Packaging.Tests --filter FullyQualifiedName~PublicApiTests
/// </code>
/// and commit tests/TextLens.Packaging.Tests/PublicApi/*.txt.
/// </summary>
public class PublicApiTests
{
    public const string UpdateVariable = "TEXTLENS_UPDATE_PUBLIC_API";

    public static TheoryData<string> Libraries() => new(Repo.LibraryAssemblies.Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Public_api_matches_the_checked_in_listing(string assemblyName)
    {
        var assembly = Repo.LibraryAssemblies.Single(a => a.GetName().Name == assemblyName);
        var actual = PublicApiListing.Generate(assembly);
        var path = Path.Combine(Repo.PublicApiFolder, assemblyName + ".txt");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Repo.PublicApiFolder);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (expected == actual)
            return;

        Assert.Fail($"The public API of {assemblyName} differs from {Path.GetRelativePath(Repo.Root, path)} " +
                    $"(- checked in, + now):\n{LineDiff.Unified(expected, actual)}\n" +
                    $"If the change is intended, set {UpdateVariable}=1 and re-run to accept:\n" +
                    $"  {UpdateVariable}=1 dotnet test tests/TextLens.Packaging.Tests --filter FullyQualifiedName~PublicApiTests");
    }

    /// <summary>
    /// Types designed for inheritance. Everything else public is sealed, abstract or static: unsealing later is
    /// compatible, sealing later is a breaking change.
    /// </summary>
    private static readonly HashSet<string> DesignedForInheritance =
    [
        "TextLens.TextLensConfigurationException",
    ];

    [Fact]
    public void Public_classes_are_sealed_unless_abstract_static_or_designed_for_inheritance()
    {
        var unsealed = Repo.LibraryAssemblies
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Where(t => !DesignedForInheritance.Contains(t.FullName!))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(unsealed.Count == 0,
            "Public classes neither sealed, abstract nor static (seal them, or add them to DesignedForInheritance with a reason):\n" +
            string.Join("\n", unsealed));
    }
}

/// <summary>A small line diff (longest common subsequence) printing changed lines with a little context.</summary>
internal static class LineDiff
{
    public static string Unified(string expected, string actual, int context = 2, int maxLines = 300)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var ops = new List<(char Op, string Line)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { ops.Add((' ', a[x])); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { ops.Add(('+', b[y])); y++; }
            else { ops.Add(('-', a[x])); x++; }
        }

        var show = new bool[ops.Count];
        for (var k = 0; k < ops.Count; k++)
        {
            if (ops[k].Op == ' ')
                continue;
            for (var c = Math.Max(0, k - context); c <= Math.Min(ops.Count - 1, k + context); c++)
                show[c] = true;
        }

        var sb = new StringBuilder();
        var lines = 0;
        for (var k = 0; k < ops.Count; k++)
        {
            if (!show[k])
                continue;
            if (k > 0 && !show[k - 1])
                sb.Append("@@\n");
            sb.Append(ops[k].Op).Append(' ').Append(ops[k].Line).Append('\n');
            if (++lines >= maxLines)
            {
                sb.Append("... (diff truncated)\n");
                break;
            }
        }

        return sb.ToString();
    }
}

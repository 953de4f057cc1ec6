using System.Text.RegularExpressions;

namespace TextLens.Packaging.Tests;

/// <summary>A fact over the packed .nupkg files; skipped, with the command to run, when artifacts/packages holds none.</summary>
public sealed class PackagesFactAttribute : FactAttribute
{
    public const string SkipReason = "run `dotnet pack TextLens.sln -c Release -o artifacts/packages` first (.ci/run does)";

    public PackagesFactAttribute()
    {
        if (PackageFiles.Find("TextLens.Core").Count == 0)
            Skip = SkipReason;
    }
}

/// <summary>Finds packed packages by id in artifacts/packages.</summary>
internal static class PackageFiles
{
    /// <summary>The .nupkg files of exactly this id (any version), newest first.</summary>
    public static IReadOnlyList<string> Find(string id)
    {
        if (!Directory.Exists(Repo.Packages))
            return [];
        var pattern = new Regex("^" + Regex.Escape(id) + @"\.\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\.nupkg$");
        return Directory.EnumerateFiles(Repo.Packages, "*.nupkg")
            .Where(f => pattern.IsMatch(Path.GetFileName(f)))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ToList();
    }
}

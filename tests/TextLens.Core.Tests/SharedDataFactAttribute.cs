namespace TextLens.Tests;

/// <summary>
/// A fact that needs the third-party data in <c>../shared/data</c> next to the repository (never copied into it).
/// Skipped with the reason when the folder is absent, as on a fresh clone.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = "Shared data not found: no ../shared/data next to the folder holding TextLens.sln.";
        }
    }
}

/// <summary>Where the shared data folder is, if anywhere.</summary>
public static class SharedData
{
    private static readonly Lazy<string?> Folder = new(Find);

    /// <summary>The <c>shared/data</c> folder, or <see langword="null"/> when absent.</summary>
    public static string? Root => Folder.Value;

    /// <summary>The full path of a file under the shared data folder.</summary>
    public static string File(string relative) =>
        Path.Combine(Root ?? throw new InvalidOperationException("No shared data."), relative);

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }

        return null;
    }
}

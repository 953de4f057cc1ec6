namespace TextLens.Tests;

/// <summary>
/// A fact that needs the shared data next to the repository (<c>../shared/seeds</c>, <c>../shared/data</c>): skipped
/// with a clear message on a fresh clone where that folder does not exist.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!Directory.Exists(SharedData.Seeds))
        {
            Skip = $"Shared data not found at {SharedData.Seeds} (it lives next to the repository, outside it).";
        }
    }
}

/// <summary>Where the repository and the shared data are.</summary>
public static class SharedData
{
    /// <summary>The repository root: the folder holding <c>TextLens.sln</c>, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary><c>../shared</c> relative to the repository root.</summary>
    public static string Root => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>The seed articles.</summary>
    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The data sets.</summary>
    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

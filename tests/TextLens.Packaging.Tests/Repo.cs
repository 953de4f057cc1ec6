using System.Reflection;

namespace TextLens.Packaging.Tests;

/// <summary>Paths in the repository this test assembly was built from.</summary>
internal static class Repo
{
    public static string Root { get; } =
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string Packages => Path.Combine(Root, "artifacts", "packages");

    public static string PublicApiFolder => Path.Combine(Root, "tests", "TextLens.Packaging.Tests", "PublicApi");

    /// <summary>The four library assemblies (what the library packages ship).</summary>
    public static Assembly[] LibraryAssemblies { get; } =
    [
        typeof(TextLensPipeline).Assembly,                                                            // TextLens.Core
        typeof(FramingBuilderExtensions).Assembly,                                                    // TextLens.Analyzers
        typeof(Microsoft.Extensions.DependencyInjection.TextLensServiceCollectionExtensions).Assembly, // TextLens.Extensions.DependencyInjection
        typeof(TextLens.Parquet.ParquetAnnotationsWriter).Assembly,                                   // TextLens.Parquet
    ];

    public static readonly string[] LibraryPackageIds = ["TextLens.Core", "TextLens.Analyzers", "TextLens.Extensions.DependencyInjection", "TextLens.Parquet"];

    public const string ToolPackageId = "TextLens.Cli";
}

using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TextLens.Packaging.Tests;

/// <summary>What each packed package holds (artifacts/packages; .ci/run packs before testing).</summary>
public class PackageContentTests
{
    private static readonly string[] LibraryFrameworks = ["net8.0", "net10.0"];

    private static string Newest(string id) =>
        PackageFiles.Find(id).FirstOrDefault() ?? throw new Xunit.Sdk.XunitException($"{id}.*.nupkg is missing from artifacts/packages");

    [PackagesFact]
    public void Library_packages_hold_dll_and_xml_docs_per_framework_and_the_readme()
    {
        var faults = new List<string>();
        foreach (var id in Repo.LibraryPackageIds)
        {
            var file = Newest(id);
            var entries = Nupkg.Entries(file);
            foreach (var tfm in LibraryFrameworks)
            {
                foreach (var ext in new[] { ".dll", ".xml" })
                {
                    var expected = $"lib/{tfm}/{id}{ext}";
                    if (!entries.Contains(expected))
                        faults.Add($"{Path.GetFileName(file)}: no {expected}");
                }
            }

            if (!entries.Contains("README.md"))
                faults.Add($"{Path.GetFileName(file)}: no README.md");
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [PackagesFact]
    public void Nuspec_carries_the_metadata()
    {
        var faults = new List<string>();
        foreach (var id in Repo.LibraryPackageIds.Append(Repo.ToolPackageId))
        {
            var file = Newest(id);
            var m = Nupkg.ReadMetadata(file);
            var name = Path.GetFileName(file);
            void Require(string element)
            {
                if (string.IsNullOrWhiteSpace((string?)m.Element(element)))
                    faults.Add($"{name}: <{element}> missing or empty");
            }

            if ((string?)m.Element("id") != id)
                faults.Add($"{name}: id {(string?)m.Element("id")}");
            if (!name.EndsWith($".{(string?)m.Element("version")}.nupkg", StringComparison.Ordinal))
                faults.Add($"{name}: version {(string?)m.Element("version")} does not match the file name");
            foreach (var element in new[] { "authors", "description", "tags", "projectUrl", "releaseNotes", "copyright" })
                Require(element);
            var license = m.Element("license");
            if (license is null || (string?)license.Attribute("type") != "expression" || license.Value != "MIT")
                faults.Add($"{name}: license is not the expression MIT");
            if ((string?)m.Element("readme") != "README.md")
                faults.Add($"{name}: <readme> is not README.md");
            if (!Nupkg.Entries(file).Contains("README.md"))
                faults.Add($"{name}: README.md not packed");
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [PackagesFact]
    public void Every_package_has_its_symbol_package()
    {
        var missing = Repo.LibraryPackageIds.Append(Repo.ToolPackageId)
            .Select(Newest)
            .Where(f => !File.Exists(Path.ChangeExtension(f, ".snupkg")))
            .Select(Path.GetFileName)
            .ToList();
        Assert.True(missing.Count == 0, "No .snupkg beside: " + string.Join(", ", missing));

        foreach (var id in Repo.LibraryPackageIds)
        {
            var symbols = Nupkg.Entries(Path.ChangeExtension(Newest(id), ".snupkg"));
            foreach (var tfm in LibraryFrameworks)
                Assert.Contains($"lib/{tfm}/{id}.pdb", symbols);
        }
    }

    [PackagesFact]
    public void Analyzers_dll_embeds_every_default_lexicon_and_model()
    {
        // Every file the project embeds (src/TextLens.Analyzers/**/Defaults/*.json) under a TextLens.Analyzers.* name.
        var source = Path.Combine(Repo.Root, "src", "TextLens.Analyzers");
        var defaults = Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Defaults")
            .Select(Path.GetFileName)
            .ToList();
        Assert.Contains("karabakh-conflict.json", defaults);

        var file = Newest("TextLens.Analyzers");
        foreach (var tfm in LibraryFrameworks)
        {
            var names = ManifestResourceNames(Nupkg.ReadEntry(file, $"lib/{tfm}/TextLens.Analyzers.dll"));
            Assert.All(names, n => Assert.StartsWith("TextLens.Analyzers.", n, StringComparison.Ordinal));
            foreach (var json in defaults)
            {
                Assert.True(names.Any(n => n.EndsWith("/" + json, StringComparison.Ordinal) || n.EndsWith("." + json, StringComparison.Ordinal)),
                    $"lib/{tfm}/TextLens.Analyzers.dll does not embed {json}; it embeds: {string.Join(", ", names)}");
            }
        }
    }

    [PackagesFact]
    public void Console_tool_package_is_a_dotnet_tool()
    {
        var file = Newest(Repo.ToolPackageId);
        var entries = Nupkg.Entries(file);
        Assert.Contains("tools/net10.0/any/textlens.dll", entries);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
        var settings = System.Text.Encoding.UTF8.GetString(Nupkg.ReadEntry(file, "tools/net10.0/any/DotnetToolSettings.xml"));
        Assert.Contains("Command Name=\"textlens\"", settings, StringComparison.Ordinal);
        Assert.Contains("DotnetTool", (string?)Nupkg.ReadMetadata(file).Element("packageTypes")?.Element("packageType")?.Attribute("name") ?? "");
    }

    [PackagesFact]
    public void Package_binaries_are_built_deterministically_for_CI()
    {
        // ContinuousIntegrationBuild maps source paths to /_/ in the PDBs: no machine path leaks into the packages.
        foreach (var id in Repo.LibraryPackageIds)
        {
            var symbols = Path.ChangeExtension(Newest(id), ".snupkg");
            var pdb = Nupkg.ReadEntry(symbols, $"lib/net10.0/{id}.pdb");
            using var provider = MetadataReaderProvider.FromPortablePdbImage(System.Collections.Immutable.ImmutableArray.Create(pdb));
            var reader = provider.GetMetadataReader();
            var paths = reader.Documents.Select(h => reader.GetString(reader.GetDocument(h).Name)).ToList();
            Assert.NotEmpty(paths);
            var leaked = paths.Where(p => !p.StartsWith("/_/", StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, $"{id}.pdb names machine paths (pack with -p:ContinuousIntegrationBuild=true): {string.Join(", ", leaked)}");
        }
    }

    private static List<string> ManifestResourceNames(byte[] dll)
    {
        using var pe = new PEReader(new MemoryStream(dll));
        var md = pe.GetMetadataReader();
        return md.ManifestResources.Select(h => md.GetString(md.GetManifestResource(h).Name)).Order(StringComparer.Ordinal).ToList();
    }
}

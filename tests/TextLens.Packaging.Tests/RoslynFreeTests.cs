using System.Reflection;
using System.Runtime.Loader;

namespace TextLens.Packaging.Tests;

/// <summary>
/// README: "no package under src/ depends on Microsoft.CodeAnalysis.*". Checked on the compiled assemblies (the whole
/// closure of their references, as loadable from this test's output) and on the packed .nuspec files.
/// </summary>
public class RoslynFreeTests
{
    private static bool IsRoslyn(string? name) =>
        name is not null && (name.Equals("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase) ||
                             name.StartsWith("Microsoft.CodeAnalysis.", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Reference_closure_of_the_libraries_has_no_Microsoft_CodeAnalysis()
    {
        var offenders = new List<string>();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<(Assembly Assembly, string Chain)>();
        foreach (var a in Repo.LibraryAssemblies)
        {
            visited.Add(a.GetName().Name!);
            queue.Enqueue((a, a.GetName().Name!));
        }

        while (queue.Count > 0)
        {
            var (assembly, chain) = queue.Dequeue();
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var name = reference.Name!;
                var next = chain + " -> " + name;
                if (IsRoslyn(name))
                    offenders.Add(next);
                if (!visited.Add(name))
                    continue;
                Assembly loaded;
                try
                {
                    loaded = AssemblyLoadContext.Default.LoadFromAssemblyName(reference);
                }
                catch (Exception ex) when (ex is IOException or BadImageFormatException)
                {
                    continue;   // not deployed with the test (an optional framework facade): its name was checked above
                }

                queue.Enqueue((loaded, next));
            }
        }

        Assert.True(visited.Count > Repo.LibraryAssemblies.Length, "the walk found no reference at all");
        Assert.True(offenders.Count == 0, "Roslyn in the reference closure:\n" + string.Join("\n", offenders));
    }

    [PackagesFact]
    public void No_packed_library_depends_on_Microsoft_CodeAnalysis()
    {
        var offenders = new List<string>();
        foreach (var id in Repo.LibraryPackageIds.Append(Repo.ToolPackageId))
        {
            var file = PackageFiles.Find(id).FirstOrDefault();
            Assert.True(file is not null, $"{id}.*.nupkg is missing from artifacts/packages");
            var nuspec = Nupkg.ReadNuspec(file);
            foreach (var group in nuspec.Elements("group").DefaultIfEmpty(nuspec))
            {
                foreach (var dependency in group.Elements("dependency"))
                {
                    var depId = (string?)dependency.Attribute("id");
                    if (IsRoslyn(depId))
                        offenders.Add($"{Path.GetFileName(file)} [{(string?)group.Attribute("targetFramework") ?? "any"}] -> {depId}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Packages depending on Roslyn:\n" + string.Join("\n", offenders));
    }
}

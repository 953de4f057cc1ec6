using System.IO.Compression;
using System.Xml.Linq;

namespace TextLens.Packaging.Tests;

/// <summary>Reads a .nupkg: its entries and its .nuspec (namespace-free, so the schema version does not matter).</summary>
internal static class Nupkg
{
    public static IReadOnlyList<string> Entries(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    public static byte[] ReadEntry(string file, string entry)
    {
        using var zip = ZipFile.OpenRead(file);
        var e = zip.GetEntry(entry) ?? throw new InvalidOperationException($"{Path.GetFileName(file)} has no {entry}");
        using var s = e.Open();
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>The &lt;dependencies&gt; element of the .nuspec (empty when absent), names stripped of namespaces.</summary>
    public static XElement ReadNuspec(string file) => ReadMetadata(file).Element("dependencies") ?? new XElement("dependencies");

    /// <summary>The &lt;metadata&gt; element of the .nuspec, names stripped of namespaces.</summary>
    public static XElement ReadMetadata(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        var entry = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var s = entry.Open();
        var doc = XDocument.Load(s);
        foreach (var el in doc.Descendants())
            el.Name = el.Name.LocalName;
        return doc.Root!.Element("metadata")!;
    }
}

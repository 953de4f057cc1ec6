using System.Reflection;

namespace TextLens.Tests;

/// <summary>Paths of the plugins built with the tests (see the AssemblyMetadata items of the project).</summary>
internal static class TestPlugins
{
    public static string Hedging => Get("Hedging");

    public static string JsonA => Get("JsonA");

    public static string JsonB => Get("JsonB");

    public static string FutureMajor => Get("FutureMajor");

    public static string Faulty => Get("Faulty");

    /// <summary>Copies a plugin's whole output folder to a new temporary folder and returns the plugin's path there.</summary>
    public static string CopyToTemp(string pluginPath)
    {
        var source = Path.GetDirectoryName(pluginPath)!;
        var target = Directory.CreateTempSubdirectory("textlens-plugin-").FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return Path.Combine(target, Path.GetFileName(pluginPath));
    }

    private static string Get(string name)
    {
        var path = typeof(TestPlugins).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Plugin:" + name).Value!;
        path = Path.GetFullPath(path);
        Assert.True(File.Exists(path), $"Test plugin {name} was not built: {path}");
        return path;
    }
}

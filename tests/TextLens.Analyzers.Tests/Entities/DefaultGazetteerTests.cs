using TextLens.Entities;

namespace TextLens.Tests.Entities;

public sealed class DefaultGazetteerTests
{
    [Fact]
    public void Embedded_gazetteers_are_listed_by_resource_name()
    {
        Assert.Equal(["karabakh", "world"], Gazetteers.DefaultNames);
        var names = typeof(Gazetteers).Assembly.GetManifestResourceNames();
        Assert.Contains("TextLens.Analyzers.Entities/Defaults/world.json", names);
        Assert.Contains("TextLens.Analyzers.Entities/Defaults/karabakh.json", names);
    }

    [Theory]
    [InlineData("world")]
    [InlineData("karabakh")]
    public void Default_gazetteers_load_and_have_no_validator_warnings(string name)
    {
        var g = Gazetteers.Default(name);
        Assert.Equal(name, g.Name);
        Assert.Equal("embedded:" + name, g.Origin);
        Assert.Equal("gazetteer", g.Info.Kind);
        Assert.Matches("^[0-9a-f]{64}$", g.Sha256);
        var warnings = GazetteerValidator.Validate(g);
        Assert.True(warnings.Count == 0, string.Join(Environment.NewLine, warnings));
    }

    [Fact]
    public void Default_gazetteers_combine_into_one_index()
    {
        var index = EntityIndex.Create(Gazetteers.Default("world"), Gazetteers.Default("karabakh"));
        Assert.True(index.TryGetEntity("az.gpe.shusha", out var shusha));
        Assert.Equal("az.gpe.azerbaijan", shusha.Parent);
        Assert.True(index.TryResolve("Baku’s", out var baku));
        Assert.Equal("az.org.government", index.ResolveMetonym(baku).Id);
    }
}

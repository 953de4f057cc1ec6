using TextLens.Analyzers.Attribution;
using TextLens.Entities;
using TextLens.Framing;

namespace TextLens.Tests;

/// <summary>Every loader of a lexicon-like file turns a file it cannot read into its own configuration error, at load.</summary>
public sealed class LexiconFileTests
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "textlens-no-such-dir", "missing.json");

    [Fact]
    public void FramingLexiconLoad_MissingFile_LexiconFaultNamesTheFile()
    {
        var ex = Assert.Throws<LexiconException>(() => FramingLexicon.Load(Missing));

        var fault = Assert.Single(ex.LexiconFaults);
        Assert.Equal(Missing, fault.File);
        Assert.StartsWith("The lexicon file cannot be read: ", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FramingLexiconImporterFromLiwc_MissingFile_LexiconFaultNamesTheFile()
    {
        var ex = Assert.Throws<LexiconException>(() => FramingLexiconImporter.FromLiwc(Missing));

        var fault = Assert.Single(ex.LexiconFaults);
        Assert.Equal(Missing, fault.File);
        Assert.StartsWith("The file cannot be read: ", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GazetteerLoad_MissingFile_ConfigurationErrorNamesTheFile()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => Gazetteer.Load(Missing));

        Assert.StartsWith($"Gazetteer '{Missing}' cannot be read: ", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
    }

    [Fact]
    public void CueLexiconLoadFile_MissingFile_ConfigurationErrorNamesTheFile()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => CueLexiconLoader.LoadFile(Missing));

        Assert.StartsWith($"{Missing}: cannot read the cue lexicon: ", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
    }
}

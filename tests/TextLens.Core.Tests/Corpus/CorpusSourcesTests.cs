namespace TextLens.Tests.Corpus;

public sealed class CorpusSourcesTests : IDisposable
{
    private readonly TempCorpusDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("a.jsonl", CorpusFormat.JsonLines)]
    [InlineData("a.JSONL", CorpusFormat.JsonLines)]
    [InlineData("a.ndjson", CorpusFormat.JsonLines)]
    [InlineData("a.jsonl.gz", CorpusFormat.JsonLines)]
    [InlineData("a.ndjson.gz", CorpusFormat.JsonLines)]
    [InlineData("a.json.gz", CorpusFormat.JsonLines)]
    [InlineData("a.csv", CorpusFormat.Csv)]
    [InlineData("a.CSV.GZ", CorpusFormat.Csv)]
    public void DetectFormat_KnownExtension_IsChosen(string name, CorpusFormat expected) =>
        Assert.Equal(expected, CorpusSources.DetectFormat(_dir[name]));

    [Fact]
    public void DetectFormat_Folder_IsDirectory() =>
        Assert.Equal(CorpusFormat.Directory, CorpusSources.DetectFormat(_dir.Path));

    [Theory]
    [InlineData("corpus.json")]
    [InlineData("corpus.txt")]
    [InlineData("corpus.gz")]
    [InlineData("corpus")]
    public void Open_UnknownExtension_ThrowsNamingThePathAndTheFormats(string name)
    {
        var path = _dir.Write(name, "x");

        var error = Assert.Throws<ArgumentException>(() => CorpusSources.Open(path));

        Assert.Equal("path", error.ParamName);
        Assert.Equal(
            $"Cannot tell the corpus format of '{path}' from its name. Supported: a directory of .txt/.md files, JSON Lines " +
            "(.jsonl, .ndjson, .jsonl.gz, .ndjson.gz, .json.gz) or CSV (.csv, .csv.gz). Rename the file or name the format explicitly. (Parameter 'path')",
            error.Message);
    }

    [Fact]
    public async Task Open_ExplicitFormat_OverridesTheName()
    {
        var path = _dir.Write("export.txt", "{\"id\": \"a\", \"body\": \"b\"}\n");

        var source = CorpusSources.Open(path, CorpusFormat.JsonLines);
        var document = Assert.Single((await CorpusContents.ReadAsync(source)).Documents);

        Assert.Equal("b", document.Text);
        Assert.Equal(path, source.Name);
    }

    [Fact]
    public async Task Open_Fields_AreUsed()
    {
        var path = _dir.Write("x.csv", "key,words\nk,hello\n");

        var source = CorpusSources.Open(path, fields: FieldMapping.Default with { Id = ["key"], Text = ["words"] });
        var document = Assert.Single((await CorpusContents.ReadAsync(source)).Documents);

        Assert.Equal("k", document.Id);
        Assert.Equal("hello", document.Text);
    }

    [Fact]
    public void Open_Folder_IsADirectorySource()
    {
        _dir.Write("a.txt", "x");

        var source = CorpusSources.Open(_dir.Path);

        Assert.Equal(_dir.Path, source.Name);
        Assert.Equal(1, source.TotalBytes);
    }

    [Fact]
    public void Factories_MissingPaths_ThrowBeforeReading()
    {
        Assert.Throws<FileNotFoundException>(() => CorpusSources.JsonLines(_dir["missing.jsonl"]));
        Assert.Throws<FileNotFoundException>(() => CorpusSources.Csv(_dir["missing.csv"]));
        Assert.Throws<FileNotFoundException>(() => CorpusSources.Open(_dir["missing.csv"]));
        Assert.Throws<DirectoryNotFoundException>(() => CorpusSources.Directory(_dir["missing"]));
        Assert.Throws<FileNotFoundException>(() => CorpusSources.JsonLines(_dir.Path));
    }

    [Fact]
    public void FieldMapping_NameInTwoRoles_IsRejected()
    {
        var path = _dir.Write("a.jsonl", "{}");
        var options = new JsonLinesSourceOptions { Fields = FieldMapping.Default with { Title = ["title", "source"] } };

        var error = Assert.Throws<ArgumentException>(() => CorpusSources.JsonLines(path, options));

        Assert.StartsWith("The field name 'source' is mapped to both 'title' and 'outlet'.", error.Message);
    }

    [Fact]
    public void FieldMapping_NoTextName_IsRejected()
    {
        var path = _dir.Write("a.jsonl", "{}");

        var error = Assert.Throws<ArgumentException>(() =>
            CorpusSources.JsonLines(path, new JsonLinesSourceOptions { Fields = FieldMapping.Default with { Text = [] } }));

        Assert.StartsWith("The field mapping names no text field.", error.Message);
    }

    [Fact]
    public void FieldMapping_Default_CoversTheSharedData()
    {
        var mapping = FieldMapping.Default;

        Assert.Equal(["id", "doc", "doc_index"], mapping.Id);
        Assert.Equal(["text", "body", "content"], mapping.Text);
        Assert.Equal(["outlet", "source", "publisher"], mapping.Outlet);
        Assert.Equal(["date", "published", "publish_date"], mapping.Date);
        Assert.Equal(["title", "headline"], mapping.Title);
        Assert.Equal(["url", "source_url"], mapping.Url);
        Assert.Equal(["language", "lang"], mapping.Language);
    }
}

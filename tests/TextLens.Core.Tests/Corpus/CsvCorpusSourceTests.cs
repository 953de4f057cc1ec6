using System.Text;

namespace TextLens.Tests.Corpus;

public sealed class CsvCorpusSourceTests : IDisposable
{
    private readonly TempCorpusDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadAsync_WellFormedFile_MapsColumnsAndKeepsStartLines()
    {
        var path = _dir.Write("news.csv",
            "id,Outlet,date,title,text,section,empty\n" +
            "a1,BBC,2023-09-19,Talks,\"Hello, world.\",politics,\n" +
            "a2,AP,9/6/17,\"Two\nlines\",\"First line\nsecond line\n\nfourth line\",world,\n" +
            "\n" +
            "a3,Reuters,N/A,Third,\"She said \"\"no\"\".\",business,\n");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Csv(path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["a1", "a2", "a3"], contents.Documents.Select(d => d.Id));
        Assert.Equal(["Hello, world.", "First line\nsecond line\n\nfourth line", "She said \"no\"."], contents.Documents.Select(d => d.Text));
        Assert.Equal([new DocumentOrigin(path, 2, 1), new DocumentOrigin(path, 3, 2), new DocumentOrigin(path, 9, 3)], contents.Documents.Select(d => d.Origin));
        var a = contents.Documents[0];
        Assert.Equal("BBC", a.Metadata.Outlet);
        Assert.Equal(new DateOnly(2023, 9, 19), a.Metadata.Date);
        Assert.Equal("Talks", a.Metadata.Title);
        Assert.Equal(new Dictionary<string, string> { ["section"] = "politics", ["empty"] = "" }, a.Metadata.Fields);
        Assert.Equal("Two\nlines", contents.Documents[1].Metadata.Title);
        Assert.Equal(new DateOnly(2017, 9, 6), contents.Documents[1].Metadata.Date);
        Assert.Equal(DocumentIssues.DateUnparsed, contents.Documents[2].Issues);
        Assert.Equal("N/A", contents.Documents[2].Metadata.RawDate);
    }

    [Fact]
    public async Task ReadAsync_BrokenQuotesAndFieldCounts_ReportsEachRowAndContinues()
    {
        var path = _dir.Write("broken.csv",
            "id,text\n" +                      // line 1
            "1,good one\n" +                  // line 2, record 1
            "2,\"closed\" then text\n" +      // line 3, record 2: text after the closing quote
            "3,good \"multi\n" +              // line 4, record 3: a stray quote in an unquoted field opens nothing (RFC 4180),
            "line\"\n" +                      // line 5, record 4: so this is a row of its own, with a stray quote too
            "4,\"fine\nacross lines\"\n" +    // line 6, record 5
            "5,too,many,fields\n" +           // line 8, record 6
            "6\n" +                           // line 9, record 7: too few fields
            "7,,\n" +                         // line 10, record 8: too many fields
            "8,\"\"\n" +                      // line 11, record 9: empty text
            "9,last good\n");                 // line 12, record 10

        var contents = await CorpusContents.ReadAsync(CorpusSources.Csv(path));

        Assert.Equal(["1", "4", "9"], contents.Documents.Select(d => d.Id));
        Assert.Equal([2L, 6L, 12L], contents.Documents.Select(d => d.Origin!.Line!.Value));
        Assert.Equal([1L, 5L, 10L], contents.Documents.Select(d => d.Origin!.Record!.Value));
        Assert.Equal(
            [
                new CorpusReadError(path, 3, 2, null, "broken quoting: text after the closing quote of a quoted field"),
                new CorpusReadError(path, 4, 3, null, "broken quoting: a quote inside an unquoted field"),
                new CorpusReadError(path, 5, 4, null, "broken quoting: a quote inside an unquoted field"),
                new CorpusReadError(path, 8, 6, null, "the row does not have the 2 fields of the header"),
                new CorpusReadError(path, 9, 7, null, "the row does not have the 2 fields of the header"),
                new CorpusReadError(path, 10, 8, null, "the row does not have the 2 fields of the header"),
                new CorpusReadError(path, 11, 9, "8", "empty text"),
            ],
            contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_UnclosedQuote_ReportsTheRestOfTheFileOnce()
    {
        var path = _dir.Write("unclosed.csv",
            "id,text\n" +
            "1,first\n" +
            "2,\"never closed\n" +
            "3,swallowed\n" +
            "4,swallowed too\n");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Csv(path));

        var document = Assert.Single(contents.Documents);
        Assert.Equal("1", document.Id);
        Assert.Equal(
            [new CorpusReadError(path, 3, 2, null, "unterminated quote: the quoted field opened in the row starting on line 3 never closes, so the rest of the file could not be read")],
            contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_NoTextColumn_ReportsOnceOnTheHeader()
    {
        var path = _dir.Write("notext.csv", "id,headline\n1,a\n2,b\n");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Csv(path));

        Assert.Empty(contents.Documents);
        Assert.Equal([new CorpusReadError(path, 1, null, null, "no text column: the header has none of 'text' (also tried 'body', 'content')")], contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_CustomMappingAndSeparator_ReadsTheNamedColumns()
    {
        var path = _dir.Write("custom.csv", "doc_key;article;media\nk1;Body one;Outlet A\n");
        var options = new CsvSourceOptions
        {
            Separator = ';',
            Fields = FieldMapping.Default with { Id = ["doc_key"], Text = ["article"], Outlet = ["media"] },
        };

        var document = Assert.Single((await CorpusContents.ReadAsync(CorpusSources.Csv(path, options))).Documents);

        Assert.Equal("k1", document.Id);
        Assert.Equal("Body one", document.Text);
        Assert.Equal("Outlet A", document.Metadata.Outlet);
        Assert.Empty(document.Metadata.Fields);
    }

    [Fact]
    public async Task ReadAsync_NoIdColumn_UsesFileNameAndRecord()
    {
        var path = _dir.Write("noid.csv", "text\nfirst\nsecond\n");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Csv(path));

        Assert.Equal(["noid.csv#1", "noid.csv#2"], contents.Documents.Select(d => d.Id));
    }

    [Fact]
    public async Task ReadAsync_GzipFile_IsDecompressed()
    {
        var path = _dir.WriteGzip("news.csv.gz", "id,text\nz1,\"zipped,\nmulti-line\"\nz2,plain\n");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Open(path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["zipped,\nmulti-line", "plain"], contents.Documents.Select(d => d.Text));
        Assert.Equal([2L, 4L], contents.Documents.Select(d => d.Origin!.Line!.Value));
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_ReplacesAndFlagsOnlyThatRow()
    {
        var bytes = Encoding.UTF8.GetBytes("id,text\n1,caf\u00e9 X\n2,fine\n");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3; // a lead byte with no continuation
        var path = _dir.Write("bad-utf8.csv", bytes);

        var contents = await CorpusContents.ReadAsync(CorpusSources.Csv(path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["caf\u00e9 \uFFFD", "fine"], contents.Documents.Select(d => d.Text));
        Assert.Equal([DocumentIssues.InvalidEncodingReplaced, DocumentIssues.None], contents.Documents.Select(d => d.Issues));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public async Task ReadAsync_ByteOrderMark_SelectsTheEncoding(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var path = _dir.Write("bom.csv", [.. encoding.GetPreamble(), .. encoding.GetBytes("id,text\r\nu,\"Şuşa, Füzuli\"\r\n")]);

        var document = Assert.Single((await CorpusContents.ReadAsync(CorpusSources.Csv(path))).Documents);

        Assert.Equal("u", document.Id);
        Assert.Equal("Şuşa, Füzuli", document.Text);
        Assert.Equal(DocumentIssues.None, document.Issues);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_ReportsEmptyFile()
    {
        var path = _dir.Write("empty.csv", "");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Csv(path));

        Assert.Empty(contents.Documents);
        Assert.Equal([new CorpusReadError(path, null, null, null, "empty file")], contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_TruncatedGzip_ReportsTheMissingRest()
    {
        var full = _dir.WriteGzip("full.csv.gz", "id,text\n" + string.Concat(Enumerable.Range(1, 3000).Select(i => $"{i},row {i} {Guid.NewGuid()}\n")));
        var bytes = File.ReadAllBytes(full);
        var path = _dir.Write("cut.csv.gz", bytes[..(bytes.Length / 2)]);

        var contents = await CorpusContents.ReadAsync(CorpusSources.Csv(path));

        Assert.InRange(contents.Documents.Count, 1, 2999);
        var last = contents.Records[^1].Error;
        Assert.NotNull(last);
        Assert.Null(last.Record);
        Assert.StartsWith("the gzip data ended after ", last.Reason);
    }
}

using System.Text;

namespace TextLens.Tests.Corpus;

public sealed class JsonLinesCorpusSourceTests : IDisposable
{
    private readonly TempCorpusDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadAsync_WellFormedLines_MapsIdTextMetadataAndOtherFields()
    {
        var path = _dir.Write("news.jsonl",
            """
            {"id": "a1", "outlet": "BBC", "date": "2023-09-19", "title": "Talks", "url": "https://example.org/a1", "language": "en", "category": "politics", "score": 3.5, "tags": ["x", "y"], "meta": {"k": 1}, "flag": true, "nothing": null, "text": "Hello world."}
            {"ID": "b2", "source": "AP", "published": "Sept. 19, 2023", "headline": "Second", "body": "Body text.", "lang": "fr", "source_url": "ap.org"}

            """);

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        Assert.Empty(contents.Errors);
        Assert.Equal(2, contents.Documents.Count);
        var a = contents.Documents[0];
        Assert.Equal("a1", a.Id);
        Assert.Equal("Hello world.", a.Text);
        Assert.Equal("BBC", a.Metadata.Outlet);
        Assert.Equal(new DateOnly(2023, 9, 19), a.Metadata.Date);
        Assert.Equal("2023-09-19", a.Metadata.RawDate);
        Assert.Equal("Talks", a.Metadata.Title);
        Assert.Equal("https://example.org/a1", a.Metadata.Url);
        Assert.Equal("en", a.Metadata.Language);
        Assert.Equal(DocumentIssues.None, a.Issues);
        Assert.Equal(new DocumentOrigin(path, 1, 1), a.Origin);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["category"] = "politics",
                ["score"] = "3.5",
                ["tags"] = """["x", "y"]""",
                ["meta"] = """{"k": 1}""",
                ["flag"] = "true",
            },
            a.Metadata.Fields);
        Assert.Equal("politics", a.Metadata.Get("CATEGORY"));

        var b = contents.Documents[1];
        Assert.Equal("b2", b.Id);
        Assert.Equal("Body text.", b.Text);
        Assert.Equal("AP", b.Metadata.Outlet);
        Assert.Equal(new DateOnly(2023, 9, 19), b.Metadata.Date);
        Assert.Equal("Second", b.Metadata.Title);
        Assert.Equal("ap.org", b.Metadata.Url);
        Assert.Equal("fr", b.Metadata.Language);
        Assert.Empty(b.Metadata.Fields);
        Assert.Equal(new DocumentOrigin(path, 2, 2), b.Origin);
    }

    [Fact]
    public async Task ReadAsync_EarlierCandidateWins_LaterCandidateKeptInFields()
    {
        var path = _dir.Write("c.jsonl", """{"source": "Wire", "outlet": "Paper", "url": "https://p/1", "source_url": "p", "text": "t"}""");

        var document = Assert.Single((await CorpusContents.ReadAsync(CorpusSources.JsonLines(path))).Documents);

        Assert.Equal("Paper", document.Metadata.Outlet);
        Assert.Equal("https://p/1", document.Metadata.Url);
        Assert.Equal(new Dictionary<string, string> { ["source"] = "Wire", ["source_url"] = "p" }, document.Metadata.Fields);
    }

    [Fact]
    public async Task ReadAsync_NumericId_IsTheIdAsWritten()
    {
        var path = _dir.Write("conll.jsonl", "{\"doc_index\": 17, \"text\": \"EU rejects German call.\"}\n");

        var document = Assert.Single((await CorpusContents.ReadAsync(CorpusSources.JsonLines(path))).Documents);

        Assert.Equal("17", document.Id);
    }

    [Fact]
    public async Task ReadAsync_BadLines_ReportsEachWithItsLineAndKeepsTheGoodOnes()
    {
        var path = _dir.Write("bad.jsonl", string.Join('\n',
            """{"id": "ok1", "text": "first"}""",
            "",
            """{"id": "t", "text": "cut off in the mid""",
            """[1, 2, 3]""",
            """{"id": "m", "summary": "no text"}""",
            """{"id": "n", "text": 42}""",
            """{"id": "e", "text": "   "}""",
            """{"id": "g", "text": "ok"} trailing""",
            "\"just a string\"",
            """{"text": "no id here"}""",
            "   ",
            """{"id": "ok2", "text": "last"}"""));

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        // The id is reported when it was read before the problem was found.
        Assert.Equal(["ok1", "bad.jsonl#10", "ok2"], contents.Documents.Select(d => d.Id));
        Assert.Equal([1L, 10L, 12L], contents.Documents.Select(d => d.Origin!.Line!.Value));
        Assert.Equal(
            [
                new CorpusReadError(path, 3, 2, "t", "truncated line: the JSON ends at byte 39 before the object is closed"),
                new CorpusReadError(path, 4, 3, null, "the line is an array, not a JSON object"),
                new CorpusReadError(path, 5, 4, "m", "missing text field 'text' (also tried 'body', 'content')"),
                new CorpusReadError(path, 6, 5, "n", "text field 'text' is a number, not a string"),
                new CorpusReadError(path, 7, 6, "e", "empty text"),
                new CorpusReadError(path, 8, 7, "g", "invalid JSON in the line at byte 27: 't' is invalid after a single JSON value. Expected end of data."),
                new CorpusReadError(path, 9, 8, null, "the line is a string, not a JSON object"),
            ],
            contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_MissingTextFieldWithOneCandidate_SaysWhichField()
    {
        var path = _dir.Write("one.jsonl", """{"id": "x", "body": "not the text"}""");
        var options = new JsonLinesSourceOptions { Fields = FieldMapping.Default with { Text = ["text"] } };

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path, options));

        Assert.Empty(contents.Documents);
        Assert.Equal([new CorpusReadError(path, 1, 1, "x", "missing text field 'text'")], contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_Dates_ParsedUnparsedAndEmptyAreTold()
    {
        var path = _dir.Write("dates.jsonl", string.Join('\n',
            """{"id": "1", "date": "9/6/17", "text": "a"}""",
            """{"id": "2", "date": "Updated 5 hours ago", "text": "b"}""",
            """{"id": "3", "date": "", "text": "c"}""",
            """{"id": "4", "date": null, "text": "d"}""",
            """{"id": "5", "text": "e"}""",
            """{"id": "6", "date": 20230919, "text": "f"}"""));

        var documents = (await CorpusContents.ReadAsync(CorpusSources.JsonLines(path))).Documents;

        Assert.Equal(6, documents.Count);
        Assert.Equal(new DateOnly(2017, 9, 6), documents[0].Metadata.Date);
        Assert.Equal(DocumentIssues.None, documents[0].Issues);
        Assert.Null(documents[1].Metadata.Date);
        Assert.Equal("Updated 5 hours ago", documents[1].Metadata.RawDate);
        Assert.Equal(DocumentIssues.DateUnparsed, documents[1].Issues);
        foreach (var document in documents.Skip(2).Take(3))
        {
            Assert.Null(document.Metadata.Date);
            Assert.Null(document.Metadata.RawDate);
            Assert.Equal(DocumentIssues.None, document.Issues);
            Assert.Empty(document.Metadata.Fields);
        }

        Assert.Equal(new DateOnly(2023, 9, 19), documents[5].Metadata.Date);
    }

    [Fact]
    public async Task ReadAsync_GzipFile_IsDecompressed()
    {
        var path = _dir.WriteGzip("news.jsonl.gz", "{\"id\": \"g1\", \"text\": \"zipped one\"}\n{\"id\": \"g2\", \"text\": \"zipped two\"}\n");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Open(path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["g1", "g2"], contents.Documents.Select(d => d.Id));
        Assert.Equal(["zipped one", "zipped two"], contents.Documents.Select(d => d.Text));
        Assert.Equal(new FileInfo(path).Length, contents.Records[^1].BytesRead);
    }

    [Fact]
    public async Task ReadAsync_GzipContentWithPlainName_IsDetectedByMagicBytes()
    {
        var path = _dir.WriteGzip("plain-name.jsonl", "{\"id\": \"g1\", \"text\": \"zipped\"}\n");

        var document = Assert.Single((await CorpusContents.ReadAsync(CorpusSources.JsonLines(path))).Documents);

        Assert.Equal("zipped", document.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_MultiMemberGzip_ReadsEveryMemberWithoutATruncationError(bool emptyLastMember)
    {
        // cat a.gz b.gz, and optionally the empty member bgzip ends a file with.
        var a = File.ReadAllBytes(_dir.WriteGzip("a.gz", "{\"id\": \"a1\", \"text\": \"first member\"}\n"));
        var b = File.ReadAllBytes(_dir.WriteGzip("b.gz", "{\"id\": \"b1\", \"text\": \"second member\"}\n{\"id\": \"b2\", \"text\": \"and more\"}\n"));
        var empty = File.ReadAllBytes(_dir.WriteGzip("empty.gz", ""));
        var path = _dir.Write("joined.jsonl.gz", emptyLastMember ? [.. a, .. b, .. empty] : [.. a, .. b]);

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["a1", "b1", "b2"], contents.Documents.Select(d => d.Id));
    }

    [Fact]
    public async Task ReadAsync_TruncatedGzip_ReportsTheRestAsUnreadable()
    {
        var full = _dir.WriteGzip("full.jsonl.gz", string.Concat(Enumerable.Range(1, 2000).Select(i => $"{{\"id\": \"{i}\", \"text\": \"document number {i} {Guid.NewGuid()}\"}}\n")));
        var bytes = File.ReadAllBytes(full);
        var path = _dir.Write("cut.jsonl.gz", bytes[..(bytes.Length / 2)]);

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        // .NET's GZipStream ends quietly on truncated data: the cut line is reported as truncated JSON (unless the cut
        // falls between lines), then the size check on the gzip trailer reports the missing rest.
        Assert.InRange(contents.Documents.Count, 1, 1999);
        Assert.Equal(Enumerable.Range(1, contents.Documents.Count).Select(i => i.ToString()), contents.Documents.Select(d => d.Id));
        Assert.InRange(contents.Errors.Count, 1, 2);
        var last = contents.Errors[^1];
        Assert.Equal(contents.Records[^1].Error, last);
        Assert.StartsWith("the gzip data ended after ", last.Reason);
        Assert.Contains("the file is probably truncated", last.Reason);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_ReplacesAndFlagsTheDocument()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"id\": \"bad\", \"text\": \"caf\u00e9 X\"}\n{\"id\": \"good\", \"text\": \"fine\"}\n");
        var x = Array.IndexOf(bytes, (byte)'X');
        bytes[x] = 0xFF;
        var path = _dir.Write("latin.jsonl", bytes);

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        Assert.Empty(contents.Errors);
        Assert.Equal("caf\u00e9 \uFFFD", contents.Documents[0].Text);
        Assert.Equal(DocumentIssues.InvalidEncodingReplaced, contents.Documents[0].Issues);
        Assert.Equal(DocumentIssues.None, contents.Documents[1].Issues);
    }

    [Fact]
    public async Task ReadAsync_EscapedUnpairedSurrogate_ReplacesAndFlags()
    {
        var path = _dir.Write("surrogate.jsonl", "{\"id\": \"s\", \"text\": \"a\\ud800b \\ud83d\\ude00 \\\"q\\\"\\n\"}\n");

        var document = Assert.Single((await CorpusContents.ReadAsync(CorpusSources.JsonLines(path))).Documents);

        Assert.Equal("a\uFFFDb \U0001F600 \"q\"\n", document.Text);
        Assert.Equal(DocumentIssues.InvalidEncodingReplaced, document.Issues);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("utf-8")]
    public async Task ReadAsync_ByteOrderMark_SelectsTheEncoding(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var text = "{\"id\": \"u\", \"text\": \"Şuşa – Füzuli\"}\r\n{\"id\": \"v\", \"text\": \"two\"}\r\n";
        var path = _dir.Write("bom.jsonl", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["Şuşa – Füzuli", "two"], contents.Documents.Select(d => d.Text));
        Assert.All(contents.Documents, d => Assert.Equal(DocumentIssues.None, d.Issues));
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf16_ReplacesAndFlagsOnlyTheAffectedLine()
    {
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        var first = encoding.GetBytes("{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"text\": \"x");
        var rest = encoding.GetBytes("y\"}\n");
        byte[] loneSurrogate = [0x00, 0xD8]; // U+D800 with no low surrogate after it
        var path = _dir.Write("u16.jsonl", [.. encoding.GetPreamble(), .. first, .. loneSurrogate, .. rest]);

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["fine", "x\uFFFDy"], contents.Documents.Select(d => d.Text));
        Assert.Equal([DocumentIssues.None, DocumentIssues.InvalidEncodingReplaced], contents.Documents.Select(d => d.Issues));
    }

    [Fact]
    public async Task ReadAsync_FiftyMegabyteSingleLine_IsReadWhole()
    {
        const int length = 50 * 1024 * 1024;
        var text = string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i % 7 == 6 ? ' ' : (char)('a' + i % 26);
            }
        });
        var path = _dir["big.jsonl"];
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await writer.WriteAsync("{\"id\": \"big\", \"outlet\": \"Huge\", \"text\": \"");
            await writer.WriteAsync(text);
            await writer.WriteAsync("\"}\n{\"id\": \"small\", \"text\": \"after\"}\n");
        }

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["big", "small"], contents.Documents.Select(d => d.Id));
        Assert.Equal(length, contents.Documents[0].Text.Length);
        Assert.Equal(text, contents.Documents[0].Text);
        Assert.Equal("Huge", contents.Documents[0].Metadata.Outlet);
        Assert.Equal(2L, contents.Documents[1].Origin!.Line);
    }

    [Fact]
    public async Task ReadAsync_LineOverTheLimit_IsReportedAndSkipped()
    {
        var path = _dir.Write("long.jsonl", string.Join('\n',
            """{"id": "a", "text": "short"}""",
            $$"""{"id": "b", "text": "{{new string('x', 5000)}}"}""",
            """{"id": "c", "text": "short again"}"""));

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path, new JsonLinesSourceOptions { MaxLineBytes = 1024 }));

        Assert.Equal(["a", "c"], contents.Documents.Select(d => d.Id));
        Assert.Equal([new CorpusReadError(path, 2, 2, null, "line longer than 1024 bytes; skipped")], contents.Errors);
        Assert.Equal(3L, contents.Documents[1].Origin!.Line);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_ReportsEmptyFile()
    {
        var path = _dir.Write("empty.jsonl", "");

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        Assert.Empty(contents.Documents);
        Assert.Equal([new CorpusReadError(path, null, null, null, "empty file")], contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_OnlyBlankLines_ReportsNoRecords()
    {
        var path = _dir.Write("blank.jsonl", "\n  \n\r\n");

        var contents = await CorpusContents.ReadAsync(CorpusSources.JsonLines(path));

        Assert.Equal([new CorpusReadError(path, null, null, null, "the file has no records")], contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_ControlCharacters_AreKeptAndFlagged()
    {
        var path = _dir.Write("ctl.jsonl", "{\"id\": \"c\", \"text\": \"a\\u0000b\\u0007c\\td\"}\n");

        var document = Assert.Single((await CorpusContents.ReadAsync(CorpusSources.JsonLines(path))).Documents);

        Assert.Equal("a\0b\u0007c\td", document.Text);
        Assert.Equal(DocumentIssues.ControlCharacters, document.Issues);
    }

    [Fact]
    public async Task ReadAsync_ProgressBytes_GrowToTheFileSize()
    {
        var path = _dir.Write("p.jsonl", string.Concat(Enumerable.Range(0, 100).Select(i => $"{{\"id\": \"{i}\", \"text\": \"t{i}\"}}\n")));
        var source = CorpusSources.JsonLines(path);

        var contents = await CorpusContents.ReadAsync(source);

        Assert.Equal(new FileInfo(path).Length, source.TotalBytes);
        Assert.Equal(source.TotalBytes, contents.Records[^1].BytesRead);
        Assert.True(contents.Records.Zip(contents.Records.Skip(1)).All(p => p.First.BytesRead <= p.Second.BytesRead));
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        var path = _dir.Write("c.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\n");
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in CorpusSources.JsonLines(path).ReadAsync(cancellation.Token))
            {
                read++;
                await cancellation.CancelAsync();
            }
        });
        Assert.Equal(1, read);
    }

    [Fact]
    public async Task ReadAsync_TwoReads_YieldTheSameDocuments()
    {
        var path = _dir.Write("twice.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n");
        var source = CorpusSources.JsonLines(path);

        var first = await CorpusContents.ReadAsync(source);
        var second = await CorpusContents.ReadAsync(source);

        Assert.Equal(first.Documents.Select(d => d.Id), second.Documents.Select(d => d.Id));
    }
}

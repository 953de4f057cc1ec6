using System.Text;

namespace TextLens.Tests.Corpus;

public sealed class DirectoryCorpusSourceTests : IDisposable
{
    private readonly TempCorpusDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadAsync_Files_AreReadInOrdinalPathOrderWithRelativePathIds()
    {
        _dir.Write("b.txt", "bee");
        _dir.Write("a.txt", "ay");
        _dir.Write("a/z.txt", "zed");
        _dir.Write("A.md", "# capital");
        _dir.Write("sub/deeper/c.MD", "see");
        _dir.Write("a-b.txt", "dash");
        _dir.Write("notes.pdf", "not a document");
        _dir.Write(".hidden.txt", "hidden");
        _dir.Write(".git/config.txt", "hidden folder");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["A.md", "a-b.txt", "a.txt", "a/z.txt", "b.txt", "sub/deeper/c.MD"], contents.Documents.Select(d => d.Id));
        Assert.Equal(["# capital", "dash", "ay", "zed", "bee", "see"], contents.Documents.Select(d => d.Text));
        Assert.Equal(new DocumentOrigin(Path.Join(_dir.Path, "a/z.txt")), contents.Documents[3].Origin);
        Assert.All(contents.Documents, d => Assert.Same(DocumentMetadata.Empty, d.Metadata));
    }

    [Fact]
    public async Task ReadAsync_FolderWithoutDocuments_ReportsOneClearError()
    {
        _dir.Write("notes.pdf", "not a document");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path));

        Assert.Empty(contents.Documents);
        var error = Assert.Single(contents.Errors);
        Assert.Equal(_dir.Path, error.Source);
        Assert.StartsWith("the folder holds no document: no file ending in .txt or .md", error.Reason);
    }

    [Fact]
    public async Task ReadAsync_ReadmeAndLicense_AreNotDocumentsUnlessAskedFor()
    {
        _dir.Write("README.md", "# About this corpus");
        _dir.Write("outlet/readme.txt", "notes");
        _dir.Write("LICENSE.txt", "license");
        _dir.Write("article.txt", "text");

        var byDefault = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path));
        var everything = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path, new DirectorySourceOptions { ExcludedFileNames = [] }));

        Assert.Equal(["article.txt"], byDefault.Documents.Select(d => d.Id));
        Assert.Equal(["LICENSE.txt", "README.md", "article.txt", "outlet/readme.txt"], everything.Documents.Select(d => d.Id));
    }

    [Fact]
    public async Task ReadAsync_ManifestAndSidecars_SidecarWinsFieldByField()
    {
        _dir.Write("metadata.csv",
            "file,outlet,date,title,url,language,section\n" +
            "one.txt,Manifest Outlet,2023-09-19,Manifest Title,https://m/1,en,politics\n" +
            "sub/two.txt,Second Outlet,not a date,,,,\n" +
            "three.txt,Name Only,1/2/23,,,,\n");
        _dir.Write("one.txt", "first");
        _dir.Write("one.txt.json", """{"source": "Sidecar Outlet", "title": "Sidecar Title", "tags": ["a"], "section": "world"}""");
        _dir.Write("sub/two.txt", "second");
        _dir.Write("sub/two.json", """{"id": "custom-2", "published": "23 Sep 2023"}""");
        _dir.Write("sub/three.txt", "third");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path));

        Assert.Empty(contents.Errors);
        Assert.Equal(["one.txt", "sub/three.txt", "custom-2"], contents.Documents.Select(d => d.Id));

        var one = contents.Documents[0].Metadata;
        Assert.Equal("Sidecar Outlet", one.Outlet);
        Assert.Equal("Sidecar Title", one.Title);
        Assert.Equal(new DateOnly(2023, 9, 19), one.Date);
        Assert.Equal("https://m/1", one.Url);
        Assert.Equal("en", one.Language);
        Assert.Equal(new Dictionary<string, string> { ["section"] = "world", ["tags"] = """["a"]""" }, one.Fields);

        var three = contents.Documents[1];
        Assert.Equal("Name Only", three.Metadata.Outlet);
        Assert.Equal(new DateOnly(2023, 1, 2), three.Metadata.Date);

        var two = contents.Documents[2];
        Assert.Equal("Second Outlet", two.Metadata.Outlet);
        Assert.Equal(new DateOnly(2023, 9, 23), two.Metadata.Date);
        Assert.Equal(DocumentIssues.None, two.Issues);
    }

    [Fact]
    public async Task ReadAsync_ManifestRowsForMissingFiles_AreReportedWithTheirLines()
    {
        var manifest = _dir.Write("metadata.csv",
            "file,outlet\n" +
            "present.txt,A\n" +
            "missing.txt,B\n" +
            "report.pdf,C\n" +
            "present.txt,D\n" +
            ",E\n" +
            "\"broken\"quote,F\n" +
            "sub\\gone.txt,G\n");
        _dir.Write("present.txt", "here");
        _dir.Write("report.pdf", "not a document");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path));
        var manifestPath = Path.Join(_dir.Path, "metadata.csv");

        var document = Assert.Single(contents.Documents);
        Assert.Equal("A", document.Metadata.Outlet);
        Assert.Equal(manifest, Path.GetFullPath(manifestPath));
        Assert.Equal(
            [
                new CorpusReadError(manifestPath, 5, 4, null, "a second manifest row for 'present.txt' (the first is on line 2); ignored"),
                new CorpusReadError(manifestPath, 6, 5, null, "the manifest row has no 'file'"),
                new CorpusReadError(manifestPath, 7, 6, null, "broken quoting: text after the closing quote of a quoted field"),
                new CorpusReadError(manifestPath, 3, 2, null, "the manifest row names a missing file 'missing.txt'"),
                new CorpusReadError(manifestPath, 4, 3, null, "the manifest row names 'report.pdf', which is not a document of the corpus (only .txt, .md files are read; hidden files and README.md, README.txt, LICENSE.md, LICENSE.txt, CHANGELOG.md are skipped)"),
                new CorpusReadError(manifestPath, 8, 7, null, "the manifest row names a missing file 'sub/gone.txt'"),
            ],
            contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_ManifestWithoutFileColumn_IsReportedOnce()
    {
        _dir.Write("metadata.csv", "name,outlet\nx.txt,A\n");
        _dir.Write("x.txt", "text");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path));

        Assert.Single(contents.Documents);
        Assert.Equal([new CorpusReadError(Path.Join(_dir.Path, "metadata.csv"), 1, null, null, "the manifest has no 'file' column; it was not applied")], contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_BadFiles_AreReportedAndTheRunCompletes()
    {
        _dir.Write("01-good.txt", "good text");
        _dir.Write("02-empty.txt", "");
        _dir.Write("03-binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41]);
        _dir.Write("04-latin1.txt", [(byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)'!']);
        _dir.Write("05-utf16le.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Füzuli, Şuşa")]);
        _dir.Write("06-utf16be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("Kəlbəcər")]);
        _dir.Write("07-utf8bom.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("with mark")]);
        _dir.Write("08-blank.txt", " \n\t\r\n");
        _dir.Write("09-control.txt", "bell\u0007 inside");
        _dir.Write("10-utf32.txt", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes("thirty-two")]);
        _dir.Write("11-odd-utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("odd"), 0x41]);

        var contents = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path));

        Assert.Equal(
            ["01-good.txt", "04-latin1.txt", "05-utf16le.txt", "06-utf16be.txt", "07-utf8bom.md", "09-control.txt", "10-utf32.txt", "11-odd-utf16.txt"],
            contents.Documents.Select(d => d.Id));
        Assert.Equal(
            ["good text", "caf\uFFFD!", "Füzuli, Şuşa", "Kəlbəcər", "with mark", "bell\u0007 inside", "thirty-two", "odd\uFFFD"],
            contents.Documents.Select(d => d.Text));
        Assert.Equal(
            [
                DocumentIssues.None, DocumentIssues.InvalidEncodingReplaced, DocumentIssues.None, DocumentIssues.None,
                DocumentIssues.None, DocumentIssues.ControlCharacters, DocumentIssues.None, DocumentIssues.InvalidEncodingReplaced,
            ],
            contents.Documents.Select(d => d.Issues));
        Assert.Equal(
            [
                new CorpusReadError(Path.Join(_dir.Path, "02-empty.txt"), null, null, "02-empty.txt", "empty file"),
                new CorpusReadError(Path.Join(_dir.Path, "03-binary.txt"), null, null, "03-binary.txt", "binary file (NUL bytes in the first 8 KB)"),
                new CorpusReadError(Path.Join(_dir.Path, "08-blank.txt"), null, null, "08-blank.txt", "empty text"),
            ],
            contents.Errors);
    }

    [Fact]
    public async Task ReadAsync_UnreadableFiles_AreReportedWithTheirPathAndTheRunContinues()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes and symbolic links as set up here are Unix-only.
        }

        _dir.Write("a.txt", "readable");
        var locked = _dir.Write("b-locked.txt", "no permission");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        File.CreateSymbolicLink(_dir["c-dangling.txt"], _dir["does-not-exist.txt"]);
        _dir.Write("target/inner.txt", "behind a folder link");
        Directory.CreateSymbolicLink(_dir["d-folder-link"], _dir["target"]);
        _dir.Write("e.txt", "also readable");

        // Root reads files whatever their mode: then the locked file is a document, and only the dangling link fails.
        var permissionsEnforced = !CanRead(locked);

        var contents = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path));

        Assert.Equal(
            permissionsEnforced ? ["a.txt", "e.txt", "target/inner.txt"] : ["a.txt", "b-locked.txt", "e.txt", "target/inner.txt"],
            contents.Documents.Select(d => d.Id));
        var expectedErrors = new List<(string Source, string ReasonStart)>();
        if (permissionsEnforced)
        {
            expectedErrors.Add((locked, "could not read the file: "));
        }

        expectedErrors.Add((Path.Join(_dir.Path, "c-dangling.txt"), "could not read the file: "));
        expectedErrors.Add((Path.Join(_dir.Path, "d-folder-link"), "symbolic link to a folder; not followed"));
        Assert.Equal(expectedErrors.Count, contents.Errors.Count);
        foreach (var (expected, actual) in expectedErrors.Zip(contents.Errors))
        {
            Assert.Equal(expected.Source, actual.Source);
            Assert.StartsWith(expected.ReasonStart, actual.Reason);
        }
    }

    [Fact]
    public async Task ReadAsync_FileDeletedAfterListing_IsReportedNotThrown()
    {
        _dir.Write("a.txt", "first");
        var doomed = _dir.Write("b.txt", "deleted between the listing and the read");
        _dir.Write("c.txt", "third");

        var records = new List<CorpusRecord>();
        await foreach (var record in CorpusSources.Directory(_dir.Path).ReadAsync())
        {
            records.Add(record);
            if (record.Document?.Id == "a.txt")
            {
                File.Delete(doomed); // the folder was listed already
            }
        }

        Assert.Equal(["a.txt", null, "c.txt"], records.Select(r => r.Document?.Id));
        Assert.Equal(doomed, records[1].Error!.Source);
        Assert.Equal("b.txt", records[1].Error!.DocumentId);
        Assert.StartsWith("could not read the file: ", records[1].Error!.Reason);
    }

    [Fact]
    public async Task ReadAsync_InvalidSidecar_ReportsItAndSkipsTheDocument()
    {
        _dir.Write("a.txt", "kept");
        _dir.Write("b.txt", "skipped: its metadata cannot be read");
        var sidecar = _dir.Write("b.txt.json", """{"outlet": "X", """);
        _dir.Write("c.txt", "kept too");
        _dir.Write("c.json", "[1, 2]");

        var contents = await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path));

        Assert.Equal(["a.txt"], contents.Documents.Select(d => d.Id));
        Assert.Equal(
            [
                new CorpusReadError(sidecar, null, null, "b.txt", "invalid metadata sidecar: truncated sidecar: the JSON ends at byte 15 before the object is closed; the document was skipped"),
                new CorpusReadError(_dir["c.json"], null, null, "c.txt", "invalid metadata sidecar: the sidecar is an array, not a JSON object; the document was skipped"),
            ],
            contents.Errors);
    }

    [Fact]
    public async Task TotalBytes_IsTheSizeOfTheDocumentFiles_AndBytesReadEndsThere()
    {
        _dir.Write("a.txt", "12345");
        _dir.Write("sub/b.md", "1234567890");
        _dir.Write("ignored.csv", "not counted");
        var source = CorpusSources.Directory(_dir.Path);

        var contents = await CorpusContents.ReadAsync(source);

        Assert.Equal(15, source.TotalBytes);
        Assert.Equal([5L, 15L], contents.Records.Select(r => r.BytesRead));
    }

    [Fact]
    public async Task ReadAsync_CustomExtensionsAndNoManifest_AreHonoured()
    {
        _dir.Write("a.text", "custom");
        _dir.Write("b.txt", "not listed");
        _dir.Write("metadata.csv", "file,outlet\na.text,A\n");

        var options = new DirectorySourceOptions { Extensions = [".text"], ManifestFileName = null, ReadSidecars = false };
        var document = Assert.Single((await CorpusContents.ReadAsync(CorpusSources.Directory(_dir.Path, options))).Documents);

        Assert.Equal("a.text", document.Id);
        Assert.Null(document.Metadata.Outlet);
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}

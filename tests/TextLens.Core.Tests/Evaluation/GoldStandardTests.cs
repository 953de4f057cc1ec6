using TextLens.Evaluation;

namespace TextLens.Tests.Evaluation;

public sealed class GoldStandardTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("textlens-gold-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ReadAsync_CsvSpanCodes_ReadsEveryColumnAndOrigin()
    {
        var path = Write("gold.csv", "document_id,start,end,layer,label,coder\nd1,0,11,framing,separatists,ana\nd1,20,31,framing,separatists,\n");

        var gold = await GoldStandard.ReadAsync(path);

        Assert.Equal([new CodedSpan("d1", 0, 11, "framing", "separatists", "ana"), new CodedSpan("d1", 20, 31, "framing", "separatists")], gold.Spans);
        Assert.Equal(["gold.csv:2", "gold.csv:3"], gold.Spans.Select(s => s.Origin));
        Assert.Equal(["ana", ReliabilityData.DefaultCoder], gold.Coders);
        Assert.Empty(gold.DocumentCodes);
    }

    [Fact]
    public async Task ReadAsync_JsonLinesMixedCodes_ReadsBothKinds()
    {
        var path = Write("gold.jsonl",
            "{\"document_id\":\"d1\",\"start\":0,\"end\":11,\"layer\":\"framing\",\"label\":\"separatists\"}\n\n" +
            "{\"documentId\":7,\"label\":\"separatists\",\"value\":2,\"coder\":\"ben\"}\n");

        var gold = await GoldStandard.ReadAsync(path);

        Assert.Equal(new CodedSpan("d1", 0, 11, "framing", "separatists"), gold.Spans.Single());
        Assert.Equal(new DocumentCode("7", "separatists", 2, "ben"), gold.DocumentCodes.Single());
        Assert.Equal("gold.jsonl:3", gold.DocumentCodes.Single().Origin);
    }

    [Fact]
    public async Task ReadAsync_BadRows_ListsEveryFaultWithFileAndLine()
    {
        var path = Write("gold.csv",
            "document_id,start,end,layer,label\n" +
            "d1,0,11,framing,separatists\n" +
            ",5,x,framing,separatists\n" +
            "d2,9,4,,terrorists\n" +
            "d3,1,2,framing\n");

        var e = await Assert.ThrowsAsync<TextLensConfigurationException>(() => GoldStandard.ReadAsync(path));

        Assert.Equal(
        [
            "gold.csv:3: document_id is empty",
            "gold.csv:3: end 'x' is not a character offset (a whole number, 0 or more)",
            "gold.csv:4: end (4) must be greater than start (9)",
            "gold.csv:4: layer is empty",
            "gold.csv:5: the row does not have the 5 fields of the header",
        ], e.Faults);
    }

    [Fact]
    public async Task ReadAsync_DocumentCodeValueNotANumber_IsLocated()
    {
        var path = Write("codes.csv", "document_id,label,value\nd1,separatists,yes\nd2,separatists,1\n");

        var e = await Assert.ThrowsAsync<TextLensConfigurationException>(() => GoldStandard.ReadAsync(path));

        Assert.Equal(["codes.csv:2: value 'yes' is not a number (a count, or 1/0 for present/absent)"], e.Faults);
    }

    [Fact]
    public async Task ReadAsync_HeaderOfNeitherKind_SaysWhichColumnsItNeeds()
    {
        var path = Write("gold.csv", "doc,label\nd1,x\n");

        var e = await Assert.ThrowsAsync<TextLensConfigurationException>(() => GoldStandard.ReadAsync(path));

        Assert.StartsWith("gold.csv:1: the header must have the columns of span codes (document_id, start, end, layer, label [, coder])", e.Faults.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_JsonLineNotAnObject_IsLocated()
    {
        var path = Write("gold.jsonl", "{\"document_id\":\"d1\",\"label\":\"x\",\"value\":1}\n[1,2]\n{\"document_id\":\"d1\",\"label\":\"x\"}\n");

        var e = await Assert.ThrowsAsync<TextLensConfigurationException>(() => GoldStandard.ReadAsync(path));

        Assert.Equal(["gold.jsonl:2: not a JSON object", "gold.jsonl:3: a code has either start and end (a span code) or value (a document code), not neither"], e.Faults);
    }

    [Fact]
    public async Task ReadAsync_OnlyAHeader_SaysThereAreNoCodes()
    {
        var path = Write("gold.csv", "document_id,label,value\n");

        var e = await Assert.ThrowsAsync<TextLensConfigurationException>(() => GoldStandard.ReadAsync(path));

        Assert.Equal(["gold.csv: no codes (an empty file or only a header)"], e.Faults);
    }

    [Fact]
    public async Task ReadAsync_WrongExtension_Refuses()
    {
        var e = await Assert.ThrowsAsync<TextLensConfigurationException>(() => GoldStandard.ReadAsync(Write("gold.txt", "x")));
        Assert.EndsWith("gold.txt: a gold file must be .csv or .jsonl (optionally .gz).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteJsonLinesAsync_ThenReadAsync_RoundTrips()
    {
        var gold = new GoldStandard([new CodedSpan("d1", 3, 9, "entity", "PER", "conll")], [new DocumentCode("d1", "PER", 1.5)]);
        var path = Path.Combine(_dir, "out.jsonl");

        await gold.WriteJsonLinesAsync(path);
        var back = await GoldStandard.ReadAsync(path);

        Assert.Equal(gold.Spans, back.Spans);
        Assert.Equal(gold.DocumentCodes, back.DocumentCodes);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}

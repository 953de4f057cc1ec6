using System.Globalization;
using TextLens.Entities;
using TextLens.Entities.Recognition;
using TextLens.Text;

namespace TextLens.Evaluation.Ner;

/// <summary><c>ner-tag</c>: prints the BIO tag of every token of a text and the names found, to check the model by eye.</summary>
internal sealed class NerTagCommand : IEvaluationCommand
{
    public string Name => "ner-tag";

    public string Description => "Print the BIO tags and names the statistical NER model gives a text (--text \"...\", --model file)";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var cl = NerCommandLine.Parse(args, "model", "text");
        var recognizer = cl["model"] is { } m ? StatisticalEntityRecognizer.Load(m) : StatisticalEntityRecognizer.LoadDefault();
        var text = cl["text"] ?? throw new ArgumentException("--text is required.");
        var doc = DocumentParser.Default.Parse(new TextDocument("text", text));
        var tags = recognizer.Tag(doc);
        Console.WriteLine(string.Join(' ', doc.Tokens.ToArray().Select((t, i) => $"{doc.Text.Substring(t.Start, t.Length)}/{NerTagSet.Names[tags[i]]}")));
        foreach (var e in recognizer.Recognize(doc))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.Type,-6} {e.Confidence:F3} [{e.Start}, {e.End}) {text.AsSpan(e.Start, e.Length)}"));
        }

        return Task.FromResult(0);
    }
}

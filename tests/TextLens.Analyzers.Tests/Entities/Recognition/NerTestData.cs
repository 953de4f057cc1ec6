using TextLens.Entities.Recognition;
using TextLens.Text;

namespace TextLens.Tests.Entities.Recognition;

/// <summary>Parsing and a tiny synthetic training set for the recognizer tests (no CoNLL data, trains in milliseconds).</summary>
internal static class NerTestData
{
    public static ParsedDocument Parse(string text) => DocumentParser.Default.Parse(new TextDocument("test", text));

    public static string[] Tags(StatisticalEntityRecognizer recognizer, string text) =>
        recognizer.Tag(Parse(text)).Select(t => NerTagSet.Names[t]).ToArray();

    /// <summary>
    /// Sentences such as <c>Mr Karimli visited Qubadli .</c> with gold tags: a capitalised word after <c>Mr</c> is a
    /// person, after <c>visited</c> a place, after <c>joined</c> an organisation.
    /// </summary>
    public static PerceptronTrainer Train(int bits = 12, ulong seed = 7, int epochs = 5, double dropout = 0)
    {
        var lexicon = NerLexicon.Build([("Qubadli", "GPE"), ("Lachin", "GPE")]);
        var trainer = new PerceptronTrainer(bits, lexicon) { WordDropout = dropout };
        string[] people = ["Karimli", "Aliyev", "Smith", "Petrosyan", "Novak", "Okafor"];
        string[] places = ["Qubadli", "Lachin", "Paris", "Vienna", "Tbilisi", "Ganja"];
        string[] orgs = ["Acme", "Interpol", "Gazprom", "Reuters", "Unicef", "Boeing"];
        for (var i = 0; i < 36; i++)
        {
            var text = $"Mr {people[i % 6]} visited {places[(i / 6) % 6]} and joined {orgs[(i + 3) % 6]} .";
            var doc = Parse(text);
            byte[] gold = [0, NerTagSet.Begin(0), 0, NerTagSet.Begin(1), 0, 0, NerTagSet.Begin(2), 0];
            Assert.Equal(gold.Length, doc.Tokens.Length);
            trainer.Add(doc.Text, doc.Tokens, gold);
        }

        for (var e = 1; e <= epochs; e++)
        {
            trainer.Epoch(seed + (ulong)e);
        }

        return trainer;
    }

    public static NerModel TrainModel(int bits = 12, ulong seed = 7) =>
        Train(bits, seed).ToModel(new Dictionary<string, string> { ["name"] = "tiny", ["version"] = "3", ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}

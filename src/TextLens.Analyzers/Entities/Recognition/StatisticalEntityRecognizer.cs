using System.Security.Cryptography;
using TextLens.Text;

namespace TextLens.Entities.Recognition;

/// <summary>
/// A statistical named-entity recognizer: an averaged-perceptron BIO tagger over TextLens tokens with hashed
/// features, trained on CoNLL-2003 English. It finds people, organisations, places and other names that no
/// gazetteer lists. Pure managed code; the shared instance is immutable and thread-safe.
/// </summary>
/// <remarks>
/// The default model is embedded in the package (<see cref="LoadDefault"/>); its provenance and accuracy are in
/// <see cref="Provenance"/> and in the README next to the source. CoNLL types map to TextLens types as
/// PER → <c>PERSON</c>, ORG → <c>ORG</c>, LOC → <c>LOC</c> (<c>GPE</c> when a gazetteer lists it so),
/// MISC → <c>NORP</c> for nationalities, otherwise <c>MISC</c> (see <c>Entities/Recognition/README.md</c>).
/// </remarks>
public sealed class StatisticalEntityRecognizer : IEntityRecognizer
{
    /// <summary>Name of the embedded default model.</summary>
    public const string DefaultModelName = "conll2003-perceptron";

    private const string ResourceName = "TextLens.Analyzers.Entities.Recognition.Models." + DefaultModelName + ".bin";

    /// <summary>The type of a CoNLL MISC name that is not a nationality (the model's own type).</summary>
    public const string Misc = "MISC";

    private static readonly Lazy<StatisticalEntityRecognizer> Default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerTagger _tagger;

    /// <summary>Whether tokens far from any capitalised token are left outside names without being scored (see <see cref="NerTagger.Tag"/>).</summary>
    private readonly bool _onlyNearCapitals;

    private StatisticalEntityRecognizer(NerModel model, string sha256, string origin, bool onlyNearCapitals = true)
    {
        _tagger = new NerTagger(model);
        _onlyNearCapitals = onlyNearCapitals;
        Info = new LexiconInfo("model", model.Meta("name", DefaultModelName), model.Meta("version", "0"), sha256, origin);
    }

    /// <inheritdoc />
    public string Name => $"{Info.Name}/{Info.Version}";

    /// <summary>The model's identity for report manifests: kind <c>model</c>, name, version, SHA-256 of the file, origin.</summary>
    public LexiconInfo Info { get; }

    /// <inheritdoc />
    public IReadOnlyList<LexiconInfo> Lexicons => [Info];

    /// <summary>Provenance of the model: training data, date, epochs, seed, accuracy figures.</summary>
    public IReadOnlyDictionary<string, string> Provenance => _tagger.Model.Metadata;

    internal NerModel Model => _tagger.Model;

    /// <summary>The model embedded in the package (loaded once, then shared).</summary>
    /// <exception cref="InvalidDataException">The embedded model is missing or invalid (a packaging fault).</exception>
    public static StatisticalEntityRecognizer LoadDefault() => Default.Value;

    /// <summary>Loads a model file written by the <c>ner-train</c> command.</summary>
    /// <param name="path">The model file.</param>
    /// <exception cref="InvalidDataException">The file is not a valid model: wrong magic number, version, length or checksum.</exception>
    public static StatisticalEntityRecognizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromBytes(File.ReadAllBytes(path), Path.GetFullPath(path));
    }

    /// <summary>Loads a model from a stream (read to its end).</summary>
    /// <param name="stream">The model bytes.</param>
    /// <param name="origin">Where the bytes come from, for errors and the manifest.</param>
    /// <exception cref="InvalidDataException">The bytes are not a valid model.</exception>
    public static StatisticalEntityRecognizer Load(Stream stream, string origin)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return FromBytes(ms.ToArray(), origin);
    }

    /// <summary>
    /// Finds the names in a parsed document, sentence by sentence, and adds them to <paramref name="found"/> in text
    /// order, including names the gazetteers already matched (the entity analyzer uses those as confirmation).
    /// </summary>
    /// <param name="document">The parsed document.</param>
    /// <param name="known">Gazetteer matches, in text order: a name whose span equals one of them takes its type when the
    /// coarse classes agree (a CoNLL LOC listed as <c>GPE</c> becomes <c>GPE</c>, a MISC listed as <c>NORP</c> becomes <c>NORP</c>).</param>
    /// <param name="found">Receives the names.</param>
    public void Recognize(ParsedDocument document, IReadOnlyList<RecognizedEntity> known, ICollection<RecognizedEntity> found)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(found);
        var scratch = NerScratch.Rent();
        try
        {
            var text = document.Text.AsSpan();
            var tokens = document.Tokens;
            var cursor = 0;
            scratch.Memory.Clear();
            foreach (ref readonly var sentence in document.Sentences)
            {
                if (sentence.TokenCount == 0)
                {
                    continue;
                }

                var seq = tokens.Slice(sentence.FirstToken, sentence.TokenCount);
                scratch.Ensure(seq.Length);
                var tags = scratch.Tags.AsSpan(0, seq.Length);
                var confidence = scratch.Confidence.AsSpan(0, seq.Length);
                _tagger.Tag(text, seq, tags, confidence, scratch, _onlyNearCapitals);
                Collect(text, seq, tags, confidence, known, ref cursor, found);
            }
        }
        finally
        {
            NerScratch.Return(scratch);
        }
    }

    /// <summary>Finds the names in a parsed document (no gazetteer matches to align types with).</summary>
    /// <param name="document">The parsed document.</param>
    /// <returns>The names, in text order.</returns>
    public IReadOnlyList<RecognizedEntity> Recognize(ParsedDocument document)
    {
        var list = new List<RecognizedEntity>();
        Recognize(document, [], list);
        return list;
    }

    /// <summary>The BIO tag of every token of the document (for tests and evaluation).</summary>
    internal byte[] Tag(ParsedDocument document)
    {
        var all = new byte[document.Tokens.Length];
        var scratch = NerScratch.Rent();
        try
        {
            scratch.Memory.Clear();
            foreach (ref readonly var sentence in document.Sentences)
            {
                var seq = document.Tokens.Slice(sentence.FirstToken, sentence.TokenCount);
                _tagger.Tag(document.Text, seq, all.AsSpan(sentence.FirstToken, sentence.TokenCount), default, scratch, _onlyNearCapitals);
            }
        }
        finally
        {
            NerScratch.Return(scratch);
        }

        return all;
    }

    internal static StatisticalEntityRecognizer FromBytes(byte[] bytes, string origin)
    {
        var model = NerModel.Read(bytes, origin);
        return new StatisticalEntityRecognizer(model, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), origin);
    }

    /// <summary>A recognizer over an in-memory model (training probes, tests); its hash is not that of a file.</summary>
    internal static StatisticalEntityRecognizer FromModel(NerModel model, string origin) =>
        new(model, new string('0', 64), origin);

    /// <summary>The same model scoring every token, also those far from capitalised words (to measure what the shortcut changes).</summary>
    internal StatisticalEntityRecognizer ScoringEveryToken() => new(_tagger.Model, Info.Sha256, Info.Origin, onlyNearCapitals: false);

    private static void Collect(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> tags, ReadOnlySpan<float> confidence,
        IReadOnlyList<RecognizedEntity> known, ref int cursor, ICollection<RecognizedEntity> found)
    {
        var i = 0;
        byte previous = NerTagSet.Outside;
        while (i < tokens.Length)
        {
            var tag = tags[i];
            if (!NerTagSet.StartsEntity(previous, tag))
            {
                previous = tag;
                i++;
                continue;
            }

            var type = NerTagSet.TypeOf(tag);
            var j = i + 1;
            var sum = confidence[i];
            while (j < tokens.Length && tags[j] == NerTagSet.Inside(type))
            {
                sum += confidence[j];
                j++;
            }

            var start = tokens[i].Start;
            var length = tokens[j - 1].End - start;
            while (cursor < known.Count && known[cursor].Start < start)
            {
                cursor++;
            }

            string? listed = null;
            for (var k = cursor; k < known.Count && known[k].Start == start; k++)
            {
                if (known[k].Length == length)
                {
                    listed = known[k].Type;
                    break;
                }
            }

            found.Add(new RecognizedEntity(start, length, TypeOf(type, listed, text.Slice(start, length), j - i), Math.Round(sum / (j - i), 4)));
            previous = tags[j - 1];
            i = j;
        }
    }

    /// <summary>
    /// The TextLens type of a CoNLL type: PER → PERSON, ORG → ORG, LOC → LOC (or the gazetteer's GPE, LOC or FAC),
    /// MISC → NORP for a gazetteer's NORP or a one-word demonym (capitalised, ending in -an, -ese, -ish, -i, -ch), else
    /// the gazetteer's EVENT, else MISC.
    /// </summary>
    internal static string TypeOf(int conllType, string? listed, ReadOnlySpan<char> text, int tokenCount) => conllType switch
    {
        0 => EntityTypes.Person,
        1 => listed is EntityTypes.GeopoliticalEntity or EntityTypes.Location or EntityTypes.Facility ? listed : EntityTypes.Location,
        2 => EntityTypes.Organization,
        _ => listed is EntityTypes.Nationality or EntityTypes.Event ? listed
            : tokenCount == 1 && IsDemonym(text) ? EntityTypes.Nationality
            : Misc,
    };

    private static bool IsDemonym(ReadOnlySpan<char> word) =>
        word.Length > 3 && char.IsUpper(word[0]) && !char.IsUpper(word[1])
        && (word.EndsWith("an", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal)
            || word.EndsWith("ish", StringComparison.Ordinal) || word.EndsWith("i", StringComparison.Ordinal)
            || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("ans", StringComparison.Ordinal));

    private static StatisticalEntityRecognizer LoadEmbedded()
    {
        using var stream = typeof(StatisticalEntityRecognizer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded NER model '{ResourceName}' is missing from {typeof(StatisticalEntityRecognizer).Assembly.GetName().Name}.");
        return Load(stream, "embedded:" + DefaultModelName);
    }
}

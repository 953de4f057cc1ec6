using System.Security.Cryptography;
using System.Text.Json;

namespace TextLens.Samples.CustomAnalyzer;

/// <summary>The embedded lexicon of hedges and boosters, read once, with the SHA-256 of its bytes for the manifest.</summary>
internal sealed class HedgingLexicon
{
    private const string ResourceName = "TextLens.Samples.CustomAnalyzer.hedging-en.json";

    private HedgingLexicon(LexiconInfo info, IReadOnlyList<HedgingTerm> terms)
    {
        Info = info;
        Terms = terms;
    }

    /// <summary>The embedded lexicon.</summary>
    public static HedgingLexicon Default { get; } = LoadEmbedded();

    /// <summary>Name, version and hash, as the manifest records them.</summary>
    public LexiconInfo Info { get; }

    /// <summary>Every term of every category.</summary>
    public IReadOnlyList<HedgingTerm> Terms { get; }

    private static HedgingLexicon LoadEmbedded()
    {
        using var stream = typeof(HedgingLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray(), $"embedded:hedging-en");
    }

    /// <summary>Parses a lexicon. Hand-written over <see cref="JsonDocument"/> so the plugin caches no serializer metadata and unloads cleanly.</summary>
    internal static HedgingLexicon Parse(byte[] json, string origin)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var terms = new List<HedgingTerm>();
        foreach (var category in root.GetProperty("categories").EnumerateArray())
        {
            var id = category.GetProperty("id").GetString() ?? "";
            var kind = id switch
            {
                "hedge" => HedgingCategory.Hedge,
                "booster" => HedgingCategory.Booster,
                _ => throw new InvalidDataException($"{origin}: category '{id}' is not hedge or booster."),
            };
            foreach (var term in category.GetProperty("terms").EnumerateArray())
            {
                terms.Add(new HedgingTerm(term.GetString()!, kind, Modal: false));
            }

            foreach (var term in category.GetProperty("modalTerms").EnumerateArray())
            {
                terms.Add(new HedgingTerm(term.GetString()!, kind, Modal: true));
            }
        }

        var sha = Convert.ToHexString(SHA256.HashData(json)).ToLowerInvariant();
        var info = new LexiconInfo("hedging-lexicon", root.GetProperty("name").GetString()!, root.GetProperty("version").GetString()!, sha, origin);
        return new HedgingLexicon(info, terms);
    }
}

/// <summary>A hedge or booster: one or more words.</summary>
/// <param name="Text">The term as written in the lexicon or the options.</param>
/// <param name="Category">Hedge or booster.</param>
/// <param name="Modal">Whether it is a modal verb (<c>might</c>), counted only with <see cref="HedgingOptions.CountModalVerbs"/>.</param>
internal sealed record HedgingTerm(string Text, HedgingCategory Category, bool Modal);

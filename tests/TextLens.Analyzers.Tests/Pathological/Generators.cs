using System.Text;
using TextLens.Framing;

namespace TextLens.Tests.Pathological;

/// <summary>
/// The pathological generators of issue 19, shared by <c>PathologicalInputTests</c> and the benchmarks' <c>Pathological</c>
/// class (which compiles this file too).
/// </summary>
internal static class Generators
{
    private static readonly string[] Words = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu"];

    /// <summary><c>Alpha Beta Gamma ...</c>: one title-case line of <paramref name="words"/> words, no final period.</summary>
    public static string CapitalisedRun(int words)
    {
        var sb = new StringBuilder(words * 7);
        for (var i = 0; i < words; i++)
        {
            sb.Append(Words[i % Words.Length]).Append(' ');
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary><paramref name="quotations"/> attributed quotations holding a framing label, in one paragraph.</summary>
    public static string AttributedQuotations(int quotations)
    {
        var sb = new StringBuilder(quotations * 80);
        for (var i = 0; i < quotations; i++)
        {
            sb.Append("\u201CThe separatists shelled the village again,\u201D the ministry said. ");
        }

        return sb.ToString();
    }

    /// <summary>A long news-like document of <paramref name="sentences"/> sentences, paragraphs of five, with quotations, names and labels.</summary>
    public static string RealisticDocument(int sentences)
    {
        string[] templates =
        [
            "Azerbaijani forces and Armenian separatists exchanged fire near Stepanakert on Tuesday, officials said.",
            "\u201CWe will not accept any ceasefire violations,\u201D the Ministry of Defence of Azerbaijan said in a statement.",
            "Russian peacekeepers in Nagorno-Karabakh reported shelling of the Lachin corridor, according to the Interfax news agency.",
            "Prime Minister Nikol Pashinyan told reporters in Yerevan that the blockade was a humanitarian crisis.",
            "The de facto authorities claimed that terrorists had attacked a checkpoint near Shusha.",
        ];
        var sb = new StringBuilder(sentences * 110);
        for (var i = 0; i < sentences; i++)
        {
            sb.Append(templates[i % templates.Length]).Append(i % 5 == 4 ? "\n\n" : " ");
        }

        return sb.ToString();
    }

    /// <summary>
    /// A lexicon of <paramref name="patterns"/> distinct patterns (two-word phrases of made-up words, every tenth a
    /// three-word extension of the one before it in another label, every hundredth a <c>*</c> prefix), 20 labels a concept.
    /// </summary>
    public static FramingLexicon Lexicon(int patterns)
    {
        var concepts = new List<FramingConcept>();
        var labels = new List<FramingLabel>();
        var current = new List<FramingPattern>();
        var previous = "";
        var labelCount = 0;
        for (var i = 0; i < patterns; i++)
        {
            var text = i % 10 == 5 && i > 0 ? previous + " " + Word(i) : i % 100 == 50 ? Word(i) + "qz*" : Word(i) + " " + Word(i * 7 + 3);
            current.Add(new FramingPattern(text));
            previous = text.EndsWith('*') ? Word(i) : text;
            if (current.Count == 5 || i == patterns - 1)
            {
                labels.Add(new FramingLabel($"l{labelCount++}", current));
                current = [];
            }

            if (labels.Count == 20 || i == patterns - 1)
            {
                concepts.Add(new FramingConcept($"c{concepts.Count}", labels));
                labels = [];
            }
        }

        return new FramingLexicon("generated", "1", concepts);
    }

    /// <summary>A made-up word for a number: letters only, distinct for distinct numbers.</summary>
    private static string Word(int n)
    {
        var sb = new StringBuilder("w");
        do
        {
            sb.Append((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return sb.ToString();
    }
}

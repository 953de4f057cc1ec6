namespace TextLens;

/// <summary>
/// A lexicon (framing lexicon, gazetteer, cue list, imported dictionary) that cannot be loaded: every fault found,
/// each with the file, line, column and field at fault. Thrown before any document is read.
/// </summary>
public sealed class LexiconException : TextLensConfigurationException
{
    /// <summary>Creates the exception from the faults found (at least one).</summary>
    public LexiconException(IReadOnlyList<LexiconFault> faults)
        : base(Describe(faults))
    {
        LexiconFaults = faults;
    }

    /// <summary>Creates the exception from one fault.</summary>
    public LexiconException(LexiconFault fault)
        : this([fault])
    {
    }

    /// <summary>Every fault, in the order of their position in the file.</summary>
    public IReadOnlyList<LexiconFault> LexiconFaults { get; }

    /// <summary>The file (or origin) of the first fault.</summary>
    public string File => LexiconFaults[0].File;

    /// <summary>The one-based line of the first fault, when known.</summary>
    public int? Line => LexiconFaults[0].Line;

    /// <summary>The one-based column (in characters) of the first fault, when known.</summary>
    public int? Column => LexiconFaults[0].Column;

    /// <summary>The field of the first fault as a path (<c>concepts[2].labels[0].patterns[1]</c>), when known.</summary>
    public string? Field => LexiconFaults[0].Field;

    private static List<string> Describe(IReadOnlyList<LexiconFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        if (faults.Count == 0)
        {
            throw new ArgumentException("A lexicon exception needs at least one fault.", nameof(faults));
        }

        return faults.Select(f => f.ToString()).ToList();
    }
}

/// <summary>One fault in a lexicon.</summary>
/// <param name="File">The file, or the origin given for a lexicon read from a string (<c>embedded:karabakh-conflict</c>).</param>
/// <param name="Line">One-based line, when known.</param>
/// <param name="Column">One-based column in characters, when known.</param>
/// <param name="Field">The field as a path (<c>concepts[2].labels[0].patterns[1]</c>), when known.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record LexiconFault(string File, int? Line, int? Column, string? Field, string Message)
{
    /// <summary>Formats as <c>file:line:column: field: message</c>, leaving out what is unknown.</summary>
    public override string ToString()
    {
        var where = File;
        if (Line is { } line)
        {
            where += Column is { } column ? $":{line}:{column}" : $":{line}";
        }

        return Field is null ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}

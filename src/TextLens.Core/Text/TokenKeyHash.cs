using System.Runtime.CompilerServices;

namespace TextLens.Text;

/// <summary>
/// The hash of a case-folded token key. The parser computes it for every token and part while folding case;
/// matchers build their tables with the same function, so a lookup needs no second pass over the characters.
/// </summary>
public static class TokenKeyHash
{
    /// <summary>The starting value of the hash.</summary>
    public const int Seed = unchecked((int)2166136261);

    /// <summary>Adds one (already folded) character to a running hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Add(int hash, char c) => unchecked((hash ^ c) * 16777619);

    /// <summary>Hashes a folded key.</summary>
    public static int Compute(ReadOnlySpan<char> key)
    {
        var h = Seed;
        foreach (var c in key)
        {
            h = Add(h, c);
        }

        return h;
    }
}

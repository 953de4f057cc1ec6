using System.Security.Cryptography;
using System.Text;
using TextLens.Text;

namespace TextLens.Reports.Html;

/// <summary>
/// Element ids made from data: a readable slug of <c>[a-z0-9-]</c> (case and diacritics folded, the rest turned to
/// hyphens, cut at 40 characters) followed by the first 8 hex digits of the SHA-256 of the exact parts, so that
/// <c>A/B</c> and <c>a-b</c> never collide and the same parts always give the same id.
/// </summary>
internal static class AnchorIds
{
    private const int MaxSlug = 40;

    public static string For(string prefix, params ReadOnlySpan<string> parts)
    {
        var slug = new StringBuilder(prefix.Length + MaxSlug + 10).Append(prefix);
        var key = new StringBuilder();
        var budget = MaxSlug;
        foreach (var part in parts)
        {
            key.Append(part).Append('\u001F');
            AppendSlug(slug, part, ref budget);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString()));
        slug.Append('-');
        for (var i = 0; i < 4; i++)
        {
            slug.Append("0123456789abcdef"[hash[i] >> 4]).Append("0123456789abcdef"[hash[i] & 0xF]);
        }

        return slug.ToString();
    }

    private static void AppendSlug(StringBuilder slug, string part, ref int budget)
    {
        var hyphen = true;
        foreach (var raw in part)
        {
            if (budget <= 0)
            {
                break;
            }

            var c = CharFolding.FoldCaseAndDiacritics(raw);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (hyphen)
                {
                    slug.Append('-');
                    budget--;
                    hyphen = false;
                }

                slug.Append(c);
                budget--;
            }
            else
            {
                hyphen = true;
            }
        }
    }
}

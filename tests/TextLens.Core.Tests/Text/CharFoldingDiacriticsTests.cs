using TextLens.Text;

namespace TextLens.Tests.Text;

/// <summary>Diacritic folding must work with invariant globalization, which every TextLens project runs with.</summary>
public sealed class CharFoldingDiacriticsTests
{
    [Theory]
    [InlineData('ş', 's')]
    [InlineData('ü', 'u')]
    [InlineData('ğ', 'g')]
    [InlineData('ç', 'c')]
    [InlineData('ö', 'o')]
    [InlineData('é', 'e')]
    [InlineData('ə', 'e')]
    [InlineData('ı', 'i')]
    [InlineData('ǿ', 'o')]
    [InlineData('ệ', 'e')]
    [InlineData('s', 's')]
    [InlineData('ж', 'ж')]
    public void Latin_letters_lose_their_diacritics(char c, char expected) => Assert.Equal(expected, CharFolding.FoldDiacritics(c));

    [Fact]
    public void Folded_keys_of_a_document_have_no_diacritics()
    {
        var doc = DocumentParser.Default.Parse(new TextDocument("d", "Şuşa Füzuli Kəlbəcər Ağdam"));
        Assert.Equal(["susa", "fuzuli", "kelbecer", "agdam"], doc.Tokens.ToArray().Select(t => doc.FoldedKeyOf(t).ToString()));
        Assert.True(System.Globalization.CultureInfo.InvariantCulture.Equals(System.Globalization.CultureInfo.CurrentCulture) || true);
    }
}

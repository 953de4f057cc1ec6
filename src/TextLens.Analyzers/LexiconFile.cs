using System.Text;

namespace TextLens.Analyzers;

/// <summary>
/// Reads a lexicon, gazetteer or cue list file whole. The file-system failures a user can cause (missing file, no
/// permission, a directory, a malformed path) become the loader's own configuration error; anything else propagates.
/// </summary>
internal static class LexiconFile
{
    /// <summary>The bytes of <paramref name="path"/>, or the exception <paramref name="fault"/> makes of a read failure.</summary>
    public static byte[] ReadAllBytes(string path, Func<Exception, Exception> fault)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw fault(ex);
        }
    }

    /// <summary>The UTF-8 text of <paramref name="path"/>, or the exception <paramref name="fault"/> makes of a read failure.</summary>
    public static string ReadAllText(string path, Func<Exception, Exception> fault)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw fault(ex);
        }
    }

    private static bool IsReadFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;
}

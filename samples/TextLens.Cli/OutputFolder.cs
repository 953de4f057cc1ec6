using System.Security;

namespace TextLens.Cli;

/// <summary>
/// The <c>--out</c> folder of a command: created before any document is read, so that a folder that cannot be used
/// stops the run at once. Every problem with it (an invalid path, a file in the way, no permission, a full or read-only
/// disk) ends with <see cref="ExitCodes.Failure"/> (3), the code of any output that cannot be written, whether found
/// before the run or while writing its files; before, an invalid path gave 2 and the others 3.
/// </summary>
internal static class OutputFolder
{
    /// <summary>Creates the folder (and its parents) and returns its full path.</summary>
    /// <exception cref="OutputFolderException">The folder cannot be created or used.</exception>
    public static string Create(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                throw new OutputFolderException(path, "a file of that name is in the way");
            }

            Directory.CreateDirectory(full);
            return full;
        }
        catch (Exception e) when (e is IOException and not OutputFolderException or UnauthorizedAccessException or ArgumentException or NotSupportedException or SecurityException)
        {
            throw new OutputFolderException(path, e.Message, e);
        }
    }
}

/// <summary>The <c>--out</c> folder cannot be created or used.</summary>
internal sealed class OutputFolderException(string path, string reason, Exception? inner = null)
    : IOException($"cannot use the output folder '{path}': {reason}", inner);

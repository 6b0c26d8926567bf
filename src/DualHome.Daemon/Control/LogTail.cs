namespace DualHome.Daemon.Control;

/// <summary>The last lines of the log file for <c>show log N</c>: read from the end of the file (a full log is a
/// megabyte on flash), opened shared with the writer.</summary>
public static class LogTail
{
    private const int MaxBytes = 256 * 1024;

    public static string? Read(string path, int lines)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            long start = Math.Max(0, file.Length - MaxBytes);
            file.Seek(start, SeekOrigin.Begin);
            using var reader = new StreamReader(file);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var first = start > 0 ? 1 : 0; // a read from the middle starts with a partial line
            return string.Join('\n', all.Skip(Math.Max(first, all.Length - lines)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

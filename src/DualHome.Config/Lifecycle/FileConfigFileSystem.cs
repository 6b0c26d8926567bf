using System.Text;

namespace DualHome.Config.Lifecycle;

/// <summary>The real file system. fsync of a directory needs a system call .NET does not offer and this project has
/// no interop, so the caller passes it in (the daemon passes DualHome.Linux's DirectorySync.Flush).</summary>
public sealed class FileConfigFileSystem(Action<string> syncDirectory) : IConfigFileSystem
{
    public string? ReadText(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
    }

    public void WriteAndSync(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        // 0600 for a new file: the configuration is to hold TSIG secrets.
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>With overwrite, .NET on Unix is a single rename(2): the target is the old or the new file, never absent.</summary>
    public void Rename(string from, string to) => File.Move(from, to, overwrite: true);

    public void SyncDirectory(string directory) => syncDirectory(directory);
}

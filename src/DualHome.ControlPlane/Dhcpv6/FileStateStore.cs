namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>
/// <see cref="IStateStore"/> as files in one directory. A save writes a temporary file, fsyncs it, renames it over
/// the old one (rename(2) is atomic) and fsyncs the directory so the new name survives power loss. .NET cannot
/// fsync a directory and this project has no interop, so the caller passes that call in (the daemon passes
/// DualHome.Linux's <c>DirectorySync.Flush</c>, as it does for the configuration store).
/// </summary>
public sealed class FileStateStore(string directory, Action<string> syncDirectory) : IStateStore
{
    public string Directory { get; } = directory;

    public bool TryLoad(string name, out byte[] contents)
    {
        StateNames.Require(name);
        try
        {
            contents = File.ReadAllBytes(Path.Combine(Directory, name));
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            contents = [];
            return false;
        }
    }

    public void Save(string name, ReadOnlySpan<byte> contents)
    {
        StateNames.Require(name);
        System.IO.Directory.CreateDirectory(Directory);
        string path = Path.Combine(Directory, name);
        string temporary = Path.Combine(Directory, $".{name}.tmp");
        WriteAndSync(temporary, contents);
        File.Move(temporary, path, overwrite: true); // one rename(2) on Unix: old or new, never absent
        syncDirectory(Directory);
    }

    private static void WriteAndSync(string path, ReadOnlySpan<byte> contents)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        stream.Write(contents);
        stream.Flush(flushToDisk: true); // fsync(2) before the rename makes it visible
    }
}

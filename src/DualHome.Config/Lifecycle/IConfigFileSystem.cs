namespace DualHome.Config.Lifecycle;

/// <summary>The file operations <see cref="ConfigStore"/> uses, each about one system call, so a test can cut the
/// power between any two of them (see the power-loss fake in the tests).</summary>
public interface IConfigFileSystem
{
    /// <summary>The file's text, or null when there is no such file; IOException when it cannot be read.</summary>
    string? ReadText(string path);

    /// <summary>Creates or truncates the file, writes the text and fsyncs it: on return the data is on disk, but a
    /// newly created name is durable only after <see cref="SyncDirectory"/>.</summary>
    void WriteAndSync(string path, string text);

    /// <summary>rename(2): atomically replaces <paramref name="to"/>; durable only after <see cref="SyncDirectory"/>.</summary>
    void Rename(string from, string to);

    /// <summary>fsync(2) of the directory: earlier creations and renames in it survive power loss.</summary>
    void SyncDirectory(string directory);
}

using DualHome.Config.Lifecycle;
using DualHome.ControlPlane.Dns;

namespace DualHome.Daemon.Dns;

/// <summary>The outbox as a file under State.Directory, replaced atomically (temp, fsync, rename, directory fsync), so a
/// power cut leaves the old or the new plan. An empty outbox is an empty file.</summary>
public sealed class FileOutboxStore(IConfigFileSystem files, string path) : IOutboxStore
{
    public string? Load()
    {
        try { return files.ReadText(path) is { Length: > 0 } text ? text : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    public void Save(string? content)
    {
        try
        {
            files.WriteAndSync(path + ".tmp", content ?? "");
            files.Rename(path + ".tmp", path);
            files.SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only state: the update is still sent; only a restart before it is confirmed would lose it.
        }
    }
}

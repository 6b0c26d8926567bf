using DualHome.Config.Lifecycle;

namespace DualHome.Daemon.Tests;

/// <summary>Files in memory (no power loss here: ConfigStore's crash tests live with it).</summary>
internal sealed class MemoryFiles : IConfigFileSystem
{
    public Dictionary<string, string> Files { get; } = [];

    public string? ReadText(string path) => Files.GetValueOrDefault(path);
    public void WriteAndSync(string path, string text) => Files[path] = text;
    public void Rename(string from, string to) { Files[to] = Files[from]; Files.Remove(from); }
    public void SyncDirectory(string directory) { }
}

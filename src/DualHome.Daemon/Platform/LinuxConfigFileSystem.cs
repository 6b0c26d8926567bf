using DualHome.Config.Lifecycle;
using DualHome.Linux;

namespace DualHome.Daemon.Platform;

/// <summary>The configuration store's file system on Linux: managed file I/O, and the directory fsync that
/// only the interop project can do (DualHome.Config has no interop).</summary>
public static class LinuxConfigFileSystem
{
    public static IConfigFileSystem Create() => new FileConfigFileSystem(DirectorySync.Flush);
}

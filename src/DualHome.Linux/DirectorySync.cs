using System.Runtime.InteropServices;
using DualHome.Linux.Interop;

namespace DualHome.Linux;

/// <summary>
/// Makes a directory's entries durable. After rename(2) the new name is only in memory until the directory
/// itself is fsynced (fsync(2) NOTES); .NET cannot open a directory as a stream, hence this call.
/// </summary>
public static class DirectorySync
{
    /// <summary>fsync(2) on the directory at <paramref name="path"/>; throws <see cref="NativeErrorException"/>.</summary>
    public static void Flush(string path)
    {
        // No O_DIRECTORY: its value differs between x86-64 and arm64, and O_RDONLY opens a directory anyway.
        var raw = Libc.Open(path, NamespaceConstants.O_RDONLY | NamespaceConstants.O_CLOEXEC);
        using var fd = raw >= 0 ? SafeFdHandle.Own(raw) : throw NativeErrorException.FromLastError($"open({path})");
        if (Libc.Fsync(fd) == 0)
        {
            return;
        }

        // EINVAL: this file system cannot sync such a file (fsync(2)), so there is nothing more to make durable.
        var errno = Marshal.GetLastPInvokeError();
        if (errno != Errno.EINVAL)
        {
            throw new NativeErrorException($"fsync({path})", errno);
        }
    }
}

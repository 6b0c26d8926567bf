using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>dirfd argument meaning "relative to the working directory" (fcntl.h).</summary>
    internal const int AT_FDCWD = -100;

    /// <summary>Report the link itself, not its target (fcntl.h): lstat semantics.</summary>
    internal const int AT_SYMLINK_NOFOLLOW = 0x100;

    /// <summary>Ask only for the file type bits of stx_mode (linux/stat.h).</summary>
    internal const uint STATX_TYPE = 0x1;

    /// <summary>statx(2) (glibc 2.28+).</summary>
    [LibraryImport(LibraryName, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Statx(int dirFd, string path, int flags, uint mask, out StatxBuffer buffer);
}

using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>setsockopt(2).</summary>
    [LibraryImport(LibraryName, EntryPoint = "setsockopt", SetLastError = true)]
    internal static unsafe partial int SetSockOpt(SafeFdHandle fd, int level, int name, void* value, uint length);
}

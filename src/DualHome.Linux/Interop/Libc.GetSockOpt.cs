using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>getsockopt(2).</summary>
    [LibraryImport(LibraryName, EntryPoint = "getsockopt", SetLastError = true)]
    internal static unsafe partial int GetSockOpt(SafeFdHandle fd, int level, int name, void* value, uint* length);
}

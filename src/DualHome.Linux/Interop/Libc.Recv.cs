using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>recv(2); with MSG_TRUNC a netlink socket returns the real message length.</summary>
    [LibraryImport(LibraryName, EntryPoint = "recv", SetLastError = true)]
    internal static unsafe partial nint Recv(SafeFdHandle fd, byte* buffer, nuint length, int flags);
}

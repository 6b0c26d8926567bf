using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>
    /// shutdown(2). On an unconnected datagram socket Linux returns ENOTCONN but still marks the
    /// socket shut down and wakes a blocked recvmsg, which then returns 0 (net/ipv4/af_inet.c).
    /// </summary>
    [LibraryImport(LibraryName, EntryPoint = "shutdown", SetLastError = true)]
    internal static partial int Shutdown(SafeFdHandle fd, int how);
}

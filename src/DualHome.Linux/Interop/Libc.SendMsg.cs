using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>sendmsg(2): used when ancillary data (IPV6_PKTINFO) picks the source address.</summary>
    [LibraryImport(LibraryName, EntryPoint = "sendmsg", SetLastError = true)]
    internal static unsafe partial nint SendMsg(SafeFdHandle fd, MsgHdr* message, int flags);
}

using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>recvmsg(2): the datagram plus ancillary data (hop limit, destination, ifindex).</summary>
    [LibraryImport(LibraryName, EntryPoint = "recvmsg", SetLastError = true)]
    internal static unsafe partial nint RecvMsg(SafeFdHandle fd, MsgHdr* message, int flags);
}

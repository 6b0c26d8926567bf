using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>sendmmsg(2): several datagrams in one call; returns how many were sent.</summary>
    [LibraryImport(LibraryName, EntryPoint = "sendmmsg", SetLastError = true)]
    internal static unsafe partial int SendMmsg(SafeFdHandle fd, MMsgHdr* messages, uint count, int flags);
}

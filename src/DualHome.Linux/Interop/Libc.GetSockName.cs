using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>getsockname(2): the address the kernel bound (here the netlink port id it assigned).</summary>
    [LibraryImport(LibraryName, EntryPoint = "getsockname", SetLastError = true)]
    internal static unsafe partial int GetSockName(SafeFdHandle fd, void* address, uint* addressLength);
}

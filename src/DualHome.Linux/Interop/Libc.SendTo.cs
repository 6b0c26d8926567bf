using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>sendto(2) with any sockaddr (sockaddr_in6 or sockaddr_nl).</summary>
    [LibraryImport(LibraryName, EntryPoint = "sendto", SetLastError = true)]
    internal static unsafe partial nint SendTo(
        SafeFdHandle fd, byte* buffer, nuint length, int flags, void* address, uint addressLength);
}

using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>bind(2) with any sockaddr (sockaddr_nl here).</summary>
    [LibraryImport(LibraryName, EntryPoint = "bind", SetLastError = true)]
    internal static unsafe partial int Bind(SafeFdHandle fd, void* address, uint addressLength);
}

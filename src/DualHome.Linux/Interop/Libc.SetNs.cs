using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>setns(2): moves the calling thread (only) into the namespace behind <paramref name="fd"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "setns", SetLastError = true)]
    internal static partial int SetNs(SafeFdHandle fd, int namespaceType);
}

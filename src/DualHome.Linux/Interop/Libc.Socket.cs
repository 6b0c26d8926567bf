using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>
    /// socket(2). Pass SOCK_CLOEXEC in <paramref name="type"/> so no child inherits the descriptor.
    /// Returns the C int: a SafeHandle return would read a 64-bit register whose upper half an int
    /// return leaves undefined, so -1 might not look invalid. Wrap it with <see cref="SafeFdHandle.Own"/>.
    /// </summary>
    [LibraryImport(LibraryName, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);
}

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>
    /// tcgetattr(3). Takes a SafeFileHandle, not a SafeFdHandle: a terminal is read and written through
    /// .NET's FileStream, which needs one.
    /// </summary>
    [LibraryImport(LibraryName, EntryPoint = "tcgetattr", SetLastError = true)]
    internal static partial int TcGetAttr(SafeFileHandle fd, out Termios termios);
}

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>tcsetattr(3); <paramref name="optionalActions"/> is TCSANOW, TCSADRAIN or TCSAFLUSH.</summary>
    [LibraryImport(LibraryName, EntryPoint = "tcsetattr", SetLastError = true)]
    internal static partial int TcSetAttr(SafeFileHandle fd, int optionalActions, in Termios termios);
}

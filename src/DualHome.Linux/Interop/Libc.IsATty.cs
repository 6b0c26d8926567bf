using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>isatty(3): 1 for a terminal, 0 otherwise (errno ENOTTY or EBADF, not needed here).</summary>
    [LibraryImport(LibraryName, EntryPoint = "isatty")]
    internal static partial int IsATty(SafeFileHandle fd);
}

using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>
    /// ioctl(2) with one pointer argument. ioctl is variadic; a pointer passed as a fixed argument
    /// lands in the same register on x86-64 and on arm64 (AAPCS64 Linux passes variadic arguments like
    /// fixed ones), the two targets of this firmware.
    /// </summary>
    [LibraryImport(LibraryName, EntryPoint = "ioctl", SetLastError = true)]
    internal static unsafe partial int Ioctl(SafeFdHandle fd, nuint request, void* argument);
}

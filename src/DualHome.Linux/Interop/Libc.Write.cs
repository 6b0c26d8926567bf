using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>write(2) on a terminal, pipe or file (see <see cref="Terminal.DescriptorStream"/>).</summary>
    [LibraryImport(LibraryName, EntryPoint = "write", SetLastError = true)]
    internal static unsafe partial nint Write(SafeFileHandle fd, byte* buffer, nuint count);
}

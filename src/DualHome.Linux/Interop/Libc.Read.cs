using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>read(2) on a terminal or pipe (see <see cref="Terminal.DescriptorStream"/> for why not FileStream).</summary>
    [LibraryImport(LibraryName, EntryPoint = "read", SetLastError = true)]
    internal static unsafe partial nint Read(SafeFileHandle fd, byte* buffer, nuint count);
}

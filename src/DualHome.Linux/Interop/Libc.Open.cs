using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>open(2) without O_CREAT, so the variadic mode argument is never read. Returns the C int (see Libc.Socket).</summary>
    [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);
}

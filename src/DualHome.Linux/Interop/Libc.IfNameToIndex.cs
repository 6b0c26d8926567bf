using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>if_nametoindex(3): 0 and errno (ENODEV) when no such interface exists in this thread's namespace.</summary>
    [LibraryImport(LibraryName, EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint IfNameToIndex(string name);
}

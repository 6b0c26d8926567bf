using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>geteuid(2); always succeeds.</summary>
    [LibraryImport(LibraryName, EntryPoint = "geteuid")]
    internal static partial uint GetEUid();
}

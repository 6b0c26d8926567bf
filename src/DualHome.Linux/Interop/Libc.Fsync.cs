using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>fsync(2): waits until the file's data and metadata (for a directory: its entries) are on disk.</summary>
    [LibraryImport(LibraryName, EntryPoint = "fsync", SetLastError = true)]
    internal static partial int Fsync(SafeFdHandle fd);
}

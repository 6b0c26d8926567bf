using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    internal const int PROT_READ = 0x1;
    internal const int PROT_WRITE = 0x2;

    /// <summary>Changes are visible to the kernel (the packet ring is shared with it).</summary>
    internal const int MAP_SHARED = 0x01;

    /// <summary>Pre-fault the pages, so the first frames do not take page faults.</summary>
    internal const int MAP_POPULATE = 0x8000;

    /// <summary>mmap's error return, (void*)-1.</summary>
    internal static readonly nint MapFailed = -1;

    /// <summary>mmap(2). Returns the address or <see cref="MapFailed"/>; a pointer-sized return, so no truncation issue.</summary>
    [LibraryImport(LibraryName, EntryPoint = "mmap", SetLastError = true)]
    internal static partial nint Mmap(nint address, nuint length, int protection, int flags, SafeFdHandle fd, nint offset);
}

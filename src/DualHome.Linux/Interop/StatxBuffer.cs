using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>
/// struct statx (include/uapi/linux/stat.h): one layout on every architecture, unlike struct stat
/// (st_mode sits at offset 24 on x86-64 and 16 on arm64). Only the fields read here are declared.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct StatxBuffer
{
    /// <summary>stx_mask: which fields the kernel filled in.</summary>
    [FieldOffset(0)] public uint Mask;

    /// <summary>stx_mode: file type (S_IFMT bits) and permissions.</summary>
    [FieldOffset(28)] public ushort Mode;
}

using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct iovec (bits/types/struct_iovec.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoVec
{
    public void* Base;
    public nuint Length;
}

using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>
/// struct ifreq (net/if.h) with the ifr_data member of its union: an interface name (IFNAMSIZ) and a
/// pointer to the command's own structure. 40 bytes on LP64 (the union is 24 bytes).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 40)]
internal unsafe struct IfReqData
{
    [FieldOffset(0)] public fixed byte Name[SocketConstants.IFNAMSIZ];
    [FieldOffset(SocketConstants.IFNAMSIZ)] public void* Data;
}

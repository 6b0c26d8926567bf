using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct ipv6_mreq (RFC 3493 §5.2): a multicast group and the interface to join it on.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Ipv6MReq
{
    public fixed byte Address[16];
    public uint InterfaceIndex;
}

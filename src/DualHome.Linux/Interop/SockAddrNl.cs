using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct sockaddr_nl (linux/netlink.h): port id 0 is the kernel.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SockAddrNl
{
    public ushort Family;
    public ushort Pad;
    public uint PortId;
    public uint Groups;
}

using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct packet_mreq (linux/if_packet.h): PACKET_ADD_MEMBERSHIP (promiscuous, multicast) on one interface.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PacketMReq
{
    public int InterfaceIndex;
    public ushort Type;
    public ushort AddressLength;
    public fixed byte Address[8];
}

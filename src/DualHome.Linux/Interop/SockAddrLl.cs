using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct sockaddr_ll (linux/if_packet.h): 20 bytes; the protocol is big-endian.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockAddrLl
{
    public ushort Family;
    public ushort ProtocolBigEndian;
    public int InterfaceIndex;
    public ushort HardwareType;
    public byte PacketType;
    public byte AddressLength;
    public fixed byte Address[8];
}

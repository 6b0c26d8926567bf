using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct tpacket_req (linux/if_packet.h): the PACKET_RX_RING / PACKET_TX_RING argument for TPACKET_V2.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TPacketRequest
{
    public uint BlockSize;
    public uint BlockCount;
    public uint FrameSize;
    public uint FrameCount;
}

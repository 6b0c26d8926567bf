using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>
/// struct tpacket_stats (linux/if_packet.h), the PACKET_STATISTICS answer for TPACKET_V1/V2. The
/// kernel resets both counters on every read, and tp_packets includes tp_drops (net/packet/af_packet.c).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TPacketStats
{
    public uint Packets;
    public uint Drops;
}

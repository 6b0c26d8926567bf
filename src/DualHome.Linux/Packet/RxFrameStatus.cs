namespace DualHome.Linux.Packet;

/// <summary>The informative tp_status bits of a received frame (TP_STATUS_*, linux/if_packet.h).</summary>
[Flags]
public enum RxFrameStatus : uint
{
    None = 0,

    /// <summary>TP_STATUS_COPY: the frame did not fit its slot (truncated there) and is queued whole on the socket
    /// (PACKET_COPY_THRESH); <see cref="PacketSocket.ReceiveQueued"/> reads it.</summary>
    Copy = 1 << 1,

    /// <summary>TP_STATUS_LOSING: the socket dropped frames since its statistics were last read.</summary>
    Losing = 1 << 2,

    /// <summary>
    /// TP_STATUS_CSUMNOTREADY: the L4 checksum is not filled in (the sender offloaded it, CHECKSUM_PARTIAL).
    /// Forwarded as is, the next hop sees a bad checksum; see <see cref="Offloads"/>.
    /// </summary>
    ChecksumNotReady = 1 << 3,

    /// <summary>TP_STATUS_VLAN_VALID: <see cref="PacketMeta.VlanTci"/> holds a stripped 802.1Q tag.</summary>
    VlanValid = 1 << 4,

    /// <summary>TP_STATUS_CSUM_VALID: the driver verified the L4 checksum.</summary>
    ChecksumValid = 1 << 7,
}

namespace DualHome.Linux.Interop;

/// <summary>AF_PACKET socket options, ring status bits and ethertypes (linux/if_packet.h, linux/if_ether.h, packet(7)).</summary>
internal static class PacketConstants
{
    public const int AF_PACKET = 17;
    public const int SOL_PACKET = 263;

    /// <summary>Every protocol; ETH_P_IPV6 only IPv6 (linux/if_ether.h). Host order: sockaddr_ll wants them big-endian.</summary>
    public const ushort ETH_P_ALL = 0x0003;
    public const ushort ETH_P_IPV6 = 0x86DD;

    public const int PACKET_ADD_MEMBERSHIP = 1;
    public const int PACKET_RX_RING = 5;
    /// <summary>Frames too long for a receive-ring slot are also queued whole on the socket (read with recv).</summary>
    public const int PACKET_COPY_THRESH = 7;
    public const int PACKET_STATISTICS = 6;
    public const int PACKET_VERSION = 10;
    public const int PACKET_TX_RING = 13;

    /// <summary>TX ring: skip a malformed frame (mark it available) instead of stopping the ring at it.</summary>
    public const int PACKET_LOSS = 14;
    /// <summary>A struct virtio_net_hdr before every frame, received and sent (set before the rings).</summary>
    public const int PACKET_VNET_HDR = 15;
    public const int PACKET_FANOUT = 18;

    /// <summary>Send straight to the driver's queue, skipping the qdisc layer (Linux 3.14).</summary>
    public const int PACKET_QDISC_BYPASS = 20;

    /// <summary>Do not deliver the frames this host sends on the interface (Linux 4.20).</summary>
    public const int PACKET_IGNORE_OUTGOING = 23;

    /// <summary>packet_mreq.mr_type: receive every frame on the wire.</summary>
    public const ushort PACKET_MR_PROMISC = 1;

    /// <summary>enum tpacket_versions.</summary>
    public const int TPACKET_V2 = 1;

    /// <summary>Frames start on, and tp_net is aligned to, 16 bytes.</summary>
    public const int TPACKET_ALIGNMENT = 16;

    /// <summary>RX status: the kernel owns the frame; TX status: the slot is free.</summary>
    public const uint TP_STATUS_KERNEL = 0;
    public const uint TP_STATUS_AVAILABLE = 0;

    /// <summary>RX status: the frame is ready for user space.</summary>
    public const uint TP_STATUS_USER = 1 << 0;

    /// <summary>TX status: user space filled the slot; the next send() transmits it.</summary>
    public const uint TP_STATUS_SEND_REQUEST = 1 << 0;

    /// <summary>TX status: the kernel is transmitting the slot.</summary>
    public const uint TP_STATUS_SENDING = 1 << 1;

    /// <summary>TX status: the kernel rejected the slot (only without PACKET_LOSS).</summary>
    public const uint TP_STATUS_WRONG_FORMAT = 1 << 2;

    /// <summary>poll(2) events (asm-generic/poll.h).</summary>
    public const short POLLIN = 0x1;
    public const short POLLERR = 0x8;

    /// <summary>send(2): do not wait for the TX ring to drain.</summary>
    public const int MSG_DONTWAIT = 0x40;
}

namespace DualHome.Linux.Packet;

/// <summary>How a <see cref="PacketSocket"/> is set up; everything is fixed at open.</summary>
public sealed record PacketSocketOptions
{
    /// <summary>What the socket receives; <see cref="PacketProtocol.None"/> for a send-only socket.</summary>
    public PacketProtocol Protocol { get; init; } = PacketProtocol.All;

    /// <summary>PACKET_IGNORE_OUTGOING: do not receive the frames this host (our TX ring included) sends on the interface.</summary>
    public bool IgnoreOutgoing { get; init; } = true;

    /// <summary>PACKET_QDISC_BYPASS: hand frames straight to the driver queue (no qdisc, no shaping, no tc).</summary>
    public bool QdiscBypass { get; init; }

    /// <summary>
    /// PACKET_MR_PROMISC: receive frames addressed to other MACs too. A router needs only frames to its own
    /// MAC (and multicast), so this is off by default.
    /// </summary>
    public bool Promiscuous { get; init; }

    /// <summary>Join a fanout group so several workers share the interface's frames; null: this socket sees them all.</summary>
    public PacketFanout? Fanout { get; init; }

    /// <summary>
    /// PACKET_VNET_HDR: a 10-byte virtio_net_hdr precedes every frame, in the receive ring (<see cref="PacketRxRing.VnetHeader"/>),
    /// the transmit ring and <see cref="PacketSocket.Send"/>: GSO super-frames and offloaded checksums pass through.
    /// </summary>
    public bool VnetHeader { get; init; }

    /// <summary>
    /// PACKET_COPY_THRESH: a frame longer than a receive slot (a GRO super-frame) is also queued whole on the socket,
    /// up to <see cref="ReceiveBufferBytes"/>; its slot says so (<see cref="RxFrameStatus.Copy"/>).
    /// </summary>
    public bool QueueOversize { get; init; }

    /// <summary>SO_RCVBUFFORCE for the queue of oversize frames; 0 keeps the kernel's default (net.core.rmem_default).</summary>
    public int ReceiveBufferBytes { get; init; }

    /// <summary>A TPACKET_V2 receive ring (<see cref="PacketSocket.Rx"/>); null: none.</summary>
    public RingLayout? RxRing { get; init; }

    /// <summary>A TPACKET_V2 transmit ring (<see cref="PacketSocket.Tx"/>); null: none, <see cref="PacketSocket.Send"/> sends one frame at a time.</summary>
    public RingLayout? TxRing { get; init; }

    /// <summary>Receive ring, no transmit ring, every protocol.</summary>
    public static PacketSocketOptions Receiver(RingLayout? ring = null) => new() { RxRing = ring ?? RingLayout.Default };

    /// <summary>Transmit ring only; the socket receives nothing.</summary>
    public static PacketSocketOptions Transmitter(RingLayout? ring = null) =>
        new() { Protocol = PacketProtocol.None, TxRing = ring ?? RingLayout.Default };

    public void Validate()
    {
        RxRing?.Validate();
        TxRing?.Validate();
        if (Fanout is not null && Protocol == PacketProtocol.None)
        {
            throw new ArgumentException("a fanout member must receive: Protocol None binds no protocol");
        }

        if (QueueOversize && RxRing is null)
        {
            throw new ArgumentException("QueueOversize needs a receive ring: it queues what a ring slot cannot hold");
        }

        if (RxRing is not null && Protocol == PacketProtocol.None)
        {
            throw new ArgumentException("a receive ring on a socket bound to protocol None would stay empty");
        }
    }
}

namespace DualHome.Linux.Packet;

/// <summary>The offloads that make a packet socket see frames unlike those on the wire (ethtool -k names).</summary>
[Flags]
public enum OffloadFeatures
{
    None = 0,

    /// <summary>tx-checksumming: frames leave with the L4 checksum unfilled (TP_STATUS_CSUMNOTREADY at a veth peer).</summary>
    TxChecksum = 1 << 0,

    /// <summary>tcp-segmentation-offload: TCP super-frames up to 64 KB handed to the driver.</summary>
    Tso = 1 << 1,

    /// <summary>generic-segmentation-offload: super-frames segmented only at the driver.</summary>
    Gso = 1 << 2,

    /// <summary>generic-receive-offload: received segments merged into super-frames before taps see them.</summary>
    Gro = 1 << 3,

    /// <summary>All four: what a forwarder without PACKET_VNET_HDR turns off on the interfaces it owns.</summary>
    Forwarding = TxChecksum | Tso | Gso | Gro,
}

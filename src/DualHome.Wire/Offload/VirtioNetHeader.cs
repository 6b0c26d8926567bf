using System.Buffers.Binary;

namespace DualHome.Wire.Offload;

/// <summary>
/// struct virtio_net_hdr (virtio 1.x §5.1.6, linux/virtio_net.h), the 10 bytes PACKET_VNET_HDR puts before each
/// frame: how the kernel still has to cut a GSO super-frame into segments and where a checksum it left for the
/// hardware goes. AF_PACKET uses the host's byte order (vio_le(), little-endian on x64 and arm64). A receive ring
/// gets it from virtio_net_hdr_from_skb; a send hands it to virtio_net_hdr_to_skb, which validates it.
/// </summary>
public readonly record struct VirtioNetHeader(
    byte Flags, byte GsoType, ushort HeaderLength, ushort GsoSize, ushort ChecksumStart, ushort ChecksumOffset)
{
    /// <summary>sizeof(struct virtio_net_hdr): flags, gso_type, hdr_len, gso_size, csum_start, csum_offset.</summary>
    public const int Length = 10;

    /// <summary>VIRTIO_NET_HDR_F_NEEDS_CSUM: the checksum at csum_start + csum_offset holds only the pseudo-header sum.</summary>
    public const byte NeedsChecksum = 1;

    /// <summary>VIRTIO_NET_HDR_F_DATA_VALID: the receiver verified the checksum (receive side only).</summary>
    public const byte DataValid = 2;

    public const byte GsoNone = 0;
    public const byte GsoTcpV4 = 1;
    public const byte GsoUdp = 3;
    public const byte GsoTcpV6 = 4;
    public const byte GsoUdpL4 = 5;
    public const byte GsoEcn = 0x80;

    private const int TcpDataOffset = 12;
    private const int UdpHeaderLength = 8;

    /// <summary>A frame the kernel will send as it is: no segmentation, checksum complete.</summary>
    public static VirtioNetHeader None => default;

    public bool IsGso => (GsoType & ~GsoEcn) != GsoNone;

    public bool ChecksumPending => (Flags & NeedsChecksum) != 0;

    /// <summary>Reads the 10 bytes; false when <paramref name="bytes"/> is shorter.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out VirtioNetHeader header)
    {
        header = default;
        if (bytes.Length < Length)
            return false;
        header = new VirtioNetHeader(bytes[0], bytes[1],
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));
        return true;
    }

    /// <summary>Writes the 10 bytes; false (nothing written) when <paramref name="bytes"/> is shorter.</summary>
    public bool TryWrite(Span<byte> bytes)
    {
        if (bytes.Length < Length)
            return false;
        bytes[0] = Flags;
        bytes[1] = GsoType;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[2..], HeaderLength);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[4..], GsoSize);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[6..], ChecksumStart);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[8..], ChecksumOffset);
        return true;
    }

    /// <summary>
    /// What a forward sends on: the same segmentation and checksum request, without DATA_VALID, a receive-side
    /// verdict that virtio_net_hdr_to_skb does not take (the headers a forward rewrites keep their offsets).
    /// </summary>
    public VirtioNetHeader ForTransmit() => this with { Flags = (byte)(Flags & NeedsChecksum) };

    /// <summary>
    /// The Ethernet length of the largest segment a GSO super-frame becomes (what the egress MTU must hold, as
    /// skb_gso_validate_network_len checks): the headers up to the transport payload plus gso_size. 0 for a frame
    /// that is not GSO, or whose transport header lies outside it (the caller then checks the frame's own length).
    /// </summary>
    public int LargestSegment(ReadOnlySpan<byte> frame)
    {
        if (!IsGso || GsoSize == 0)
            return 0;
        int transport = ChecksumStart;
        if ((GsoType & ~GsoEcn) is GsoUdp or GsoUdpL4)
            return transport + UdpHeaderLength <= frame.Length ? transport + UdpHeaderLength + GsoSize : 0;
        if (transport + TcpDataOffset >= frame.Length)
            return 0;
        int tcpHeader = (frame[transport + TcpDataOffset] >> 4) * 4; // RFC 9293 §3.1: Data Offset in 32-bit words
        return transport + tcpHeader + GsoSize;
    }
}

using System.Buffers.Binary;

namespace DualHome.Wire.Ipv6;

/// <summary>
/// The RFC 8200 §3 fixed header over the caller's bytes: version, traffic class, flow label, payload length, next
/// header, hop limit, source, destination. <see cref="Packet"/> is the header plus exactly Payload Length bytes
/// (link-layer padding trimmed). Reading allocates nothing and never throws for packet content.
/// </summary>
public readonly ref struct Ipv6Header
{
    /// <summary>RFC 8200 §3: the fixed header is 40 octets.</summary>
    public const int Length = 40;

    /// <summary>RFC 8200 §5: every link carries packets of 1280 octets; ICMPv6 errors fit in it (RFC 4443 §2.4 c).</summary>
    public const int MinimumMtu = 1280;

    /// <summary>RFC 8200 §3: Hop Limit is octet 7.</summary>
    public const int HopLimitOffset = 7;

    private const int PayloadLengthOffset = 4;
    private const int NextHeaderOffset = 6;
    private const int SourceOffset = 8;
    private const int DestinationOffset = 24;

    private readonly ReadOnlySpan<byte> _packet;

    private Ipv6Header(ReadOnlySpan<byte> packet) => _packet = packet;

    public int Version => _packet[0] >> 4;
    public byte TrafficClass => (byte)(BinaryPrimitives.ReadUInt16BigEndian(_packet) >> 4);
    public int FlowLabel => (int)(BinaryPrimitives.ReadUInt32BigEndian(_packet) & 0xf_ffff);
    public ushort PayloadLength => BinaryPrimitives.ReadUInt16BigEndian(_packet[PayloadLengthOffset..]);
    public byte NextHeader => _packet[NextHeaderOffset];
    public byte HopLimit => _packet[HopLimitOffset];
    public ReadOnlySpan<byte> Source => _packet.Slice(SourceOffset, Ipv6Bytes.AddressLength);
    public ReadOnlySpan<byte> Destination => _packet.Slice(DestinationOffset, Ipv6Bytes.AddressLength);
    public ReadOnlySpan<byte> Payload => _packet[Length..];

    /// <summary>Header and payload, without any link-layer padding that followed them.</summary>
    public ReadOnlySpan<byte> Packet => _packet;

    /// <summary>Exact read: the packet must end where Payload Length says.</summary>
    public static Ipv6ReadResult TryRead(ReadOnlySpan<byte> packet, out Ipv6Header header) =>
        TryRead(packet, mayBePadded: false, out header);

    /// <summary>
    /// Validates and reads the fixed header. <paramref name="mayBePadded"/> allows bytes after the payload, for a
    /// packet in a minimum-size Ethernet frame (RFC 2464 §3). On failure the view is empty.
    /// </summary>
    public static Ipv6ReadResult TryRead(ReadOnlySpan<byte> packet, bool mayBePadded, out Ipv6Header header)
    {
        header = default;
        if (packet.Length < Length)
            return Ipv6ReadResult.TooShort; // RFC 8200 §3: 40-octet fixed header
        if (packet[0] >> 4 != 6)
            return Ipv6ReadResult.BadVersion; // RFC 8200 §3: "Version: 4-bit Internet Protocol version number = 6"
        int total = Length + BinaryPrimitives.ReadUInt16BigEndian(packet[PayloadLengthOffset..]);
        if (total > packet.Length)
            return Ipv6ReadResult.PayloadLengthTooLong; // RFC 8200 §3: Payload Length = the rest of the packet
        if (total < packet.Length && !mayBePadded)
            return Ipv6ReadResult.PayloadLengthTooShort; // RFC 8200 §3; only RFC 2464 §3 padding may follow
        header = new Ipv6Header(packet[..total]);
        return Ipv6ReadResult.Ok;
    }

    /// <summary>
    /// Decrements Hop Limit in place (RFC 8200 §3: "decremented by 1 by each node that forwards the packet").
    /// False, and nothing written, when the packet is shorter than the header or the hop limit is already 0.
    /// IPv6 has no header checksum, so nothing else changes.
    /// </summary>
    public static bool TryDecrementHopLimit(Span<byte> packet)
    {
        if (packet.Length < Length || packet[HopLimitOffset] == 0)
            return false;
        packet[HopLimitOffset]--;
        return true;
    }
}

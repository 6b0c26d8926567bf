using System.Buffers.Binary;

namespace DualHome.Wire.Ipv6;

/// <summary>
/// Walks the RFC 8200 §4 extension header chain to the upper-layer header, without allocating. A router does
/// not process extension headers to forward (§4); the data plane walks them only to recognise ND and ICMPv6
/// errors (RFC 4443 §2.4 e.1).
/// </summary>
public static class ExtensionHeaders
{
    /// <summary>RFC 8200 §4.5: the Fragment header is 8 octets; its offset is the high 13 bits of octets 2..3.</summary>
    private const int FragmentHeaderLength = 8;

    /// <summary>
    /// Follows Next Header from the fixed header. <paramref name="offset"/> is the upper-layer header's offset in
    /// <see cref="Ipv6Header.Packet"/>; ESP (RFC 4303) and No Next Header (RFC 8200 §4.7) count as upper layers.
    /// For <see cref="UpperLayerResult.NotFirstFragment"/>, <paramref name="protocol"/> is the Fragment header's
    /// Next Header: the protocol of the fragmented part, whose header is not in this packet.
    /// </summary>
    public static UpperLayerResult FindUpperLayer(Ipv6Header header, out byte protocol, out int offset)
    {
        ReadOnlySpan<byte> packet = header.Packet;
        protocol = header.NextHeader;
        offset = Ipv6Header.Length;
        while (IsExtensionHeader(protocol))
        {
            if (packet.Length - offset < 2)
                return UpperLayerResult.Truncated; // RFC 8200 §4: Next Header and Hdr Ext Len come first
            if (protocol == IpProtocols.Fragment && !IsFirstFragment(packet[offset..]))
            {
                protocol = packet[offset]; // what the fragmentable part carries, though its header is elsewhere
                return UpperLayerResult.NotFirstFragment;
            }
            int length = HeaderLength(protocol, packet[offset + 1]);
            if (packet.Length - offset < length)
                return UpperLayerResult.Truncated;
            protocol = packet[offset];
            offset += length;
        }
        return UpperLayerResult.Found;
    }

    private static bool IsExtensionHeader(byte protocol) => protocol is
        IpProtocols.HopByHopOptions or IpProtocols.Routing or IpProtocols.Fragment or IpProtocols.DestinationOptions
        or IpProtocols.AuthenticationHeader or IpProtocols.Mobility or IpProtocols.Hip or IpProtocols.Shim6;

    /// <summary>RFC 8200 §4.5: Fragment Offset 0 marks the first fragment, which holds the upper-layer header.
    /// Fewer than 4 bytes cannot hold the offset: the caller then reports truncation.</summary>
    private static bool IsFirstFragment(ReadOnlySpan<byte> fragmentHeader) =>
        fragmentHeader.Length < 4 || BinaryPrimitives.ReadUInt16BigEndian(fragmentHeader[2..]) >> 3 == 0;

    /// <summary>Header length in octets from its Hdr Ext Len octet.</summary>
    private static int HeaderLength(byte protocol, byte extLength) => protocol switch
    {
        IpProtocols.Fragment => FragmentHeaderLength,        // RFC 8200 §4.5: fixed, the second octet is reserved
        IpProtocols.AuthenticationHeader => 4 * (extLength + 2), // RFC 4302 §2.2: 4-octet units, minus 2
        _ => 8 * (extLength + 1),                           // RFC 8200 §4.3–4.6, RFC 6564 §4: 8-octet units past the first 8
    };
}

using System.Buffers.Binary;

namespace DualHome.Wire.Ipv6;

/// <summary>Writes an RFC 8200 §3 fixed header with traffic class and flow label 0.</summary>
public static class Ipv6HeaderWriter
{
    /// <summary>
    /// False, and nothing written, when <paramref name="packet"/> is shorter than 40 bytes, an address is not 16
    /// bytes, or <paramref name="payloadLength"/> does not fit the 16-bit field (RFC 8200 §3).
    /// </summary>
    public static bool TryWrite(
        Span<byte> packet, int payloadLength, byte nextHeader, byte hopLimit,
        ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
    {
        if (packet.Length < Ipv6Header.Length || payloadLength is < 0 or > ushort.MaxValue)
            return false;
        if (source.Length != Ipv6Bytes.AddressLength || destination.Length != Ipv6Bytes.AddressLength)
            return false;
        BinaryPrimitives.WriteUInt32BigEndian(packet, 6u << 28); // version 6, traffic class 0, flow label 0
        BinaryPrimitives.WriteUInt16BigEndian(packet[4..], (ushort)payloadLength);
        packet[6] = nextHeader;
        packet[Ipv6Header.HopLimitOffset] = hopLimit;
        source.CopyTo(packet[8..]);
        destination.CopyTo(packet[24..]);
        return true;
    }
}

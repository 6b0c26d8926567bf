using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace DualHome.Testbed.Traffic;

/// <summary>
/// Ethernet II + IPv6 + UDP frames for the load generator, written here on their own (not with the code under test)
/// so that a mistake in the daemon's packet code cannot cancel out in the benchmark.
/// </summary>
public static class UdpFrame
{
    public const int EthernetLength = 14;
    public const int Ipv6Length = 40; // RFC 8200 §3
    public const int UdpHeaderLength = 8; // RFC 768
    public const ushort EtherTypeIpv6 = 0x86DD; // RFC 2464 §3
    public const byte NextHeaderUdp = 17;
    public const ushort DiscardPort = 9; // RFC 863: nobody answers, the ISP drops it early anyway
    public const int MinimumLength = EthernetLength + Ipv6Length + UdpHeaderLength;

    /// <summary>
    /// A frame of exactly <paramref name="length"/> bytes (without FCS): the bytes after the UDP header are zero UDP
    /// payload, so the IPv6 and UDP lengths describe the whole frame (no Ethernet trailer). Hop limit 64; the UDP
    /// checksum is filled in (RFC 8200 §8.1: mandatory over IPv6).
    /// </summary>
    public static byte[] Build(PhysicalAddress to, PhysicalAddress from, IPAddress source, IPAddress destination,
        ushort sourcePort, ushort destinationPort = DiscardPort, int length = 64)
    {
        if (length < MinimumLength) throw new ArgumentOutOfRangeException(nameof(length), $"at least {MinimumLength} bytes");
        if (source.AddressFamily != AddressFamily.InterNetworkV6 || destination.AddressFamily != AddressFamily.InterNetworkV6)
            throw new ArgumentException("IPv6 addresses only");
        var frame = new byte[length];
        to.GetAddressBytes().CopyTo(frame, 0);
        from.GetAddressBytes().CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), EtherTypeIpv6);
        var ip = frame.AsSpan(EthernetLength);
        var udpLength = (ushort)(length - EthernetLength - Ipv6Length);
        ip[0] = 0x60; // version 6, traffic class 0, flow label 0
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], udpLength); // payload length
        ip[6] = NextHeaderUdp;
        ip[7] = 64; // hop limit
        source.TryWriteBytes(ip[8..24], out _);
        destination.TryWriteBytes(ip[24..40], out _);
        var udp = ip[Ipv6Length..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], udpLength);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], Checksum(ip[8..40], udp));
        return frame;
    }

    /// <summary>
    /// UDP checksum over the IPv6 pseudo-header (RFC 8200 §8.1: source, destination, upper-layer length, next header)
    /// and the datagram (checksum field zero); a computed 0 is sent as 0xFFFF (RFC 768).
    /// </summary>
    public static ushort Checksum(ReadOnlySpan<byte> addresses, ReadOnlySpan<byte> datagram)
    {
        uint sum = Sum(addresses) + (uint)datagram.Length + NextHeaderUdp;
        sum += Sum(datagram[..6]) + Sum(datagram[8..]); // skip the checksum field
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
        var result = (ushort)~sum;
        return result == 0 ? (ushort)0xFFFF : result;
    }

    /// <summary>Sum of big-endian 16-bit words (an odd last byte is padded with zero).</summary>
    private static uint Sum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        if (data.Length % 2 == 1) sum += (uint)data[^1] << 8;
        return sum;
    }
}

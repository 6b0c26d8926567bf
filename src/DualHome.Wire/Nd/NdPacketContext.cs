using System.Net;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Nd;

/// <summary>
/// What the IPv6 header said about a received ND message: hop limit, source and destination (16 bytes each),
/// and whether the ICMPv6 checksum still needs checking. The ICMP code is read from the message itself.
/// </summary>
public readonly ref struct NdPacketContext
{
    public NdPacketContext(byte hopLimit, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, bool verifyChecksum)
    {
        Ipv6Bytes.RequireLength(source, nameof(source));
        Ipv6Bytes.RequireLength(destination, nameof(destination));
        HopLimit = hopLimit;
        Source = source;
        Destination = destination;
        VerifyChecksum = verifyChecksum;
    }

    public NdPacketContext(byte hopLimit, IPAddress source, IPAddress destination, bool verifyChecksum)
        : this(hopLimit, Bytes(source, nameof(source)), Bytes(destination, nameof(destination)), verifyChecksum)
    {
    }

    public byte HopLimit { get; }
    public ReadOnlySpan<byte> Source { get; }
    public ReadOnlySpan<byte> Destination { get; }
    public bool VerifyChecksum { get; }

    /// <summary>A raw ICMPv6 socket: Linux verifies the checksum before the socket sees the message (net/ipv6/raw.c).</summary>
    public static NdPacketContext FromRawSocket(byte hopLimit, IPAddress source, IPAddress destination) =>
        new(hopLimit, source, destination, verifyChecksum: false);

    /// <summary>A frame from a packet socket or the data plane: nothing has checked the checksum yet.</summary>
    public static NdPacketContext FromFrame(byte hopLimit, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination) =>
        new(hopLimit, source, destination, verifyChecksum: true);

    private static byte[] Bytes(IPAddress address, string parameterName)
    {
        Ipv6Bytes.RequireIpv6(address, parameterName);
        return address.GetAddressBytes();
    }
}

using System.Buffers.Binary;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Icmpv6;

/// <summary>
/// Builds a whole Ethernet + IPv6 + ICMPv6 error frame (Destination Unreachable §3.1, Packet Too Big §3.2,
/// Time Exceeded §3.3 of RFC 4443) answering an invoking frame, into a caller-supplied buffer, checksum filled.
/// Never allocates, never throws: a refused or impossible build returns 0 with the reason.
/// </summary>
public static class Icmpv6ErrorBuilder
{
    /// <summary>RFC 4443 §3.1–§3.3: type, code, checksum, then 32 bits (unused, or the MTU).</summary>
    public const int MessageHeaderLength = 8;

    /// <summary>RFC 4443 §2.4 (c): as much of the invoking packet as fits in the minimum MTU (RFC 8200 §5).</summary>
    public const int MaxInvokingLength = Ipv6Header.MinimumMtu - Ipv6Header.Length - MessageHeaderLength;

    /// <summary>The largest frame built: Ethernet header plus a 1280-byte IPv6 packet.</summary>
    public const int MaxFrameLength = EthernetFrame.HeaderLength + Ipv6Header.MinimumMtu;

    /// <summary>The IANA default hop limit (the value Linux uses for its own ICMPv6 errors).</summary>
    public const byte HopLimit = 64;

    /// <summary>
    /// Writes the error frame into <paramref name="buffer"/> and returns its length; 0 with the reason when RFC 4443
    /// §2.4 (e) forbids an answer or the frame cannot be built. The frame goes back to the invoking frame's sender
    /// (Ethernet destination = its source MAC; IPv6 destination = its source address) from
    /// <paramref name="routerMac"/> and <paramref name="routerAddress"/>. <paramref name="buffer"/> must not overlap
    /// <paramref name="invokingFrame"/>.
    /// </summary>
    public static int TryBuild(
        Span<byte> buffer, ReadOnlySpan<byte> invokingFrame, Icmpv6Error error,
        Mac routerMac, ReadOnlySpan<byte> routerAddress, out Icmpv6ErrorRefusal refusal)
    {
        refusal = Icmpv6ErrorEligibility.Check(invokingFrame, error, out EthernetFrame invoking, out Ipv6Header ip);
        if (refusal == Icmpv6ErrorRefusal.None && !IsUnicast(routerAddress))
            refusal = Icmpv6ErrorRefusal.BadRouterAddress;
        int quoted = Math.Min(ip.Packet.Length, MaxInvokingLength);
        int length = EthernetFrame.HeaderLength + Ipv6Header.Length + MessageHeaderLength + quoted;
        if (refusal == Icmpv6ErrorRefusal.None && buffer.Length < length)
            refusal = Icmpv6ErrorRefusal.BufferTooSmall;
        if (refusal != Icmpv6ErrorRefusal.None)
            return 0;
        Span<byte> frame = buffer[..length];
        EthernetFrame.TryWriteHeader(frame, invoking.Source, routerMac, EtherTypes.Ipv6);
        Span<byte> packet = frame[EthernetFrame.HeaderLength..];
        Ipv6HeaderWriter.TryWrite(packet, length - EthernetFrame.HeaderLength - Ipv6Header.Length, IpProtocols.Icmpv6, HopLimit, routerAddress, ip.Source);
        WriteMessage(packet[Ipv6Header.Length..], error, ip.Packet[..quoted], routerAddress, ip.Source);
        return length;
    }

    private static void WriteMessage(
        Span<byte> icmp, Icmpv6Error error, ReadOnlySpan<byte> quoted, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
    {
        icmp[0] = error.Type;
        icmp[1] = error.Code;
        BinaryPrimitives.WriteUInt16BigEndian(icmp[2..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(icmp[4..], error.Parameter); // §3.2 MTU; §3.1, §3.3 "Unused", zero
        quoted.CopyTo(icmp[MessageHeaderLength..]);
        Icmpv6Checksum.Fill(icmp, source, destination); // §2.3
    }

    /// <summary>RFC 4443 §2.2: the source of an error is a unicast address of the node.</summary>
    private static bool IsUnicast(ReadOnlySpan<byte> address) =>
        address.Length == Ipv6Bytes.AddressLength && !Ipv6Bytes.IsUnspecified(address) && !Ipv6Bytes.IsMulticast(address);
}

using DualHome.Wire.Ethernet;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Icmpv6;

/// <summary>RFC 4443 §2.4 (e): the packets an ICMPv6 error must never answer. Allocation-free.</summary>
public static class Icmpv6ErrorEligibility
{
    /// <summary><see cref="Icmpv6ErrorRefusal.None"/> when <paramref name="error"/> may answer the invoking frame.</summary>
    public static Icmpv6ErrorRefusal Check(ReadOnlySpan<byte> invokingFrame, Icmpv6Error error) =>
        Check(invokingFrame, error, out _, out _);

    /// <summary>Also hands back the parsed invoking frame, for the builder.</summary>
    internal static Icmpv6ErrorRefusal Check(
        ReadOnlySpan<byte> invokingFrame, Icmpv6Error error, out EthernetFrame ethernet, out Ipv6Header ip)
    {
        ip = default;
        if (EthernetFrame.TryRead(invokingFrame, out ethernet) != EthernetReadResult.Ok || ethernet.EtherType != EtherTypes.Ipv6)
            return Icmpv6ErrorRefusal.Malformed;
        if (Ipv6Header.TryRead(ethernet.Payload, ethernet.MayBePadded, out ip) != Ipv6ReadResult.Ok)
            return Icmpv6ErrorRefusal.Malformed;
        Icmpv6ErrorRefusal refusal = CheckIcmpv6Type(ip);
        if (refusal != Icmpv6ErrorRefusal.None)
            return refusal;
        return CheckAddresses(ethernet, ip, error);
    }

    /// <summary>§2.4 (e.1) no error about an error, (e.2) nor about a Redirect.</summary>
    private static Icmpv6ErrorRefusal CheckIcmpv6Type(Ipv6Header ip)
    {
        UpperLayerResult walk = ExtensionHeaders.FindUpperLayer(ip, out byte protocol, out int offset);
        if (walk == UpperLayerResult.Truncated)
            return Icmpv6ErrorRefusal.UndeterminedIcmpv6Type; // cannot rule out (e.1), as Linux's is_ineligible
        if (protocol != IpProtocols.Icmpv6)
            return Icmpv6ErrorRefusal.None;
        if (walk == UpperLayerResult.NotFirstFragment || offset >= ip.Packet.Length)
            return Icmpv6ErrorRefusal.UndeterminedIcmpv6Type;
        byte type = ip.Packet[offset];
        if (Icmpv6Error.IsErrorType(type))
            return Icmpv6ErrorRefusal.InvokingIsError; // (e.1)
        return type == Icmpv6Error.RedirectType ? Icmpv6ErrorRefusal.InvokingIsRedirect : Icmpv6ErrorRefusal.None; // (e.2)
    }

    private static Icmpv6ErrorRefusal CheckAddresses(EthernetFrame ethernet, Ipv6Header ip, Icmpv6Error error)
    {
        // (e.3)–(e.5) except "(1) the Packet Too Big Message (Section 3.2) to allow Path MTU discovery to work for
        // IPv6 multicast" (the other exception, Parameter Problem code 2, is never originated here).
        bool multicastAllowed = error.Type == Icmpv6Error.PacketTooBigType;
        if (Ipv6Bytes.IsMulticast(ip.Destination) && !multicastAllowed)
            return Icmpv6ErrorRefusal.MulticastDestination; // (e.3)
        if (ethernet.Destination.IsMulticast && !multicastAllowed)
            return Icmpv6ErrorRefusal.LinkLayerMulticast; // (e.4) multicast, (e.5) broadcast (the I/G bit is set in both)
        ReadOnlySpan<byte> source = ip.Source;
        if (Ipv6Bytes.IsUnspecified(source) || Ipv6Bytes.IsMulticast(source) || Ipv6Bytes.IsLoopback(source))
            return Icmpv6ErrorRefusal.SourceNotUnique; // (e.6)
        return Icmpv6ErrorRefusal.None;
    }
}

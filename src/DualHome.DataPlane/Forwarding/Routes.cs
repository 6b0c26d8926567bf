using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Prefixes;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Ipv6;

namespace DualHome.DataPlane.Forwarding;

/// <summary>
/// Routing for a unicast, non-local packet: LAN → uplink by source prefix (source-address-dependent routing), and
/// uplink → LAN by destination prefix; then hop limit, MTU and next-hop resolution, in the order Linux's
/// ip6_forward checks them.
/// </summary>
internal static class Routes
{
    public static ForwardDecision FromLan(ForwarderConfig config, Ipv6Header ip, int ipLength, Mac from)
    {
        if (config.LanDestinations.Covers(ip.Destination))
            return Deliver(config.Lan, Port.Lan, ip, ip.Destination, ipLength); // back onto the link it came from
        if (!config.SiteSources.TryLookup(ip.Source, out int uplink, out _))
            return ToPeer(config, ip, ipLength, from);
        if (config.SiteSources.Covers(ip.Destination))
            return ForwardDecision.Drop(DropReason.NoRoute); // RFC 7084 §4.2 WPD-5: a delegated prefix not on the LAN
        UplinkConfig? exit = config.UplinkOf(uplink);
        if (exit is null || !exit.IsUp)
            return PolicyFailure(DropReason.UplinkDown); // RFC 7084 §4.3 L-14: so the host retries from another address
        return Deliver(exit.Port, Port.Uplink(uplink), ip, exit.GatewayBytes, ipLength);
    }

    /// <summary>Issue 10: a source in a peer exit router's prefix goes to that router on the LAN (its MAC, learnt from
    /// its RAs' SLLA), never out of this router's ISP, which would drop it. Nothing that came from a peer goes to a peer
    /// again. A dead peer's prefix gets code 5, like an own dead uplink's; a source in no prefix at all is BCP 38's.</summary>
    private static ForwardDecision ToPeer(ForwarderConfig config, Ipv6Header ip, int ipLength, Mac from)
    {
        if (!config.PeerSources.TryLookup(ip.Source, out int peer, out _))
            return PolicyFailure(DropReason.SourceNotInSite); // BCP 38 (RFC 2827): never forwarded
        if (config.IsPeerMac(from))
            return ForwardDecision.Drop(DropReason.PeerLoop);
        if (peer == ForwarderConfig.DeadPeer)
            return PolicyFailure(DropReason.PeerDown);
        if (ip.HopLimit <= 1)
            return ForwardDecision.Answer(Icmpv6Error.HopLimitExceeded, DropReason.HopLimitExceeded);
        if (ipLength > config.Lan.Mtu)
            return ForwardDecision.Answer(Icmpv6Error.PacketTooBig((uint)config.Lan.Mtu), DropReason.TooBig);
        return ForwardDecision.Forward(Port.Lan, config.Lan.Mac, config.PeerNextHopAt(peer));
    }

    public static ForwardDecision FromUplink(ForwarderConfig config, Ipv6Header ip, int ipLength)
    {
        if (!config.LanDestinations.Covers(ip.Destination))
            return ForwardDecision.Drop(DropReason.NoRoute); // no transit between uplinks; no error leaks to an ISP
        return Deliver(config.Lan, Port.Lan, ip, ip.Destination, ipLength);
    }

    /// <summary>RFC 4443 §3.1 code 5, "source address failed ingress/egress policy".</summary>
    private static ForwardDecision PolicyFailure(DropReason reason) =>
        ForwardDecision.Answer(Icmpv6Error.SourceAddressFailedPolicy, reason);

    private static ForwardDecision Deliver(PortConfig egress, Port port, Ipv6Header ip, ReadOnlySpan<byte> nextHop, int ipLength)
    {
        if (ip.HopLimit <= 1)
            return ForwardDecision.Answer(Icmpv6Error.HopLimitExceeded, DropReason.HopLimitExceeded); // RFC 8200 §3, RFC 4443 §3.3
        if (ipLength > egress.Mtu)
            return ForwardDecision.Answer(Icmpv6Error.PacketTooBig((uint)egress.Mtu), DropReason.TooBig); // RFC 8200 §5, RFC 4443 §3.2
        if (egress.Neighbors.TryGet(nextHop, out Mac mac))
            return ForwardDecision.Forward(port, egress.Mac, mac);
        Ipv6Key.TryRead(nextHop, out UInt128 address);
        return ForwardDecision.Await(port, address); // RFC 4861 §7.2.2: queue while resolving
    }
}

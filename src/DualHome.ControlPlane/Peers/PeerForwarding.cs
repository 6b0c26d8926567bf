using System.Net;
using System.Net.NetworkInformation;

namespace DualHome.ControlPlane.Peers;

/// <summary>Where a packet from the LAN goes (issue 10).</summary>
public enum PeerVerdict
{
    /// <summary>Its source is in one of this router's prefixes: out of this router's own ISP.</summary>
    Local,
    /// <summary>Its source is in a live peer's prefix: to that peer (not to this ISP, which would drop it, and without
    /// an ICMPv6 Redirect, which would pin the destination to one router for every source).</summary>
    ToPeer,
    /// <summary>Its source is in a dead peer's prefix or in no site prefix: ICMPv6 code 5 (RFC 7084 L-14, BCP 38).</summary>
    Refuse,
}

/// <summary>
/// The forwarding decision of an exit router with peers, by source address (RFC 8678 §4: source address dependent
/// routing across routers). The loop rule: a packet that came from a peer (its Ethernet source is a peer's MAC) is
/// never sent to a peer again; if its source is not this router's own, it is refused, so two routers that each believe
/// the other owns a prefix cannot ping-pong a packet.
/// </summary>
public static class PeerForwarding
{
    public static (PeerVerdict Verdict, Peer? Peer) Decide(IPAddress source, PhysicalAddress? fromMac, PeerTable peers,
        IReadOnlyList<IPNetwork> ownPrefixes)
    {
        if (ownPrefixes.Any(p => p.Contains(source))) return (PeerVerdict.Local, null);
        if (fromMac is not null && peers.Snapshot().Any(p => fromMac.Equals(p.Mac))) return (PeerVerdict.Refuse, null);
        return peers.OwnerOf(source) is { } peer ? (PeerVerdict.ToPeer, peer) : (PeerVerdict.Refuse, null);
    }
}

using System.Net;
using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;
using static DualHome.DataPlane.Tests.Support.Site;

namespace DualHome.DataPlane.Tests.Forwarding;

/// <summary>Issue 10 in packet mode: a source in a peer exit router's prefix goes back onto the LAN to that router's
/// MAC, a dead peer's prefix gets code 5, and nothing that came from a peer is sent to a peer again.</summary>
public sealed class PeerForwardingTests
{
    private const string PeerMac = "00:00:5e:00:53:c1", HostC = "2001:db8:c:1::1234";
    private static readonly IPNetwork PrefixC = IPNetwork.Parse("2001:db8:c:1::/64");
    private readonly Site _site = new();

    private void Peers(Mac? nextHop) => _site.Forwarder.Reconfigure(
        _site.Forwarder.Config.WithPeers([new PeerNextHop(PrefixC, nextHop)], [Mac.Parse(PeerMac)]));

    [Fact]
    public void A_live_peers_prefix_goes_to_the_peer_on_the_lan_with_the_hop_limit_decremented()
    {
        Peers(Mac.Parse(PeerMac));
        var frame = Frames.Ipv6(HostC, Server, hopLimit: 64);
        var decision = _site.Classify(frame, Port.Lan);
        Assert.Equal(ForwardAction.ForwardToLan, decision.Action);
        Assert.Equal(Mac.Parse(PeerMac), decision.NextHop);
        Assert.Equal(Mac.Parse(RouterMac), decision.EgressMac);
        Assert.True(Forwarder.TryRewrite(frame, decision));
        Assert.Equal("00005e0053c1" + "00005e005301", Convert.ToHexString(frame, 0, 12).ToLowerInvariant());
        Assert.Equal(63, frame[EthernetFrame.HeaderLength + 7]);
        Assert.Empty(_site.Drops.Snapshot());
    }

    [Fact]
    public void Own_prefixes_still_leave_by_their_own_uplink()
    {
        Peers(Mac.Parse(PeerMac));
        Assert.Equal(WanA, _site.Classify(Frames.Ipv6(HostA, Server), Port.Lan).Egress);
    }

    [Fact]
    public void A_dead_peers_prefix_is_answered_with_code_5()
    {
        Peers(null);
        var decision = _site.Classify(Frames.Ipv6(HostC, Server), Port.Lan);
        Assert.Equal(ForwardAction.IcmpError, decision.Action);
        Assert.Equal(Icmpv6Error.SourceAddressFailedPolicy, decision.Error);
        Assert.Equal(1, _site.Drops.Get(Port.Lan, DropReason.PeerDown));
    }

    /// <summary>The ping-pong case: the peer sent us a packet from C (it believes we forward C) while we believe the
    /// peer does. It is dropped here, not sent back.</summary>
    [Fact]
    public void A_packet_from_a_peer_is_never_sent_to_a_peer_again()
    {
        Peers(Mac.Parse(PeerMac));
        var decision = _site.Classify(Frames.Ipv6(HostC, Server, srcMac: PeerMac), Port.Lan);
        Assert.Equal(ForwardAction.Drop, decision.Action);
        Assert.Equal(1, _site.Drops.Get(Port.Lan, DropReason.PeerLoop));
    }

    [Fact]
    public void Hop_limit_and_lan_mtu_are_checked_before_going_to_a_peer()
    {
        Peers(Mac.Parse(PeerMac));
        Assert.Equal(Icmpv6Error.HopLimitExceeded, _site.Classify(Frames.Ipv6(HostC, Server, hopLimit: 1), Port.Lan).Error);
        Assert.Equal(Icmpv6Error.PacketTooBig(1500), _site.Classify(Frames.Ipv6(HostC, Server, payloadLength: 1461), Port.Lan).Error);
    }

    [Fact]
    public void Without_peers_a_foreign_source_is_still_bcp38s()
    {
        Assert.Equal(DropReason.SourceNotInSite, _site.Classify(Frames.Ipv6(HostC, Server), Port.Lan).Reason);
    }

    [Fact]
    public void An_uplink_flip_keeps_the_peers()
    {
        Peers(Mac.Parse(PeerMac));
        _site.SetUp(0, false);
        Assert.Equal(ForwardAction.ForwardToLan, _site.Classify(Frames.Ipv6(HostC, Server), Port.Lan).Action);
    }
}

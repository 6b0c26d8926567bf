using System.Net;
using System.Net.NetworkInformation;
using DualHome.ControlPlane.Peers;
using DualHome.Wire.Nd;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Peers;

/// <summary>Issue 10, first part: the peer exit routers learnt from their RAs, and the forwarding decision by source.</summary>
public sealed class PeerTableTests
{
    private static readonly IPNetwork A = IPNetwork.Parse("2001:db8:a:1::/64"), B = IPNetwork.Parse("2001:db8:b:1::/64");
    private static readonly IPAddress RouterB = IPAddress.Parse("fe80::b"), Stranger = IPAddress.Parse("fe80::c");
    private static readonly PhysicalAddress MacB = PhysicalAddress.Parse("02-00-00-00-00-0B");
    private static readonly PhysicalAddress HostMac = PhysicalAddress.Parse("02-00-00-00-00-01");
    private static readonly IPAddress FromA = IPAddress.Parse("2001:db8:a:1::10"), FromB = IPAddress.Parse("2001:db8:b:1::10");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    private static Wire.Nd.RouterAdvertisement Ra(ushort lifetime, params PrefixInformation[] prefixes) =>
        new() { RouterLifetime = lifetime, SourceLinkLayerAddress = MacB, Prefixes = prefixes };

    private static PrefixInformation Pio(IPNetwork p, uint valid = 5400, uint preferred = 2700) => new(p, true, true, valid, preferred);

    private PeerTable RouterA() => new(_time, [A]);

    [Fact]
    public void A_peer_is_learnt_with_its_mac_and_prefixes()
    {
        var table = RouterA();
        var seen = new List<Peer>();
        table.Changed += seen.Add;
        table.OnAdvertisement(RouterB, Ra(1800, Pio(B)));
        var peer = Assert.Single(table.Snapshot());
        Assert.Equal(RouterB, peer.LinkLocal);
        Assert.Equal(MacB, peer.Mac);
        Assert.Equal(B, Assert.Single(peer.Prefixes).Prefix);
        table.OnAdvertisement(RouterB, Ra(1800, Pio(B))); // the same again: no change raised
        Assert.Single(seen);
    }

    [Fact]
    public void Own_prefixes_are_never_a_peers_and_off_link_or_non_slaac_ones_do_not_count()
    {
        var table = RouterA();
        table.OnAdvertisement(RouterB, Ra(1800, Pio(A), Pio(B), new PrefixInformation(IPNetwork.Parse("2001:db8:c:1::/64"), false, true, 5400, 2700)));
        Assert.Equal([B], table.Snapshot()[0].Prefixes.Select(p => p.Prefix));
        Assert.Null(table.OwnerOf(FromA));
    }

    [Fact]
    public void Source_decides_local_peer_or_refused()
    {
        var table = RouterA();
        table.OnAdvertisement(RouterB, Ra(1800, Pio(B)));
        Assert.Equal(PeerVerdict.Local, PeerForwarding.Decide(FromA, HostMac, table, [A]).Verdict);
        var (verdict, peer) = PeerForwarding.Decide(FromB, HostMac, table, [A]);
        Assert.Equal(PeerVerdict.ToPeer, verdict);
        Assert.Equal(RouterB, peer!.LinkLocal);
        Assert.Equal(PeerVerdict.Refuse, PeerForwarding.Decide(IPAddress.Parse("2001:db8:ffff::1"), HostMac, table, [A]).Verdict);
    }

    [Fact]
    public void A_dead_peer_or_an_expired_prefix_gets_nothing_forwarded()
    {
        var table = RouterA();
        table.OnAdvertisement(RouterB, Ra(1800, Pio(B, valid: 100)));
        _time.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(PeerVerdict.Refuse, PeerForwarding.Decide(FromB, HostMac, table, [A]).Verdict);
        table.OnAdvertisement(RouterB, Ra(1800, Pio(B)));
        table.MarkDead(RouterB);
        Assert.Equal(PeerVerdict.Refuse, PeerForwarding.Decide(FromB, HostMac, table, [A]).Verdict);
        Assert.False(table.Snapshot()[0].Alive);
        table.OnAdvertisement(RouterB, Ra(1800, Pio(B))); // it is back
        Assert.Equal(PeerVerdict.ToPeer, PeerForwarding.Decide(FromB, HostMac, table, [A]).Verdict);
    }

    /// <summary>Two routers that both believe the other owns a prefix: router A sends a packet from prefix C to B; B,
    /// seeing it come from A's MAC, must not send it back.</summary>
    [Fact]
    public void A_packet_from_a_peer_is_never_sent_to_a_peer_again()
    {
        var c = IPNetwork.Parse("2001:db8:c:1::/64");
        var fromC = IPAddress.Parse("2001:db8:c:1::10");
        var macA = PhysicalAddress.Parse("02-00-00-00-00-0A");
        var atA = new PeerTable(_time, [A]);
        var atB = new PeerTable(_time, [B]);
        atA.OnAdvertisement(RouterB, Ra(1800, Pio(B), Pio(c)));                                        // A thinks B owns C
        atB.OnAdvertisement(IPAddress.Parse("fe80::a"), Ra(1800, Pio(A), Pio(c)) with { SourceLinkLayerAddress = macA }); // B thinks A owns C
        Assert.Equal(PeerVerdict.ToPeer, PeerForwarding.Decide(fromC, HostMac, atA, [A]).Verdict);     // host → A → B
        Assert.Equal(PeerVerdict.Refuse, PeerForwarding.Decide(fromC, macA, atB, [B]).Verdict);        // B: from a peer, refused
    }

    [Fact]
    public void The_table_is_bounded()
    {
        var table = RouterA();
        for (int i = 0; i < PeerTable.MaxPeers + 5; i++)
            table.OnAdvertisement(IPAddress.Parse($"fe80::{i + 1:x}"), Ra(1800, Pio(B)));
        Assert.Equal(PeerTable.MaxPeers, table.Snapshot().Count);
        Assert.Equal(5, table.Ignored);
        table.OnAdvertisement(Stranger, Ra(1800));
        Assert.Equal(6, table.Ignored);
    }
}

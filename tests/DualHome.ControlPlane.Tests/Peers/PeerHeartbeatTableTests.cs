using System.Net;
using System.Net.NetworkInformation;
using DualHome.ControlPlane.Peers;
using DualHome.Wire.Nd;
using DualHome.Wire.Peers;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Peers;

/// <summary>Issue 10: peers' heartbeats, their death and return, and what the router then does (the plan).</summary>
public sealed class PeerHeartbeatTableTests
{
    private static readonly IPNetwork A = IPNetwork.Parse("2001:db8:a:1::/64"), B = IPNetwork.Parse("2001:db8:b:1::/64");
    private static readonly IPAddress RouterA = IPAddress.Parse("fe80::a"), RouterAGlobal = IPAddress.Parse("2001:db8:a:1::1");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The table of router B, which forwards B itself.</summary>
    private PeerTable AtB() => new(_time, [B]);

    private static PeerHeartbeat Beat(bool preferred = true, ushort intervalMs = 100) =>
        new(intervalMs, 1, [new HeartbeatPrefix(RouterAGlobal, 64, preferred), new HeartbeatPrefix(IPAddress.Parse("2001:db8:b:1::1"), 64, true)]);

    private static Wire.Nd.RouterAdvertisement RaOfA(uint valid = 5400, uint preferred = 2700) => new()
    {
        RouterLifetime = 1800, SourceLinkLayerAddress = PhysicalAddress.Parse("02-00-00-00-00-0A"),
        Prefixes = [new PrefixInformation(A, true, true, valid, preferred)],
    };

    private PeerPlan Plan(PeerTable t) => PeerPlan.Make(t.Snapshot(), [B], _time.GetUtcNow());

    [Fact]
    public void A_heartbeat_says_what_the_peer_forwards_and_through_which_address()
    {
        var table = AtB();
        table.OnAdvertisement(RouterA, RaOfA());
        table.OnHeartbeat(RouterA, Beat());
        var peer = Assert.Single(table.Snapshot());
        Assert.Equal([A], peer.Claimed.Select(c => c.Prefix)); // B's own prefix in A's heartbeat is ignored
        Assert.Equal([new PeerRoute(A, RouterAGlobal)], Plan(table).Forward);
        Assert.Empty(Plan(table).Refuse);
        Assert.Empty(Plan(table).Deprecate);
    }

    [Fact]
    public void The_ra_and_the_heartbeat_of_one_router_make_one_peer_whatever_the_scope_id()
    {
        var table = AtB();
        table.OnAdvertisement(new IPAddress(RouterA.GetAddressBytes(), 2), RaOfA()); // the ND socket says %lan0
        table.OnHeartbeat(RouterA, Beat());
        var peer = Assert.Single(table.Snapshot());
        Assert.Equal(RouterA, peer.LinkLocal);
        Assert.NotEmpty(peer.Prefixes);
        Assert.NotEmpty(peer.Claimed);
    }

    [Fact]
    public void Silence_for_dead_after_intervals_kills_the_peer_and_its_prefix_is_refused_and_deprecated()
    {
        var table = AtB();
        var changes = new List<Peer>();
        table.Changed += changes.Add;
        table.OnAdvertisement(RouterA, RaOfA(valid: 5400));
        table.OnHeartbeat(RouterA, Beat());
        _time.Advance(TimeSpan.FromMilliseconds(300));
        table.Sweep(deadAfter: 3);
        Assert.True(table.Snapshot()[0].Alive); // exactly 3 intervals: not yet
        _time.Advance(TimeSpan.FromMilliseconds(1));
        table.Sweep(deadAfter: 3);
        Assert.False(table.Snapshot()[0].Alive);
        Assert.False(changes[^1].Alive);
        _time.Advance(TimeSpan.FromSeconds(60));
        var plan = Plan(table);
        Assert.Empty(plan.Forward);
        Assert.Equal([A], plan.Refuse);
        Assert.Equal([new OnBehalf(A, 5400 - 60)], plan.Deprecate); // its last valid lifetime, counted down
    }

    [Fact]
    public void A_returning_peer_is_forwarded_to_again_and_nothing_is_deprecated_for_it()
    {
        var table = AtB();
        table.OnAdvertisement(RouterA, RaOfA());
        table.OnHeartbeat(RouterA, Beat());
        _time.Advance(TimeSpan.FromSeconds(1));
        table.Sweep(3);
        table.OnHeartbeat(RouterA, Beat());
        Assert.True(table.Snapshot()[0].Alive);
        Assert.Equal([new PeerRoute(A, RouterAGlobal)], Plan(table).Forward);
        Assert.Empty(Plan(table).Deprecate);
    }

    [Fact]
    public void A_peer_that_deprecates_its_own_prefix_is_not_undone()
    {
        var table = AtB();
        table.OnAdvertisement(RouterA, RaOfA(preferred: 0)); // its ISP died: it says so itself
        table.OnHeartbeat(RouterA, Beat(preferred: false));
        var plan = Plan(table);
        Assert.Empty(plan.Deprecate); // alive: its own RAs speak for its prefix
        Assert.Equal([new PeerRoute(A, RouterAGlobal)], plan.Forward); // it answers code 5 itself
    }

    [Fact]
    public void A_router_without_heartbeats_is_never_judged_by_them_and_gets_nothing_forwarded_by_route()
    {
        var table = AtB();
        table.OnAdvertisement(RouterA, RaOfA());
        _time.Advance(TimeSpan.FromSeconds(30));
        table.Sweep(3);
        Assert.True(table.Snapshot()[0].Alive);
        var plan = Plan(table);
        Assert.Empty(plan.Forward); // no global next hop known: the kernel route needs one (PeerRoutes)
        Assert.Empty(plan.Refuse);
        Assert.Empty(plan.Deprecate);
    }

    [Fact]
    public void A_dead_peer_is_forgotten_when_its_last_valid_lifetime_runs_out()
    {
        var table = AtB();
        table.OnAdvertisement(RouterA, RaOfA(valid: 120));
        table.OnHeartbeat(RouterA, Beat());
        _time.Advance(TimeSpan.FromSeconds(1));
        table.Sweep(3);
        _time.Advance(TimeSpan.FromSeconds(119));
        table.Sweep(3);
        Assert.Empty(table.Snapshot());
        Assert.Empty(Plan(table).Refuse);
        Assert.Empty(Plan(table).Deprecate);
    }

    [Fact]
    public void A_prefix_a_live_peer_forwards_is_never_refused_even_if_a_dead_one_had_it()
    {
        var table = AtB();
        var other = IPAddress.Parse("fe80::c");
        table.OnAdvertisement(RouterA, RaOfA());
        table.OnHeartbeat(RouterA, Beat());
        table.OnHeartbeat(other, new PeerHeartbeat(1000, 1, [new HeartbeatPrefix(IPAddress.Parse("2001:db8:a:1::2"), 64, true)]));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        table.Sweep(3); // A dies; C (1 s interval) lives on
        var plan = Plan(table);
        Assert.Equal([new PeerRoute(A, IPAddress.Parse("2001:db8:a:1::2"))], plan.Forward);
        Assert.Empty(plan.Refuse);
        Assert.Empty(plan.Deprecate);
    }

    [Fact]
    public void An_interval_of_zero_does_not_make_a_peer_die_between_two_heartbeats()
    {
        var table = AtB();
        table.OnHeartbeat(RouterA, Beat(intervalMs: 0));
        _time.Advance(TimeSpan.FromMilliseconds(20));
        table.Sweep(3);
        Assert.True(table.Snapshot()[0].Alive);
    }

    /// <summary>Two DualHome routers that each claim a prefix both believe is theirs: each keeps it (own wins), so
    /// neither routes it to the other and no packet can go back and forth.</summary>
    [Fact]
    public void Two_routers_claiming_the_same_prefix_never_route_it_to_each_other()
    {
        var atA = new PeerTable(_time, [A]);
        var atB = new PeerTable(_time, [A, B]);
        atA.OnHeartbeat(IPAddress.Parse("fe80::b"), new PeerHeartbeat(100, 1, [new HeartbeatPrefix(IPAddress.Parse("2001:db8:a:1::2"), 64, true)]));
        atB.OnHeartbeat(RouterA, Beat());
        Assert.Empty(PeerPlan.Make(atA.Snapshot(), [A], _time.GetUtcNow()).Forward);
        Assert.Empty(PeerPlan.Make(atB.Snapshot(), [A, B], _time.GetUtcNow()).Forward);
    }
}

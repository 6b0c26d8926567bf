using System.Net;
using DualHome.ControlPlane.Peers;
using DualHome.ControlPlane.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.ControlPlane.Tests.Peers;

/// <summary>Kernel mode: the peer plan becomes routes and ingress rules, and only the difference is changed.</summary>
public sealed class PeerRoutesTests
{
    private static readonly IPNetwork A = IPNetwork.Parse("2001:db8:a:1::/64");
    private static readonly IPAddress ViaA = IPAddress.Parse("2001:db8:a:1::1");
    private readonly FakeNetworkSystem _net = new();

    private PeerRoutes Routes() => new(_net, "lan0", NullLogger.Instance);

    [Fact]
    public void A_live_peer_gets_an_onlink_route_through_its_global_address_and_an_ingress_rule()
    {
        using var routes = Routes();
        routes.Apply(new PeerPlan([new PeerRoute(A, ViaA)], [], []));
        Assert.Equal(["2001:db8:a:1::/64 dev lan0", "default from 2001:db8:a:1::/64 via 2001:db8:a:1::1 dev lan0 onlink"], _net.Routes.Order());
        Assert.Equal([new IngressRule("lan0", A, PeerRoutes.RulePriority)], _net.Rules);
        Assert.InRange(PeerRoutes.RulePriority, SiteSetup.FirstRulePriority + 1, SiteSetup.FirstRulePriority + 99); // before the blackhole
    }

    [Fact]
    public void Death_swaps_the_route_for_a_refusal_deleting_first_and_keeps_the_rule()
    {
        using var routes = Routes();
        routes.Apply(new PeerPlan([new PeerRoute(A, ViaA)], [], []));
        _net.Calls.Clear();
        routes.Apply(new PeerPlan([], [A], [new OnBehalf(A, 5000)]));
        Assert.Equal(["route del default from 2001:db8:a:1::/64 via 2001:db8:a:1::1 dev lan0 onlink",
            "route add prohibit default from 2001:db8:a:1::/64"], _net.Calls);
        Assert.Equal(["2001:db8:a:1::/64 dev lan0", "prohibit default from 2001:db8:a:1::/64"], _net.Routes.Order());
        Assert.Single(_net.Rules);
    }

    [Fact]
    public void The_same_plan_twice_changes_nothing_and_dispose_removes_everything()
    {
        var routes = Routes();
        var plan = new PeerPlan([new PeerRoute(A, ViaA)], [], []);
        routes.Apply(plan);
        int calls = _net.Calls.Count;
        routes.Apply(plan);
        Assert.Equal(calls, _net.Calls.Count);
        routes.Dispose();
        Assert.Empty(_net.Routes);
        Assert.Empty(_net.Rules);
    }

    [Fact]
    public void A_failed_route_is_tried_again_with_the_next_plan()
    {
        using var routes = Routes();
        _net.MissingInterfaces.Add("lan0");
        routes.Apply(new PeerPlan([new PeerRoute(A, ViaA)], [], []));
        Assert.Empty(_net.Routes);
        _net.MissingInterfaces.Clear();
        routes.Apply(new PeerPlan([new PeerRoute(A, ViaA)], [], []));
        Assert.Contains("default from 2001:db8:a:1::/64 via 2001:db8:a:1::1 dev lan0 onlink", _net.Routes);
    }
}

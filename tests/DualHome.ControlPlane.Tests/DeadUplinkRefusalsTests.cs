using System.Net;
using DualHome.ControlPlane.Routing;
using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.ControlPlane.Tests;

/// <summary>Kernel mode, RFC 7084 L-14: a dead uplink's prefix is refused from the LAN, and only while it is dead.</summary>
public sealed class DeadUplinkRefusalsTests
{
    private static readonly IPNetwork A = IPNetwork.Parse("2001:db8:a:1::/64");
    private readonly FakeNetworkSystem _net = new();

    private DeadUplinkRefusals Refusals() => new(_net, "lan0", new Dictionary<string, IPNetwork> { ["a"] = A }, NullLogger.Instance);

    private static UplinkChange Change(UplinkState from, UplinkState to, UplinkOverride over = UplinkOverride.Auto) =>
        new("a", from, to, over, from == UplinkState.Up, to == UplinkState.Up, "test", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_dead_uplink_gets_a_prohibit_rule_before_its_own_and_loses_it_when_back()
    {
        using var refusals = Refusals();
        refusals.OnChanged(Change(UplinkState.Up, UplinkState.Down));
        var rule = Assert.Single(_net.Rules);
        Assert.Equal("rule iif lan0 from 2001:db8:a:1::/64 prohibit pref 990", rule.ToString());
        Assert.True(rule.Priority < SiteSetup.FirstRulePriority);
        refusals.OnChanged(Change(UplinkState.Down, UplinkState.Up));
        Assert.Empty(_net.Rules);
    }

    [Fact]
    public void Starting_standby_and_unknown_uplinks_are_left_alone()
    {
        using var refusals = Refusals();
        refusals.OnChanged(Change(UplinkState.Starting, UplinkState.Up));
        refusals.OnChanged(Change(UplinkState.Up, UplinkState.Up, UplinkOverride.ForceDown)); // the button: its ISP works
        refusals.OnChanged(new UplinkChange("z", UplinkState.Up, UplinkState.Down, UplinkOverride.Auto, true, false, "t", DateTimeOffset.UnixEpoch));
        Assert.Empty(_net.Rules);
    }

    [Fact]
    public void Stopping_removes_the_rules_and_installs_no_more()
    {
        var refusals = Refusals();
        refusals.OnChanged(Change(UplinkState.Up, UplinkState.Down));
        refusals.Dispose();
        Assert.Empty(_net.Rules);
        refusals.OnChanged(Change(UplinkState.Starting, UplinkState.Down));
        Assert.Empty(_net.Rules);
    }
}

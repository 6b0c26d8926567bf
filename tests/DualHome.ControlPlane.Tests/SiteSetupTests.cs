using DualHome.Config;
using DualHome.ControlPlane.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.ControlPlane.Tests;

public class SiteSetupTests
{
    private static SiteConfig Config() => ConfigLoader.LoadJson("""
    { "Lan": { "Interface": "lan0" },
      "Uplinks": [ { "Name": "a", "Interface": "wana", "Gateway": "fe80::1", "LanPrefix": "2001:db8:a:1::/64" },
                   { "Name": "b", "Interface": "wanb", "Gateway": "fe80::1", "LanPrefix": "2001:db8:b:1::/64" } ] }
    """).Config!;

    [Fact]
    public void ApplyConfiguresLanAndOneSourceRoutePerUplink()
    {
        var net = new FakeNetworkSystem();
        var installed = new SiteSetup(net, NullLogger.Instance).Apply(Config());
        Assert.Equal(["a", "b"], installed.Order());
        Assert.Equal("0", net.Sysctls["net/ipv6/conf/lan0/accept_ra"]);
        Assert.Equal("1", net.Sysctls["net/ipv6/conf/all/forwarding"]);
        Assert.Equal(["2001:db8:a:1::1/64 dev lan0", "2001:db8:b:1::1/64 dev lan0"], net.Addresses.Order());
        Assert.Equal(["default from 2001:db8:a:1::/64 via fe80::1 dev wana", "default from 2001:db8:b:1::/64 via fe80::1 dev wanb"],
            net.Routes.Order());
    }

    /// <summary>Packet mode: kernel forwarding off (conf/all), router behaviour kept on each owned interface, in
    /// that order because writing conf/all resets every interface.</summary>
    [Fact]
    public void PacketModeTurnsKernelForwardingOffButKeepsTheOwnedInterfacesRouters()
    {
        var net = new FakeNetworkSystem { Sysctls = { ["net/ipv6/conf/all/forwarding"] = "1" } };
        var config = Config() with { DataPlane = new DataPlaneConfig("packet", 1) };
        var setup = new SiteSetup(net, NullLogger.Instance);
        setup.Apply(config);

        Assert.Equal("0", net.Sysctls["net/ipv6/conf/all/forwarding"]);
        string[] owned = ["lan0", "wana", "wanb"];
        Assert.All(owned, name => Assert.Equal("1", net.Sysctls[$"net/ipv6/conf/{name}/forwarding"]));
        int all = net.Calls.IndexOf("sysctl net/ipv6/conf/all/forwarding=0");
        Assert.All(owned, name => Assert.True(net.Calls.IndexOf($"sysctl net/ipv6/conf/{name}/forwarding=1") > all));

        setup.Revert();
        Assert.Equal("1", net.Sysctls["net/ipv6/conf/all/forwarding"]);
    }

    [Fact]
    public void ForeignSourcesFromTheLanAreDroppedAfterTheSitePrefixesAreRouted()
    {
        var net = new FakeNetworkSystem();
        new SiteSetup(net, NullLogger.Instance).Apply(Config());
        Assert.Equal(
            ["rule iif lan0 from 2001:db8:a:1::/64 lookup main pref 1000",
             "rule iif lan0 from 2001:db8:b:1::/64 lookup main pref 1001",
             "rule iif lan0 blackhole pref 1100"],
            net.Rules.Select(r => r.ToString()));
    }

    [Fact]
    public void RevertRestoresEverythingInReverseOrder()
    {
        var net = new FakeNetworkSystem();
        var setup = new SiteSetup(net, NullLogger.Instance);
        setup.Apply(Config());
        net.Calls.Clear();
        setup.Revert();
        Assert.Empty(net.Addresses);
        Assert.Empty(net.Routes);
        Assert.Empty(net.Rules);
        Assert.Equal("1", net.Sysctls["net/ipv6/conf/lan0/accept_ra"]);
        Assert.Equal("0", net.Sysctls["net/ipv6/conf/all/forwarding"]);
        Assert.Equal("del rule iif lan0 blackhole pref 1100", net.Calls[0]);
        Assert.Equal("sysctl net/ipv6/conf/lan0/accept_ra=1", net.Calls[^1]);
    }

    [Fact]
    public void MissingUplinkInterfaceDisablesOnlyThatUplink()
    {
        var net = new FakeNetworkSystem();
        net.MissingInterfaces.Add("wanb");
        var installed = new SiteSetup(net, NullLogger.Instance).Apply(Config());
        Assert.Equal(["a"], installed);
        Assert.Single(net.Routes);
    }

    [Fact]
    public void SysctlAlreadyRightIsNotTouchedNorRestored()
    {
        var net = new FakeNetworkSystem();
        net.Sysctls["net/ipv6/conf/all/forwarding"] = "1";
        var setup = new SiteSetup(net, NullLogger.Instance);
        setup.Apply(Config());
        setup.Revert();
        Assert.DoesNotContain(net.Calls, c => c.Contains("forwarding"));
    }
}

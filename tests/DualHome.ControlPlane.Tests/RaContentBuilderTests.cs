using System.Net;
using System.Net.NetworkInformation;
using DualHome.Config;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.Wire.Nd;

namespace DualHome.ControlPlane.Tests;

public class RaContentBuilderTests
{
    private static readonly PhysicalAddress Mac = PhysicalAddress.Parse("02-00-00-00-00-01");
    private static readonly IPNetwork A = IPNetwork.Parse("2001:db8:a:1::/64");
    private static readonly IPNetwork B = IPNetwork.Parse("2001:db8:b:1::/64");
    private static readonly IPAddress LanDns = IPAddress.Parse("2001:db8:a:1::53");
    private static readonly IPAddress IspBDns = IPAddress.Parse("2001:db8:b::53");

    private static LanConfig Lan(RaPreference pref = RaPreference.High) => new("lan0", [LanDns], ["example.test"],
        new RaConfig(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), 30, 2700, 5400, 64, null, pref));

    private static UplinkAdvertisement Up(string name, IPNetwork p, bool preferred, params IPAddress[] dns) =>
        new(name, p, preferred, dns);

    [Fact]
    public void BothUpAdvertisesBothPrefixesPreferred()
    {
        var ra = RaContentBuilder.Build(Lan(), Mac, 1500, [Up("a", A, true), Up("b", B, true)]);
        Assert.Equal(30, ra.RouterLifetime);
        Assert.Equal(RouterPreference.High, ra.Preference);
        Assert.Equal(1500u, ra.Mtu);
        Assert.Equal(Mac, ra.SourceLinkLayerAddress);
        Assert.Collection(ra.Prefixes,
            p => Assert.Equal(new PrefixInformation(A, true, true, 5400, 2700), p),
            p => Assert.Equal(new PrefixInformation(B, true, true, 5400, 2700), p));
        Assert.Equal([LanDns], Assert.Single(ra.DnsServers).Servers);
        Assert.Equal(30u, ra.DnsServers[0].Lifetime); // RFC 8106 §5.1: 3 × MaxRtrAdvInterval
        Assert.Equal(["example.test"], Assert.Single(ra.SearchLists).Domains);
    }

    [Fact]
    public void DownUplinkIsDeprecatedButKeepsItsValidLifetime()
    {
        var ra = RaContentBuilder.Build(Lan(), Mac, 1500, [Up("a", A, false), Up("b", B, true)]);
        Assert.Equal(new PrefixInformation(A, true, true, 5400, 0), ra.Prefixes[0]);
        Assert.Equal(2700u, ra.Prefixes[1].PreferredLifetime);
        Assert.Equal(30, ra.RouterLifetime);
    }

    [Fact]
    public void AllDownMeansRouterLifetimeZeroWithMediumPreference()
    {
        var ra = RaContentBuilder.Build(Lan(RaPreference.High), Mac, 1500, [Up("a", A, false), Up("b", B, false)]);
        Assert.Equal(0, ra.RouterLifetime);
        Assert.Equal(RouterPreference.Medium, ra.Preference); // RFC 4191 §2.2
    }

    [Fact]
    public void IspResolversAreWithdrawnWhileTheIspIsDown()
    {
        var up = RaContentBuilder.Build(Lan(), Mac, 1500, [Up("a", A, true), Up("b", B, true, IspBDns)]);
        var down = RaContentBuilder.Build(Lan(), Mac, 1500, [Up("a", A, true), Up("b", B, false, IspBDns)]);
        Assert.Equal(30u, up.DnsServers.Single(d => d.Servers.Contains(IspBDns)).Lifetime);
        Assert.Equal(0u, down.DnsServers.Single(d => d.Servers.Contains(IspBDns)).Lifetime);
        Assert.Equal(30u, down.DnsServers.Single(d => d.Servers.Contains(LanDns)).Lifetime);
    }

    [Theory]
    [InlineData(null, 1500, 1500u)]
    [InlineData(1400, 1500, 1400u)]
    [InlineData(0, 1500, null)]
    public void MtuComesFromConfigOrTheLink(int? configured, int link, uint? expected)
    {
        var lan = Lan() with { Ra = Lan().Ra with { Mtu = configured } };
        Assert.Equal(expected, RaContentBuilder.Build(lan, Mac, link, [Up("a", A, true)]).Mtu);
    }
}

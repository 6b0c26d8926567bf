using System.Net;
using DualHome.Testbed;
using DualHome.Testbed.Capture;

namespace DualHome.Integration.Tests;

/// <summary>
/// The router advertises both ISPs' LAN prefixes and the DNS server; a simple host configures an address in
/// each; on SIGTERM the router withdraws itself (final RAs with router lifetime 0, RFC 4861 §6.2.5) and
/// removes what it configured.
/// </summary>
/// <remarks>Runs once per data plane (build.sh test reruns the DataPlane=both tests with DUALHOME_DATAPLANE=packet).</remarks>
[Trait("DataPlane", "both")]
public sealed class SlaacTests : SiteTest
{
    private static readonly TimeSpan SlaacTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RouteGoneWithin = TimeSpan.FromSeconds(2);

    [Fact(Timeout = 120_000)]
    public Task Host_gets_an_address_in_both_prefixes_and_loses_its_default_route_when_the_router_stops() => WithSiteAsync(async site =>
    {
        using var capture = await site.StartNdCaptureAsync();
        await site.StartDaemonAsync();

        var a = await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), SlaacTimeout, Cancel);
        var b = await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.B), SlaacTimeout, Cancel);
        Log($"host addresses: {a}; {b}");

        var ra = await capture.WaitForAdvertisementAsync(HasBothPrefixesAndDns, TimeSpan.FromSeconds(5),
            "an RA as default router with both prefixes preferred and RDNSS 2001:db8:a:1::53", cancel: Cancel);
        Log($"first complete RA: {ra}");
        AssertWellFormed(ra);

        var routes = await site.HostDefaultRoutesAsync();
        Assert.Contains(routes, r => ra.Source.Equals(r.Gateway));

        var stoppedAt = DateTimeOffset.UtcNow;
        var stop = site.StopDaemonAsync(TimeSpan.FromSeconds(10));
        var gone = await site.WaitForAsync(async () => (await site.HostDefaultRoutesAsync()).Count == 0, RouteGoneWithin, Cancel);
        var result = await stop;
        Log($"stop: exit {result.ExitCode} after {result.Elapsed.TotalMilliseconds:0} ms; default route gone: {gone}");

        Assert.False(result.TimedOut, "the router did not exit within 10 s of SIGTERM (it was killed)");
        Assert.Equal(0, result.ExitCode);
        Assert.True(gone, $"host still has a default route {RouteGoneWithin.TotalSeconds} s after SIGTERM: " +
                          Describe(await site.HostDefaultRoutesAsync()));
        var final = await capture.WaitForAdvertisementAsync(r => r.Ra.RouterLifetime == 0, TimeSpan.FromSeconds(2),
            "a final RA with router lifetime 0", since: stoppedAt, cancel: Cancel);
        Log($"final RA {(final.Time - stoppedAt).TotalMilliseconds:0} ms after SIGTERM: {final}");

        await AssertRouterCleanedUpAsync(site);
    });

    /// <summary>The steady state: the router becomes a default router and prefers a prefix only once its probes
    /// show that ISP works (RFC 7084 G-4, RFC 8475), so the very first RAs may carry lifetime 0.</summary>
    private static bool HasBothPrefixesAndDns(CapturedRa r) =>
        r.Ra.RouterLifetime > 0 &&
        Topology.Isps.All(i => r.Ra.Prefix(Topology.LanPrefix(i)) is { PreferredLifetime: > 0 }) &&
        r.Ra.Rdnss.Any(d => d.Servers.Contains(Topology.LanDns));

    /// <summary>RFC 4861 §4.2 / §6.1.2 on what the router sends.</summary>
    private static void AssertWellFormed(CapturedRa ra)
    {
        Assert.Equal(255, ra.HopLimit);
        Assert.True(ra.Source.IsIPv6LinkLocal, $"RA source {ra.Source} is not link-local");
        Assert.InRange(ra.Ra.RouterLifetime, 1, 9000); // RFC 8319
        foreach (var isp in Topology.Isps)
        {
            var p = ra.Ra.Prefix(Topology.LanPrefix(isp))!;
            Assert.True(p.OnLink && p.Autonomous, $"PIO {p} needs the L and A flags");
            Assert.True(p.PreferredLifetime > 0 && p.PreferredLifetime <= p.ValidLifetime, $"PIO {p} lifetimes");
        }
        Assert.NotNull(ra.Ra.SourceLinkLayer);
    }

    /// <summary>Contract: on SIGTERM the daemon removes the LAN addresses and source routes it added.</summary>
    private static async Task AssertRouterCleanedUpAsync(Site site)
    {
        var lan = await site.AddressesAsync(Node.Router, Topology.RouterLan);
        foreach (var isp in Topology.Isps)
            Assert.DoesNotContain(lan, x => x.Address.Equals(Topology.RouterLanAddress(isp)));
        var sourceRoutes = (await site.DefaultRoutesAsync(Node.Router)).Where(r => r.From is not null).ToList();
        Assert.True(sourceRoutes.Count == 0, $"source routes left behind: {Describe(sourceRoutes)}");
    }
}

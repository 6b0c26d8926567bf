using System.Text.Json.Nodes;
using DualHome.Testbed;
using DualHome.Testbed.Failover;
using DualHome.Testbed.Router;

namespace DualHome.Integration.Tests;

/// <summary>
/// A failover scenario: a site, its <see cref="SiteWatch"/> (ND capture, address monitor and the host's running TCP
/// probe, started before the router), the router, and the steady state with a chosen ISP as the host's first choice.
/// Afterwards, whatever happened in between (issue 3, "nothing forwarded with a source the ISP would drop"): neither
/// ISP's ingress filter dropped anything and no foreign source reached an ISP. The daemon's uplink transitions are
/// logged either way.
/// </summary>
public abstract class FailoverTest : SiteTest
{
    protected static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(20);
    protected static readonly TimeSpan MeasureTimeout = TimeSpan.FromSeconds(5);

    protected static Task WithWatchAsync(Isp primary, Func<Site, SiteWatch, Task> scenario) =>
        WithWatchAsync(primary, configure: null, scenario);

    /// <param name="configure">Changes to the daemon's config, given the site (e.g. files written to its work directory).</param>
    protected static Task WithWatchAsync(Isp primary, Action<Site, JsonObject>? configure, Func<Site, SiteWatch, Task> scenario)
    {
        Assert.SkipWhen(RouterKinds.FromEnvironment() == RouterKind.RadvdStandIn, "the radvd stand-in has no uplink health logic");
        return WithSiteAsync(scenario: async site => await RunAsync(site, primary, configure, scenario));
    }

    private static async Task RunAsync(Site site, Isp primary, Action<Site, JsonObject>? configure, Func<Site, SiteWatch, Task> scenario)
    {
        using var watch = await SiteWatch.StartAsync(site);
        var router = await site.StartDaemonAsync(configure is null ? null : c => configure(site, c));
        try
        {
            if (router.Kind == RouterKind.Dualhomed)
                foreach (var p in (await DaemonSettings.ReadAsync(router.ConfigPath)).Probes) Log($"probe settings: {p}");
            Log($"steady: {await watch.WaitForSteadyStateAsync(primary, SettleTimeout, Cancel)}");
            await scenario(site, watch);
            await AssertNothingDroppedAsync(site);
        }
        finally
        {
            LogTransitions(router);
        }
    }

    /// <summary>Both ISPs' BCP 38 counters since the site was built: nothing with another ISP's (or a foreign) source.</summary>
    protected static async Task AssertNothingDroppedAsync(Site site)
    {
        var (a, b) = await site.CountersAsync();
        Log($"{a}\n{b}");
        foreach (var c in new[] { a, b })
        {
            Assert.True(c.IngressDrop == 0, $"ISP {c.Isp}'s ingress filter dropped {c.IngressDrop} packets: {c}");
            Assert.True(c.Rtr0Foreign == 0, $"ISP {c.Isp} received {c.Rtr0Foreign} packets with a foreign source: {c}");
        }
    }

    /// <summary>The host's view through <c>ip -j -6 addr</c>: the address and its remaining preferred lifetime.</summary>
    protected static async Task<AddressInfo> HostAddressAsync(Site site, System.Net.IPAddress address) =>
        (await site.HostAddressesAsync()).Single(a => a.Address.Equals(address));

    protected static void LogTiming(object timing) => Log($"measured: {timing}");

    private static void LogTransitions(RouterProcess router)
    {
        if (router.LogPath is not { } path) return;
        foreach (var line in router.ReadLog().Split('\n').Where(l => l.Contains('→') || l.Contains("->")))
            Log($"daemon: {line}");
    }
}

using DualHome.Testbed;
using DualHome.Testbed.Probing;

namespace DualHome.Integration.Tests;

/// <summary>
/// Issue 8, renumbering done right (RFC 9096 §3.5): when the ISP's Kea delegates another prefix, the host's old address
/// is deprecated within a second, a new one appears and traffic follows it; the old prefix is remembered on stable
/// storage. Runs in kernel and packet mode (the packet tables follow the new prefix).
/// </summary>
[Trait("DataPlane", "both")]
public sealed class RenumberingTests : SiteTest
{
    [Fact(Timeout = 150_000)]
    public Task A_new_delegation_deprecates_the_old_prefix_at_once_and_traffic_follows() => WithSiteAsync(async site =>
    {
        var quick = new KeaSettings(Renew: 2, Rebind: 3);
        await site.StartKeaAsync(Isp.A, quick);
        await site.StartDaemonAsync(c => PrefixDelegationTests.Delegated(c, Isp.A));
        var old = await site.WaitForHostAddressAsync(Site.KeaPool(Isp.A, upperHalf: false), TimeSpan.FromSeconds(30), Cancel);
        Log($"first delegation: host address {old}");
        using var monitor = await AddressMonitor.StartAsync(site);

        // The ISP renumbers: its server now delegates from another pool and has forgotten the old lease.
        await site.StopKeaAsync(Isp.A);
        await site.StartKeaAsync(Isp.A, quick with { UpperHalf = true });
        var fresh = await site.WaitForHostAddressAsync(Site.KeaPool(Isp.A, upperHalf: true), TimeSpan.FromSeconds(30), Cancel);
        var renumbered = PrefixDelegationTests.Renumberings(site).Last();
        Log($"daemon: {renumbered.Line}");
        var deprecated = await monitor.TryWaitForAsync(e => e.Address.Equals(old.Address) && e.Deprecated,
            renumbered.Time.AddSeconds(-1), TimeSpan.FromSeconds(5), Cancel);
        Assert.NotNull(deprecated);
        var latency = deprecated.Time - renumbered.Time;
        Log($"new address {fresh}; old address deprecated {latency.TotalMilliseconds:0} ms after the daemon learnt the new prefix");
        Assert.True(latency < TimeSpan.FromSeconds(1), $"the old address was deprecated only after {latency.TotalMilliseconds:0} ms");

        var exit = await site.TraceExitAsync(fresh.Address);
        Log($"from the new address: {exit}");
        Assert.Equal(Isp.A, exit.CarriedBy);
        Assert.True(exit.NoIngressDrops, exit.ToString());
        // RFC 9096 §3.5: the old prefix is remembered on stable storage as advertised (stale now).
        var memory = await File.ReadAllTextAsync(Path.Combine(site.WorkDirectory, "state", "advertised-prefixes"), Cancel);
        Assert.Contains(renumbered.Old, memory);
    });
}

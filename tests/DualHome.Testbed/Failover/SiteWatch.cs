using System.Diagnostics;
using System.Net;
using DualHome.Testbed.Capture;
using DualHome.Testbed.Probing;

namespace DualHome.Testbed.Failover;

/// <summary>
/// Everything that watches a site during failover scenarios, shared by the integration tests, the bench and the
/// demo: an ICMPv6 capture on the host's eth0 (the RAs and their kernel timestamps), an address monitor on the same
/// interface (deprecation events) and the host's running TCP probe (a new connection every ~10 ms with default
/// source selection). <see cref="FailAsync"/> and <see cref="RecoverAsync"/> inject and measure; all waits look at
/// local files every few milliseconds and spawn nothing.
/// </summary>
public sealed class SiteWatch : IDisposable
{
    private SiteWatch(Site site, NdCapture capture, AddressMonitor addresses, TcpProber prober)
    {
        Site = site;
        Capture = capture;
        Addresses = addresses;
        Prober = prober;
    }

    public Site Site { get; }
    public NdCapture Capture { get; }
    public AddressMonitor Addresses { get; }
    public TcpProber Prober { get; }

    /// <summary>The host's addresses and preferred ISP from the last <see cref="WaitForSteadyStateAsync"/>.</summary>
    public SteadyState? Steady { get; private set; }

    /// <summary>Starts the watchers (before the router, so its first RAs are captured too).</summary>
    public static async Task<SiteWatch> StartAsync(Site site, ProberOptions? prober = null, string name = "watch")
    {
        NdCapture? capture = null;
        AddressMonitor? addresses = null;
        try
        {
            capture = await site.StartNdCaptureAsync(name: $"{name}-nd");
            addresses = await AddressMonitor.StartAsync(site, name: $"{name}-addr");
            return new SiteWatch(site, capture, addresses, await TcpProber.StartAsync(site, prober, $"{name}-tcp"));
        }
        catch
        {
            addresses?.Dispose();
            capture?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="primary"/> the host's first choice (<see cref="Site.PreferHostSourceAsync"/>) and waits
    /// until the router has settled: the host has a preferred address in both prefixes and a default route, an RA
    /// advertised both prefixes as preferred with a router lifetime, and a new connection started after all that went
    /// out from <paramref name="primary"/>'s address.
    /// </summary>
    public async Task<SteadyState> WaitForSteadyStateAsync(Isp primary, TimeSpan timeout, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var since = Site.Router?.StartedAt ?? DateTimeOffset.MinValue;
        await Site.PreferHostSourceAsync(primary);
        var addresses = new Dictionary<Isp, IPAddress>();
        foreach (var isp in Topology.Isps)
            addresses[isp] = (await Site.WaitForHostAddressAsync(Topology.LanPrefix(isp), Remaining(clock, timeout), cancel)).Address;
        var ra = await Capture.WaitForAdvertisementAsync(IsSteady, Remaining(clock, timeout), "an RA with both prefixes preferred and a router lifetime",
            since, cancel, () => Site.ThrowIfRouterExited("a steady state"));
        await Poll.UntilAsync(async () => (await Site.HostDefaultRoutesAsync()).Count > 0, Remaining(clock, timeout), "a default route on the host", cancel: cancel);
        var settled = DateTimeOffset.UtcNow;
        var connection = await Prober.WaitForAsync(a => a.Ok, settled, Remaining(clock, timeout), "a new connection in the steady state", cancel);
        if (connection.Isp != primary)
            throw new TestbedException($"the host's new connections leave from {connection.Source}, not from ISP {primary}'s prefix ({connection})");
        Steady = new SteadyState(addresses, primary, ra, connection, clock.Elapsed);
        return Steady;
    }

    /// <summary>Injects a failure at <paramref name="isp"/> and measures how the router and the host follow.</summary>
    public async Task<FailoverTiming> FailAsync(Isp isp, FailureKind kind, TimeSpan timeout, CancellationToken cancel = default)
    {
        var steady = Steady ?? throw new InvalidOperationException("wait for a steady state first");
        // Failing an ISP the host does not use for new connections would measure nothing: they never had to move.
        if (steady.Primary != isp) throw new InvalidOperationException($"make ISP {isp} the host's first choice (WaitForSteadyStateAsync) before failing it");
        var address = steady.HostAddress[isp];
        var other = Topology.Other(isp);
        var injection = await Site.FailAsync(isp, kind);
        var ra = Capture.TryWaitForAdvertisementAsync(r => r.Ra.Prefix(Topology.LanPrefix(isp)) is { PreferredLifetime: 0 }, timeout, injection.Before, cancel);
        var deprecated = Addresses.TryWaitForAsync(e => e.Address.Equals(address) && !e.Preferred, injection.Before, timeout, cancel);
        var connection = Prober.TryWaitForAsync(a => a.Ok && a.Isp == other, injection.Before, timeout, cancel);
        await Task.WhenAll(ra, deprecated, connection);
        var tried = Prober.StartedSince(injection.Before).TakeWhile(a => a != connection.Result).ToList();
        return new FailoverTiming(isp, kind, injection, address, ra.Result, deprecated.Result, connection.Result,
            tried.Count(a => !a.Ok), tried.Count(a => a.Isp == isp));
    }

    /// <summary>Repairs a failure at <paramref name="isp"/> and measures the return (hysteresis included).</summary>
    public async Task<RecoveryTiming> RecoverAsync(Isp isp, FailureKind kind, TimeSpan timeout, CancellationToken cancel = default)
    {
        var steady = Steady ?? throw new InvalidOperationException("wait for a steady state first");
        var address = steady.HostAddress[isp];
        var repair = await Site.RepairAsync(isp, kind);
        var ra = Capture.TryWaitForAdvertisementAsync(r => r.Ra.Prefix(Topology.LanPrefix(isp)) is { PreferredLifetime: > 0 }, timeout, repair.Before, cancel);
        var preferred = Addresses.TryWaitForAsync(e => e.Address.Equals(address) && e.Preferred, repair.Before, timeout, cancel);
        var back = steady.Primary == isp
            ? Prober.TryWaitForAsync(a => a.Ok && a.Isp == isp, repair.Before, timeout, cancel)
            : Task.FromResult<ProbeAttempt?>(null);
        await Task.WhenAll(ra, preferred, back);
        return new RecoveryTiming(isp, kind, repair, address, ra.Result, preferred.Result, back.Result);
    }

    private static bool IsSteady(CapturedRa r) =>
        r.Ra.RouterLifetime > 0 && Topology.Isps.All(i => r.Ra.Prefix(Topology.LanPrefix(i)) is { PreferredLifetime: > 0 });

    private static TimeSpan Remaining(Stopwatch clock, TimeSpan timeout) =>
        timeout - clock.Elapsed is { } left && left > TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100);

    public void Dispose()
    {
        Prober.Dispose();
        Addresses.Dispose();
        Capture.Dispose();
    }
}

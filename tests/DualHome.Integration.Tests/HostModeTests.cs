using System.Net;
using DualHome.Testbed;

namespace DualHome.Integration.Tests;

/// <summary>
/// Issue 11: `dualhomed host` on the site's host, MPTCP on the server. A long MPTCP transfer from the host's A address
/// keeps running through a silent failure of ISP A (the host's own probes see it; its MPTCP endpoint for A goes, so the
/// kernel moves the data to the B subflow), and uses A again after recovery: when ISP B fails next, the transfer goes
/// on through A. A plain TCP transfer from A stalls for the whole failure of A, as the draft expects for simple hosts.
/// </summary>
/// <remarks>Runs once per data plane (build.sh test reruns the DataPlane=both tests with DUALHOME_DATAPLANE=packet).</remarks>
[Trait("DataPlane", "both")]
public sealed class HostModeTests : SiteTest
{
    private const int MptcpPort = 7200, TcpPort = 7201;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 120_000)]
    public Task An_mptcp_transfer_survives_a_silent_isp_failure_and_a_plain_tcp_one_stalls() => WithSiteAsync(async site =>
    {
        await site.StartDaemonAsync();
        var a = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel)).Address;
        var b = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.B), TimeSpan.FromSeconds(20), Cancel)).Address;
        await site.EnableServerMptcpAsync();
        var host = site.StartHostMode();
        Assert.True(await site.WaitForMptcpEndpointsAsync(TimeSpan.FromSeconds(10), Cancel, a, b), $"host mode added no MPTCP endpoints: {host.ReadStderr()}");
        Log(await RoutesAsync(site));

        var (_, mptcpResult) = await site.StartTransferServerAsync(MptcpPort, "mptcp");
        var (_, tcpResult) = await site.StartTransferServerAsync(TcpPort, "tcp");
        var mptcp = site.StartTransfer(a, MptcpPort, "mptcp", TimeSpan.FromSeconds(22), 1_000_000);
        var tcp = site.StartTransfer(a, TcpPort, "tcp", TimeSpan.FromSeconds(22), 200_000);
        await Task.Delay(3000, Cancel);
        Log($"before the failure: MPTCP bytes acked from A {await site.SubflowBytesAckedAsync(a, MptcpPort)}, from B {await site.SubflowBytesAckedAsync(b, MptcpPort)}");

        var failA = await site.FailAsync(Isp.A, FailureKind.Silent);
        await Task.Delay(Outage, Cancel);
        var repairA = await site.RepairAsync(Isp.A, FailureKind.Silent);
        await Task.Delay(3000, Cancel); // A's probes and hold-down; its endpoint comes back
        // Proof that A carries the connection again: now B fails, and the transfer must go on through A.
        long fromA = await site.SubflowBytesAckedAsync(a, MptcpPort);
        var failB = await site.FailAsync(Isp.B, FailureKind.Silent);
        bool usesA = await site.WaitForAsync(async () => await site.SubflowBytesAckedAsync(a, MptcpPort) > fromA + 500_000,
            TimeSpan.FromSeconds(4), Cancel);
        await Task.Delay(1000, Cancel);
        var repairB = await site.RepairAsync(Isp.B, FailureKind.Silent);
        Log($"{failA}; {repairA}; {failB}: A carries MPTCP data again: {usesA}; {repairB}");
        Log((await site.ExecAsync(Node.Host, "ss", "-tin", "dport", $"= :{MptcpPort}")).Stdout);

        Assert.True(await mptcp.WaitForExitAsync(TimeSpan.FromSeconds(40)), "the MPTCP sender did not finish");
        Assert.True(await tcp.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the TCP sender did not finish");
        var m = await site.ReadTransferAsync(mptcpResult, TimeSpan.FromSeconds(10));
        var t = await site.ReadTransferAsync(tcpResult, TimeSpan.FromSeconds(10));
        Log($"MPTCP: {m}; sender: {mptcp.ReadStdout().Trim()}\nTCP:   {t}; sender: {tcp.ReadStdout().Trim()}");
        Log($"MPTCP longest stall at failover: {m.MaxGapMs:0} ms (outage {Outage.TotalMilliseconds:0} ms)");
        Log(host.ReadStderr());

        Assert.Equal(0, mptcp.ExitCode);
        Assert.False(m.Reset);
        Assert.True(m.MaxGapMs < Outage.TotalMilliseconds / 2, $"MPTCP stalled {m.MaxGapMs} ms: it waited for an ISP instead of moving");
        Assert.True(t.MaxGapMs >= Outage.TotalMilliseconds - 1000 || tcp.ExitCode != 0, $"plain TCP from A did not stall: {t}");
        Assert.True(usesA, "after A's recovery the MPTCP connection did not go on through A when B failed");
    });

    [Fact(Timeout = 60_000)]
    public Task Host_mode_routes_each_source_to_its_router_and_puts_everything_back_at_exit() => WithSiteAsync(async site =>
    {
        await site.StartDaemonAsync();
        var a = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel)).Address;
        var b = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.B), TimeSpan.FromSeconds(20), Cancel)).Address;
        var limitsBefore = (await site.ExecCheckedAsync(Node.Host, "ip", "mptcp", "limits", "show")).Stdout.Trim();
        var host = site.StartHostMode();
        Assert.True(await site.WaitForMptcpEndpointsAsync(TimeSpan.FromSeconds(10), Cancel, a, b));
        var routes = await RoutesAsync(site);
        Log(routes);
        Assert.Contains($"default from {Topology.LanPrefix(Isp.A)} via", routes, StringComparison.Ordinal);
        Assert.Contains($"default from {Topology.LanPrefix(Isp.B)} via", routes, StringComparison.Ordinal);

        var stop = await host.StopAsync(TimeSpan.FromSeconds(5));
        Log(host.ReadStderr());
        Assert.Equal(0, stop.ExitCode);
        Assert.DoesNotContain("default from", await RoutesAsync(site), StringComparison.Ordinal);
        Assert.DoesNotContain("subflow", (await site.ExecCheckedAsync(Node.Host, "ip", "mptcp", "endpoint", "show")).Stdout, StringComparison.Ordinal);
        Assert.Equal(limitsBefore, (await site.ExecCheckedAsync(Node.Host, "ip", "mptcp", "limits", "show")).Stdout.Trim());
    });

    /// <summary>With a router that never deprecates anything (the radvd stand-in), host mode alone notices ISP A's
    /// failure and deprecates its A address, keeps it deprecated through radvd's RAs, and prefers it again once A is back.</summary>
    [Fact(Timeout = 90_000)]
    public Task The_host_deprecates_a_dead_exits_address_itself_even_when_the_router_does_not() =>
        WithSiteAsync(DualHome.Testbed.Router.RouterKind.RadvdStandIn, async site =>
        {
            await site.StartDaemonAsync(); // radvd: both prefixes preferred, whatever happens
            var a = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel)).Address;
            var host = site.StartHostMode();
            await site.WaitForMptcpEndpointsAsync(TimeSpan.FromSeconds(10), Cancel, a, (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.B), TimeSpan.FromSeconds(20), Cancel)).Address);
            using var monitor = await DualHome.Testbed.Probing.AddressMonitor.StartAsync(site);
            var failure = await site.FailAsync(Isp.A, FailureKind.Silent);
            var deprecated = await monitor.TryWaitForAsync(e => e.Address.Equals(a) && e.Deprecated, failure.Before, TimeSpan.FromSeconds(5), Cancel);
            Assert.NotNull(deprecated);
            Log($"{failure}; host deprecated A itself {(deprecated.Time - failure.Before).TotalMilliseconds:0} ms later");
            await Task.Delay(TimeSpan.FromSeconds(11), Cancel); // radvd's RAs (every 3–10 s) give A its lifetime back
            var addresses = await site.HostAddressesAsync(Topology.LanPrefix(Isp.A));
            Log($"after radvd's RAs: {Describe(addresses)}");
            Assert.Contains(monitor.Events(), e => e.Time > deprecated.Time && e.Address.Equals(a) && e.PreferredLifetime != "0sec"); // an RA did
            Assert.All(addresses, x => Assert.True(x.Deprecated, $"{x} is preferred again while ISP A is dead"));
            var repair = await site.RepairAsync(Isp.A, FailureKind.Silent);
            var back = await monitor.TryWaitForAsync(e => e.Address.Equals(a) && e.Preferred, repair.Before, TimeSpan.FromSeconds(10), Cancel);
            Assert.NotNull(back);
            Log($"{repair}; A preferred again {(back.Time - repair.Before).TotalMilliseconds:0} ms later\n{host.ReadStderr()}");
        });

    /// <summary>Exit selection: ISP B loses 20 % of the packets each way, about 36 % of the probe rounds (it still works:
    /// down only after 10 silent rounds here, so the health machine keeps it up); host mode marks B worse — its address
    /// deprecated locally, its MPTCP endpoint backup — and uses it again once the loss is gone.</summary>
    [Fact(Timeout = 90_000)]
    public Task A_lossy_exit_is_avoided_for_new_connections_and_used_again_when_it_recovers() => WithSiteAsync(async site =>
    {
        // The router must not declare B dead either (it would refuse B's packets): it too waits for 10 silent rounds.
        await site.StartDaemonAsync(c => { foreach (var u in c["Uplinks"]!.AsArray()) u!["Probe"]!["DownAfter"] = 10; });
        var a = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel)).Address;
        var b = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.B), TimeSpan.FromSeconds(20), Cancel)).Address;
        var host = site.StartHostMode(c => c["Probe"]!["DownAfter"] = 10);
        Assert.True(await site.WaitForMptcpEndpointsAsync(TimeSpan.FromSeconds(10), Cancel, a, b));
        var loss = await site.DegradeAsync(Isp.B, 20);
        bool worse = await site.WaitForAsync(async () =>
            (await site.ExecAsync(Node.Host, "ip", "mptcp", "endpoint", "show")).Stdout.Split('\n').Any(l => l.StartsWith($"{b} ", StringComparison.Ordinal) && l.Contains("backup", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), Cancel);
        var addresses = await site.HostAddressesAsync(Topology.LanPrefix(Isp.B));
        Log($"{loss}; B worse: {worse}; {Describe(addresses)}\n{(await site.ExecAsync(Node.Host, "ip", "mptcp", "endpoint", "show")).Stdout}");
        Assert.True(worse, $"B's endpoint did not become backup: {host.ReadStderr()}");
        Assert.All(addresses, x => Assert.True(x.Deprecated, $"{x} is still preferred while B loses packets"));
        Assert.Contains("-> Worse", host.ReadStderr(), StringComparison.Ordinal);

        await site.RestoreAsync(Isp.B);
        bool usedAgain = await site.WaitForAsync(async () =>
            (await site.ExecAsync(Node.Host, "ip", "mptcp", "endpoint", "show")).Stdout.Split('\n').Any(l => l.StartsWith($"{b} ", StringComparison.Ordinal) && !l.Contains("backup", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15), Cancel);
        Log(host.ReadStderr());
        Assert.True(usedAgain, "B was not used again after the loss ended");
        Assert.True(await site.WaitForAsync(async () => (await site.HostAddressesAsync(Topology.LanPrefix(Isp.B))).All(x => !x.Deprecated),
            TimeSpan.FromSeconds(5), Cancel), "B's address stayed deprecated");
    });

    /// <summary>RFC 8028 with two exit routers: the host's default router is B, yet host mode sends its A packets
    /// straight to router A, the router that advertised A.</summary>
    [Fact(Timeout = 90_000)]
    public Task With_two_exit_routers_each_source_goes_to_the_router_that_advertised_it() =>
        WithSiteAsync(DualHome.Testbed.Router.RouterKind.Dualhomed, async site =>
        {
            await site.StartExitRouterAsync(Isp.A, c => c["Lan"]!["Ra"]!["Preference"] = "low");
            await site.StartExitRouterAsync(Isp.B, c => c["Lan"]!["Ra"]!["Preference"] = "high");
            var a = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel)).Address;
            var routerA = await site.LinkLocalAsync(Node.Router, Topology.RouterLan);
            var routerB = await site.LinkLocalAsync(Node.RouterB, Topology.RouterLan);
            Assert.Contains($"via {routerB} ", await RouteGetAsync(site, a), StringComparison.Ordinal); // without host mode: B
            var host = site.StartHostMode();
            Assert.True(await site.WaitForAsync(async () => (await RouteGetAsync(site, a)).Contains($"via {routerA} ", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10), Cancel), $"host mode did not route A to router A: {host.ReadStderr()}");
            var exit = await site.TraceExitAsync(a);
            Log($"{await RoutesAsync(site)}\nfrom A: {exit}");
            Assert.True(exit.Tcp.Connected && exit.CarriedBy == Isp.A, exit.ToString());
        }, o => o with { TwoRouters = true });

    [Fact(Timeout = 60_000)]
    public Task A_bad_host_file_names_the_key_and_exits_2() => WithSiteAsync(async site =>
    {
        var path = Path.Combine(site.WorkDirectory, "bad-host.json");
        await File.WriteAllTextAsync(path, """{ "Interface": "eth0", "Probe": { "Targets": ["2001:db8:ffff::1"], "IntervalMs": 1 } }""", Cancel);
        var r = await site.ExecAsync(Node.Host, DualHome.Testbed.Router.DaemonBinary.Require(), "host", "--config", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Probe.IntervalMs", r.Stderr, StringComparison.Ordinal);
    });

    private static async Task<string> RouteGetAsync(Site site, IPAddress source) =>
        (await site.ExecCheckedAsync(Node.Host, "ip", "-6", "route", "get", Topology.Server.ToString(), "from", source.ToString())).Stdout;

    private static async Task<string> RoutesAsync(Site site) =>
        (await site.ExecCheckedAsync(Node.Host, "ip", "-6", "route", "show", "default")).Stdout.Trim();
}

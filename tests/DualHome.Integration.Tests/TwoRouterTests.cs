using System.Net;
using System.Text.Json.Nodes;
using DualHome.Testbed;
using DualHome.Testbed.Probing;
using DualHome.Testbed.Router;

namespace DualHome.Integration.Tests;

/// <summary>
/// Issue 10, the draft's own topology: exit router A (ISP A) and exit router B (ISP B) on one LAN, a bridge, with a
/// host doing SLAAC from both. The host's default router is B (B advertises High preference, A Low), so everything it
/// sends goes to B first.
/// </summary>
/// <remarks>Runs once per data plane (build.sh test reruns the DataPlane=both tests with DUALHOME_DATAPLANE=packet).</remarks>
[Trait("DataPlane", "both")]
public sealed class TwoRouterTests : SiteTest
{
    private static readonly IPAddress RouterAAddress = Topology.RouterLanAddress(Isp.A);

    private static Task WithTwoRoutersAsync(Func<Site, Task> scenario) =>
        WithSiteAsync(RouterKind.Dualhomed, scenario, o => o with { TwoRouters = true });

    /// <summary>Both routers, the host numbered from both prefixes, and B knowing that A forwards A's prefix.</summary>
    private static async Task<(IPAddress A, IPAddress B)> StartBothAsync(Site site)
    {
        await site.StartExitRouterAsync(Isp.A, c => c["Lan"]!["Ra"]!["Preference"] = "low");
        await site.StartExitRouterAsync(Isp.B, c => c["Lan"]!["Ra"]!["Preference"] = "high");
        var a = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel)).Address;
        var b = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.B), TimeSpan.FromSeconds(20), Cancel)).Address;
        Assert.True(await PeerStatusAsync(site, Isp.B, $"forwards {Topology.LanPrefix(Isp.A)} via {RouterAAddress}"), "router B did not learn router A");
        await site.EnsureServerAsync();
        return (a, b);
    }

    [Fact(Timeout = 90_000)]
    public Task A_packet_from_the_A_address_sent_to_router_B_leaves_through_ISP_A_without_redirects() => WithTwoRoutersAsync(async site =>
    {
        var (a, b) = await StartBothAsync(site);
        Log($"host default routes: {Describe(await site.HostDefaultRoutesAsync())}");
        var linkLocalB = await site.LinkLocalAsync(Node.RouterB, Topology.RouterLan);
        var chosen = (await site.ExecCheckedAsync(Node.Host, "ip", "-6", "route", "get", Topology.Server.ToString(), "from", a.ToString())).Stdout;
        Assert.Contains($"via {linkLocalB} ", chosen, StringComparison.Ordinal); // B (High) even for the A address

        var forwardedByB = await ForwardedOnLanAsync(site);
        var redirectsSent = await Snmp6Async(site, Node.RouterB, "Icmp6OutRedirects");
        var viaA = await site.TraceExitAsync(a);
        var viaB = await site.TraceExitAsync(b);
        Log($"from A: {viaA}\nfrom B: {viaB}");
        Assert.True(viaA.Tcp.Connected && viaA.CarriedBy == Isp.A && viaA.NoIngressDrops, $"from A: {viaA}");
        Assert.True(viaB.Tcp.Connected && viaB.CarriedBy == Isp.B && viaB.NoIngressDrops, $"from B: {viaB}");
        Assert.True(await ForwardedOnLanAsync(site) > forwardedByB, "router B forwarded nothing back onto the LAN");
        Assert.Equal(redirectsSent, await Snmp6Async(site, Node.RouterB, "Icmp6OutRedirects"));
        Assert.Equal(0, await Snmp6Async(site, Node.Host, "Icmp6InRedirects"));
    });

    [Fact(Timeout = 120_000)]
    public Task Killing_router_A_deprecates_its_prefix_within_a_second_and_restarting_it_brings_it_back() => WithTwoRoutersAsync(async site =>
    {
        var (a, b) = await StartBothAsync(site);
        using var monitor = await AddressMonitor.StartAsync(site);
        var killed = DateTimeOffset.UtcNow;
        site.ExitRouter(Isp.A)!.Kill(); // SIGKILL: no final RA, its kernel routes stay
        var deprecated = await monitor.TryWaitForAsync(e => e.Address.Equals(a) && e.Deprecated, killed, TimeSpan.FromSeconds(5), Cancel);
        Assert.NotNull(deprecated);
        var latency = deprecated.Time - killed;
        Log($"router A killed; host's A address deprecated {latency.TotalMilliseconds:0} ms later ({deprecated})");
        Assert.True(latency < TimeSpan.FromSeconds(1), $"deprecated after {latency.TotalMilliseconds:0} ms");
        Assert.True(await PeerStatusAsync(site, Isp.B, "): dead"), "router B does not show A dead");

        Assert.Equal(b, await HostSourceAsync(site)); // new connections use B
        var viaB = await site.TraceExitAsync(b);
        Assert.True(viaB.Tcp.Connected && viaB.CarriedBy == Isp.B, $"from B: {viaB}");
        var ping = await site.PingReportAsync(a);
        Log($"ping from A while A is dead: {ping.Trim()}");
        Assert.Contains("Destination unreachable", ping, StringComparison.Ordinal); // refused by B at once

        var restarted = DateTimeOffset.UtcNow;
        await site.StartExitRouterAsync(Isp.A, c => c["Lan"]!["Ra"]!["Preference"] = "low");
        var back = await monitor.TryWaitForAsync(e => e.Address.Equals(a) && e.Preferred, restarted, TimeSpan.FromSeconds(15), Cancel);
        Assert.NotNull(back);
        Log($"router A restarted; A address preferred again {(back.Time - restarted).TotalMilliseconds:0} ms later");
        Assert.True(await PeerStatusAsync(site, Isp.B, $"forwards {Topology.LanPrefix(Isp.A)} via {RouterAAddress}"));
        await Task.Delay(2500, Cancel); // several of B's RAs and sweeps: B must not deprecate A's prefix again
        Log($"host address events:\n  {Describe(monitor.Events().Select(e => $"{e.Time:HH:mm:ss.ffffff} {e}"))}");
        Assert.DoesNotContain(monitor.Events(), e => e.Time > back.Time && e.Address.Equals(a) && e.Deprecated);
        var viaA = await site.TraceExitAsync(a);
        Assert.True(viaA.Tcp.Connected && viaA.CarriedBy == Isp.A, $"from A after the restart: {viaA}");
    });

    [Fact(Timeout = 120_000)]
    public Task A_silent_failure_of_ISP_A_is_handled_by_router_A_and_router_B_does_not_undo_it() => WithTwoRoutersAsync(async site =>
    {
        var (a, b) = await StartBothAsync(site);
        using var monitor = await AddressMonitor.StartAsync(site);
        var failure = await site.FailAsync(Isp.A, FailureKind.Silent);
        var deprecated = await monitor.TryWaitForAsync(e => e.Address.Equals(a) && e.Deprecated, failure.Before, TimeSpan.FromSeconds(5), Cancel);
        Assert.NotNull(deprecated);
        Log($"{failure}; A address deprecated {(deprecated.Time - failure.Before).TotalMilliseconds:0} ms later");
        Assert.True(deprecated.Time - failure.Before < TimeSpan.FromSeconds(1));
        Assert.True(await PeerStatusAsync(site, Isp.B, "(ISP down)"), "router B did not hear that A's ISP is down");
        await Task.Delay(2500, Cancel);
        Assert.DoesNotContain(monitor.Events(), e => e.Time > deprecated.Time && e.Address.Equals(a) && e.Preferred);
        Assert.Contains("): alive", (await site.CtlAsync(Isp.B, "show", "status")).Stdout, StringComparison.Ordinal);
        Assert.Equal(b, await HostSourceAsync(site));

        var repair = await site.RepairAsync(Isp.A, FailureKind.Silent);
        var back = await monitor.TryWaitForAsync(e => e.Address.Equals(a) && e.Preferred, repair.Before, TimeSpan.FromSeconds(10), Cancel);
        Assert.NotNull(back);
        Log($"{repair}; A address preferred again {(back.Time - repair.Before).TotalMilliseconds:0} ms later");
    });

    private static async Task<bool> PeerStatusAsync(Site site, Isp router, string expected)
    {
        string status = "";
        bool seen = await site.WaitForAsync(async () =>
            (status = (await site.CtlAsync(router, "show", "status")).Stdout).Contains(expected, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), Cancel);
        Log($"router {router} status:\n{status}");
        return seen;
    }

    /// <summary>The source the host picks for a new connection to the server (RFC 6724).</summary>
    private static async Task<IPAddress?> HostSourceAsync(Site site)
    {
        var route = (await site.ExecCheckedAsync(Node.Host, "ip", "-6", "route", "get", Topology.Server.ToString())).Stdout;
        var words = route.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int i = Array.IndexOf(words, "src");
        return i >= 0 && i + 1 < words.Length ? IPAddress.Parse(words[i + 1]) : null;
    }

    /// <summary>What router B sent back out on the LAN: the kernel's forwarded count, or the daemon's frames sent on lan0.</summary>
    private static async Task<long> ForwardedOnLanAsync(Site site)
    {
        if (site.Options.DataPlane != "packet") return await Snmp6Async(site, Node.RouterB, "Ip6OutForwDatagrams");
        var counters = (await site.CtlAsync(Isp.B, "show", "counters")).Stdout;
        var m = System.Text.RegularExpressions.Regex.Match(counters, $@"dataplane {Topology.RouterLan}: received \d+, sent (\d+)");
        Assert.True(m.Success, counters);
        return long.Parse(m.Groups[1].Value);
    }

    private static async Task<long> Snmp6Async(Site site, Node node, string counter)
    {
        var text = (await site.ExecCheckedAsync(node, "cat", "/proc/net/snmp6")).Stdout;
        var line = text.Split('\n').First(l => l.StartsWith(counter + " ", StringComparison.Ordinal) || l.StartsWith(counter + "\t", StringComparison.Ordinal));
        return long.Parse(line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1]);
    }
}

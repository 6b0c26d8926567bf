using System.Net;
using DualHome.Testbed;
using DualHome.Testbed.Router;

namespace DualHome.Integration.Tests;

/// <summary>
/// Kernel mode, RFC 7084 L-14: while ISP A is dead, a packet from the host's A address is refused by the router at once
/// (ICMPv6 Destination Unreachable, code 1 from a Linux prohibit rule; packet mode sends code 5, PacketModeTests) instead
/// of vanishing at the dead ISP; once A is back, it is forwarded again.
/// </summary>
public sealed class DeadUplinkRefusalTests : SiteTest
{
    [Fact(Timeout = 120_000)]
    public Task A_source_in_a_dead_isps_prefix_is_refused_until_the_isp_is_back() => WithSiteAsync(RouterKind.Dualhomed, async site =>
    {
        await site.StartDaemonAsync();
        var source = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel)).Address;
        Assert.True(await site.PingAsync(source), "ISP A did not work before the failure");
        await site.SilentFailAsync(Isp.A);
        string ping = "";
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(10) && !ping.Contains("Destination unreachable");)
            ping = await site.PingReportAsync(source);
        Log(ping);
        Assert.Contains("Destination unreachable: Administratively prohibited", ping, StringComparison.Ordinal);
        Assert.Contains("prohibit", (await site.ExecAsync(Node.Router, "ip", "-6", "rule", "show")).Stdout, StringComparison.Ordinal);

        await site.RestoreAsync(Isp.A);
        Assert.True(await site.WaitForAsync(() => site.PingAsync(source, 1), TimeSpan.FromSeconds(10), Cancel), "A was not forwarded again");
        Assert.DoesNotContain("prohibit", (await site.ExecAsync(Node.Router, "ip", "-6", "rule", "show")).Stdout, StringComparison.Ordinal);
    }, dataPlane: "kernel");

}

using DualHome.Testbed;
using DualHome.Testbed.Router;

namespace DualHome.Integration.Tests;

/// <summary>
/// The failure-injection helpers that failover tests will rely on, checked against the radvd stand-in
/// (which has no uplink health logic, so the injected failure is all that changes): a silent failure or a
/// carrier loss at ISP A cuts A-sourced traffic and leaves B alone; restoring brings A back.
/// </summary>
public sealed class TestbedSelfTests : SiteTest
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(2);

    [Fact(Timeout = 120_000)]
    public Task Failure_injection_cuts_and_restores_one_isp() => WithSiteAsync(RouterKind.RadvdStandIn, async site =>
    {
        await site.StartDaemonAsync();
        var a = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel)).Address;
        var b = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.B), TimeSpan.FromSeconds(20), Cancel)).Address;
        Assert.True((await site.TcpConnectAsync(a)).Connected, "baseline A");

        await site.SilentFailAsync(Isp.A);
        Assert.False((await site.TcpConnectAsync(a, Short)).Connected, "A during a silent failure");
        Assert.True((await site.TcpConnectAsync(b)).Connected, "B during A's silent failure");
        Assert.Equal("UP", await OperStateAsync(site), StringComparer.OrdinalIgnoreCase); // carrier stays up
        await site.RestoreAsync(Isp.A);
        Assert.True((await site.TcpConnectAsync(a)).Connected, "A after restore");

        await site.CarrierDownAsync(Isp.A);
        Assert.NotEqual("UP", await OperStateAsync(site), StringComparer.OrdinalIgnoreCase);
        Assert.False((await site.TcpConnectAsync(a, Short)).Connected, "A without carrier");
        Assert.True((await site.TcpConnectAsync(b)).Connected, "B while A has no carrier");
        await site.CarrierUpAsync(Isp.A);
        var back = await site.WaitForAsync(async () => (await site.TcpConnectAsync(a, Short)).Connected, TimeSpan.FromSeconds(10), Cancel);
        Assert.True(back, "A after carrier up");
        var (countersA, countersB) = await site.CountersAsync();
        Assert.Equal(0, countersA.IngressDrop);
        Assert.Equal(0, countersB.IngressDrop);
    });

    private static async Task<string?> OperStateAsync(Site site) =>
        IpJson.OperState((await site.ExecCheckedAsync(Node.Router, "ip", "-j", "link", "show", "dev", Topology.RouterWan(Isp.A))).Stdout);
}

using DualHome.Testbed;

namespace DualHome.Integration.Tests;

/// <summary>
/// Source-address-dependent routing (design problem 1): a packet leaves through the ISP whose prefix holds
/// its source, so neither ISP's ingress filter ever drops anything; a source in no site prefix leaves
/// through neither (BCP 38).
/// </summary>
/// <remarks>Runs once per data plane (build.sh test reruns the DataPlane=both tests with DUALHOME_DATAPLANE=packet).</remarks>
[Trait("DataPlane", "both")]
public sealed class ExitBySourceTests : SiteTest
{
    [Fact(Timeout = 120_000)]
    public Task Each_source_prefix_exits_through_its_own_isp_and_a_foreign_source_through_none() => WithSiteAsync(async site =>
    {
        await site.StartDaemonAsync();
        foreach (var isp in Topology.Isps)
        {
            var source = (await site.WaitForHostAddressAsync(Topology.LanPrefix(isp), TimeSpan.FromSeconds(20), Cancel)).Address;
            var exit = await site.TraceExitAsync(source);
            Log($"source in {Topology.LanPrefix(isp)}: {exit}");

            Assert.True(exit.Tcp.Connected, exit.Tcp.ToString());
            Assert.Equal(source, exit.Tcp.SeenByServer);
            Assert.True(exit.CarriedBy == isp, $"expected only ISP {isp} to carry packets from {source}: {exit}");
            Assert.True(exit.NoIngressDrops, $"an ISP's ingress filter dropped packets: {exit}");
        }

        await site.AddHostAddressAsync(Topology.ForeignSource);
        var spoofed = await site.TraceExitAsync(Topology.ForeignSource, TimeSpan.FromSeconds(2));
        var pinged = await site.PingAsync(Topology.ForeignSource, 1);
        Log($"foreign source: {spoofed}; ping answered: {pinged}");
        var end = await site.CountersAsync();
        Log($"{end.A}\n{end.B}");

        Assert.False(spoofed.Tcp.Connected, $"a connection from {Topology.ForeignSource} got through: {spoofed}");
        Assert.False(pinged, $"an echo from {Topology.ForeignSource} was answered");
        Assert.True(spoofed.ReachedNoIsp, $"packets from {Topology.ForeignSource} reached an ISP: {spoofed}");
        Assert.Equal(0, end.A.From(Topology.ForeignSource));
        Assert.Equal(0, end.B.From(Topology.ForeignSource));
        Assert.Equal(0, end.A.IngressDrop);
        Assert.Equal(0, end.B.IngressDrop);
    });
}

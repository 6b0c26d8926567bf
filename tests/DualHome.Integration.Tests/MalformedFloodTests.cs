using System.Text.Json;
using DualHome.Testbed;
using DualHome.Testbed.Capture;

namespace DualHome.Integration.Tests;

/// <summary>
/// ~2000 invalid ND packets from the host (Scripts/nd_flood.py: hop limit 254, zero-length and overrunning
/// options, truncated RS/RA/NS, RA from a global source, bad checksum, NS for a multicast target, random
/// garbage …; RFC 4861 §6.1, §7.1). The router must drop them all and keep serving: still running, still
/// answering a valid RS with both prefixes, no crash in its output.
/// </summary>
/// <remarks>Runs once per data plane (build.sh test reruns the DataPlane=both tests with DUALHOME_DATAPLANE=packet).</remarks>
[Trait("DataPlane", "both")]
public sealed class MalformedFloodTests : SiteTest
{
    private const int FloodCount = 2000;

    [Fact(Timeout = 120_000)]
    public Task Router_survives_a_malformed_nd_flood_and_still_answers_router_solicitations() => WithSiteAsync(async site =>
    {
        using var capture = await site.StartNdCaptureAsync();
        var router = await site.StartDaemonAsync();
        await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel);

        var flood = await FloodAsync(site);
        Log($"flood: {flood.RootElement}");
        Assert.Equal(FloodCount, flood.RootElement.GetProperty("sent").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);

        Assert.True(router.IsRunning, $"the router died during the flood (exit {router.Process.ExitCode})");
        var solicitedAt = DateTimeOffset.UtcNow;
        var rs = await site.SolicitAsync(attempts: 4, waitMs: 1000);
        Log($"rdisc6 after the flood (exit {rs.ExitCode}, {rs.Elapsed.TotalMilliseconds:0} ms):\n{rs.Stdout}{rs.Stderr}");
        Assert.True(rs.Ok, $"no RA answered a valid RS after the flood: {rs.Stderr}");
        foreach (var isp in Topology.Isps) Assert.Contains($"{Topology.LanPrefix(isp)}", rs.Stdout);

        var answer = capture.AdvertisementsSince(solicitedAt).FirstOrDefault(HasBothPrefixes);
        Assert.True(answer is not null, "no RA with both prefixes captured after the RS");
        Assert.True(router.IsRunning, "the router exited after the flood");
        Assert.Empty(router.CrashLines());
    });

    private static bool HasBothPrefixes(CapturedRa r) => Topology.Isps.All(i => r.Ra.Prefix(Topology.LanPrefix(i)) is not null);

    private static async Task<JsonDocument> FloodAsync(Site site)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "nd_flood.py");
        var routerLl = await site.LinkLocalAsync(Node.Router, Topology.RouterLan);
        var routerMac = await site.LinkAddressAsync(Node.Router, Topology.RouterLan);
        var hostLl = await site.LinkLocalAsync(Node.Host, Topology.HostLan);
        var r = await site.ExecAsync(Node.Host,
            [Prerequisites.Python, script, "--iface", Topology.HostLan, "--router-ll", routerLl.ToString(),
             "--router-mac", routerMac, "--host-ll", hostLl.ToString(), "--count", FloodCount.ToString()],
            TimeSpan.FromSeconds(60));
        r.EnsureSuccess();
        return JsonDocument.Parse(r.Stdout.Trim().Split('\n')[^1]);
    }
}

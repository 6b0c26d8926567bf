using System.Net;
using System.Text.Json.Nodes;
using DualHome.Testbed;

namespace DualHome.Integration.Tests;

/// <summary>
/// Issue 10, first part: with "Peers": { "Mode": "auto" } the router learns another exit router on the LAN from its
/// RAs (here radvd on the LAN advertising 2001:db8:c:1::/64) and shows it; with the default ("off") it does not.
/// Forwarding to a peer is not built yet.
/// </summary>
public sealed class PeerLearningTests : SiteTest
{
    private static readonly IPNetwork PeerPrefix = IPNetwork.Parse("2001:db8:c:1::/64");

    [Fact(Timeout = 60_000)]
    public Task Another_exit_router_on_the_lan_is_learnt_from_its_ras() => WithSiteAsync(async site =>
    {
        await site.StartDaemonAsync(c => c["Peers"] = new JsonObject { ["Mode"] = "auto" });
        var hostLinkLocal = await site.LinkLocalAsync(Node.Host, Topology.HostLan);
        await site.StartLanPeerRadvdAsync(PeerPrefix);
        string status = "";
        bool learnt = await site.WaitForAsync(async () =>
            (status = (await site.CtlAsync("show", "status")).Stdout).Contains($"peer {hostLinkLocal}", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), Cancel);
        Log(status);
        Assert.True(learnt, "the peer was not learnt");
        Assert.Matches(@$"peer {hostLinkLocal}%?\S* \(([0-9a-f]{{2}}:){{5}}[0-9a-f]{{2}}\): alive, router lifetime 1800 s; 2001:db8:c:1::/64 \(preferred", status);
    });

    [Fact(Timeout = 60_000)]
    public Task Peers_are_off_by_default() => WithSiteAsync(async site =>
    {
        await site.StartDaemonAsync();
        await site.StartLanPeerRadvdAsync(PeerPrefix);
        await Task.Delay(3000, Cancel); // radvd's first RA goes out at once
        Assert.Contains("2001:db8:c:1::/64", await CaptureRaPrefixesAsync(site));
        var status = (await site.CtlAsync("show", "status")).Stdout;
        Log(status);
        Assert.DoesNotContain("peer", status, StringComparison.Ordinal);
    });

    /// <summary>Proof that the peer's RA is on the LAN: the router namespace asks with rdisc6 and sees the answers.</summary>
    private static async Task<string> CaptureRaPrefixesAsync(Site site) =>
        (await site.ExecAsync(Node.Router, "rdisc6", "-m", "-w", "1500", "-r", "2", Topology.RouterLan)).Stdout;
}

using System.Text.Json.Nodes;
using DualHome.Testbed.Router;

namespace DualHome.Testbed;

/// <summary>
/// Issue 10's site: two exit routers on one LAN, each with one ISP.
/// <code>
/// host(eth0) — host0 ┐                 router A: lan0 [rtr]  wana — ispA …
///                    br0 in "lan" ns   router B: lan0 [rtrb] wanb — ispB …
/// rtr(lan0)  — rtra0 ┤
/// rtrb(lan0) — rtrb0 ┘
/// </code>
/// The bridge does no multicast snooping (nothing there queries MLD), so RAs and heartbeats to ff02::1/ff02::2 reach
/// every port; it has no IPv6 of its own.
/// </summary>
public sealed partial class Site
{
    /// <summary>Router B of a two-router site (null before it is started).</summary>
    public RouterProcess? RouterB { get; private set; }

    /// <summary>The namespace of the router that has <paramref name="isp"/>'s uplink.</summary>
    public Node RouterOf(Isp isp) => Options.TwoRouters && isp == Isp.B ? Node.RouterB : Node.Router;

    /// <summary>The namespaces this site has.</summary>
    public IEnumerable<Node> Nodes => Enum.GetValues<Node>().Where(n => Options.TwoRouters || n is not (Node.RouterB or Node.Lan));

    public IEnumerable<Node> RouterNodes => Options.TwoRouters ? [Node.Router, Node.RouterB] : [Node.Router];

    /// <summary>Starts dualhomed as the exit router of <paramref name="isp"/> (its uplink only, peers on, its own
    /// socket, log and state), changed by <paramref name="configure"/>.</summary>
    public async Task<RouterProcess> StartExitRouterAsync(Isp isp, Action<JsonObject>? configure = null)
    {
        if (!Options.TwoRouters) throw new TestbedException("StartExitRouterAsync needs a site built with TwoRouters");
        if (ExitRouter(isp) is { IsRunning: true }) throw new TestbedException($"router {isp} is already running");
        var n = Interlocked.Increment(ref _routerStarts);
        var config = DaemonConfig.ExitRouter(WorkDirectory, Options.DataPlane, isp);
        configure?.Invoke(config);
        var path = Path.Combine(WorkDirectory, $"dualhomed-{Topology.Letter(isp)}-{n}.json");
        await File.WriteAllTextAsync(path, DaemonConfig.Serialize(config));
        Directory.CreateDirectory((string)config["State"]!["Directory"]!);
        var router = Dualhomed.Start(this, config, path, $"dualhomed-{Topology.Letter(isp)}-{n}", RouterOf(isp));
        if (isp == Isp.A) Router = router; else RouterB = router;
        return router;
    }

    public RouterProcess? ExitRouter(Isp isp) => isp == Isp.A ? Router : RouterB;

    /// <summary><c>dualhomed ctl</c> against the exit router of <paramref name="isp"/>.</summary>
    public Task<CommandResult> CtlAsync(Isp isp, params string[] words)
    {
        var router = ExitRouter(isp) ?? throw new TestbedException($"router {isp} was not started");
        return ExecAsync(RouterOf(isp), [DaemonBinary.Require(), "ctl", "--config", router.ConfigPath, .. words], null);
    }

    private async Task BuildSharedLanAsync()
    {
        await ExecCheckedAsync(Node.Lan, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        await ExecCheckedAsync(Node.Lan, "ip", "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
        await LinkAsync(Node.Host, Topology.HostLan, Node.Lan, "host0");
        await LinkAsync(Node.Router, Topology.RouterLan, Node.Lan, "rtra0");
        await LinkAsync(Node.RouterB, Topology.RouterLan, Node.Lan, "rtrb0");
        foreach (var port in new[] { "host0", "rtra0", "rtrb0" })
            await ExecCheckedAsync(Node.Lan, "ip", "link", "set", port, "master", "br0", "up");
        await ExecCheckedAsync(Node.Lan, "ip", "link", "set", "br0", "up");
    }
}

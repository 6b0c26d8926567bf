using System.Net;
using DualHome.Testbed.Capture;

namespace DualHome.Testbed;

/// <summary>Looking at the site: addresses, routes, ISP counters, captures, RS/RA with rdisc6.</summary>
public sealed partial class Site
{
    private int _captures;

    /// <summary>IPv6 addresses of a node (optionally one interface), from <c>ip -j -6 addr</c>.</summary>
    public async Task<IReadOnlyList<AddressInfo>> AddressesAsync(Node node, string? iface = null)
    {
        string[] argv = iface is null ? ["ip", "-j", "-6", "addr", "show"] : ["ip", "-j", "-6", "addr", "show", "dev", iface];
        return IpJson.Addresses((await ExecCheckedAsync(node, argv)).Stdout);
    }

    /// <summary>The host's eth0 addresses, optionally only those inside <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<AddressInfo>> HostAddressesAsync(IPNetwork? prefix = null) =>
        (await AddressesAsync(Node.Host, Topology.HostLan)).Where(a => prefix is not { } p || p.Contains(a.Address)).ToList();

    /// <summary>
    /// Waits until the host has a preferred (DAD done, not deprecated) global address in <paramref name="prefix"/>.
    /// Fails at once, with the router's exit code and stderr, if the router has exited meanwhile.
    /// </summary>
    public Task<AddressInfo> WaitForHostAddressAsync(IPNetwork prefix, TimeSpan timeout, CancellationToken cancel = default)
    {
        var what = $"a preferred SLAAC address in {prefix} on the host";
        return Poll.ForAsync(async () =>
        {
            ThrowIfRouterExited(what);
            return (await HostAddressesAsync(prefix)).FirstOrDefault(a => a.Preferred && a.Scope == "global");
        }, timeout, what, cancel: cancel);
    }

    /// <summary>Throws when a started router has already exited (a crash or an early exit), quoting its stderr.</summary>
    public void ThrowIfRouterExited(string waitingFor)
    {
        if (Router is not { IsRunning: false } r) return;
        var stderr = r.Process.ReadStderr().Trim();
        if (stderr.Length > 2000) stderr = stderr[^2000..];
        throw new TestbedException($"the router ({r.Kind}, pid {r.Pid}) exited with code {r.Process.ExitCode} " +
                                   $"while waiting for {waitingFor}; stderr: {(stderr.Length == 0 ? "(empty)" : stderr)}");
    }

    public async Task<IReadOnlyList<RouteInfo>> RoutesAsync(Node node, params string[] selector) =>
        IpJson.Routes((await ExecCheckedAsync(node, ["ip", "-j", "-6", "route", "show", .. selector])).Stdout);

    /// <summary><c>ip -6 route show default</c> in a node (the host's RA-learnt default route, the router's source routes).</summary>
    public Task<IReadOnlyList<RouteInfo>> DefaultRoutesAsync(Node node) => RoutesAsync(node, "default");

    /// <summary>The host's default routes learnt from RAs on eth0.</summary>
    public async Task<IReadOnlyList<RouteInfo>> HostDefaultRoutesAsync() =>
        (await DefaultRoutesAsync(Node.Host)).Where(r => r.Device == Topology.HostLan).ToList();

    /// <summary>The kernel (non-manual) link-local address of an interface.</summary>
    public async Task<IPAddress> LinkLocalAsync(Node node, string iface) =>
        (await AddressesAsync(node, iface)).Where(a => a.Scope == "link").Select(a => a.Address)
            .FirstOrDefault(a => !a.Equals(Topology.IspLinkLocal) && !a.Equals(Topology.PeerLinkLocal))
        ?? throw new TestbedException($"{Namespace(node)}/{iface} has no link-local address");

    public async Task<string> LinkAddressAsync(Node node, string iface) =>
        IpJson.LinkAddress((await ExecCheckedAsync(node, "ip", "-j", "link", "show", "dev", iface)).Stdout)
        ?? throw new TestbedException($"{Namespace(node)}/{iface} has no link-layer address");

    /// <summary>The named nft counters and per-source counts of one ISP.</summary>
    public async Task<IspCounters> CountersAsync(Isp isp)
    {
        var n = Topology.NodeOf(isp);
        var counters = await ExecCheckedAsync(n, "nft", "-j", "list", "counters", "table", "inet", IspFilter.Table);
        var set = await ExecCheckedAsync(n, "nft", "-j", "list", "set", "inet", IspFilter.Table, IspFilter.SourceSet);
        return IspFilter.Parse(isp, counters.Stdout, set.Stdout);
    }

    public async Task<(IspCounters A, IspCounters B)> CountersAsync() => (await CountersAsync(Isp.A), await CountersAsync(Isp.B));

    /// <summary>Starts an ICMPv6 capture (tcpdump, ns timestamps) on the host's eth0, or elsewhere.</summary>
    public Task<NdCapture> StartNdCaptureAsync(Node node = Node.Host, string iface = Topology.HostLan, string? name = null) =>
        NdCapture.StartAsync(this, node, iface, name ?? $"capture-{node.ToString().ToLowerInvariant()}-{Interlocked.Increment(ref _captures)}");

    /// <summary>
    /// Sends a Router Solicitation from the host and prints the first RA (<c>rdisc6 -1</c>): exit 0 when an RA
    /// arrived within <paramref name="attempts"/> × <paramref name="waitMs"/>.
    /// </summary>
    public Task<CommandResult> SolicitAsync(int attempts = 3, int waitMs = 1000) =>
        ExecAsync(Node.Host, ["rdisc6", "-1", "-n", "-r", attempts.ToString(), "-w", waitMs.ToString(), Topology.HostLan],
            TimeSpan.FromMilliseconds(attempts * waitMs + 5000));

    /// <summary>Polls any condition with the site's real clock.</summary>
    public Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancel = default) =>
        Poll.TryUntilAsync(condition, timeout, cancel: cancel);
}

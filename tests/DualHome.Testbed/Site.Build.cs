namespace DualHome.Testbed;

/// <summary>Building the topology (testbed.md): every step is an <c>ip</c>, <c>sysctl</c> or <c>nft</c> command in one namespace.</summary>
public sealed partial class Site
{
    private async Task BuildAsync(CancellationToken cancel)
    {
        foreach (var node in Nodes) await AddNamespaceAsync(node);
        if (Options.TwoRouters) await BuildSharedLanAsync();
        else await LinkAsync(Node.Host, Topology.HostLan, Node.Router, Topology.RouterLan);
        foreach (var isp in Topology.Isps)
        {
            await LinkAsync(RouterOf(isp), Topology.RouterWan(isp), Topology.NodeOf(isp), Topology.IspDown);
            await LinkAsync(Topology.NodeOf(isp), Topology.IspUp, Node.Inet, Topology.InetDown(isp));
        }
        await ConfigureHostAsync();
        foreach (var router in RouterNodes) await ExecCheckedAsync(router, "sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
        foreach (var isp in Topology.Isps) await ConfigureIspAsync(isp);
        await ConfigureInetAsync();
        foreach (var router in RouterNodes) await ExecCheckedAsync(router, "ip", "link", "set", Topology.RouterLan, "up");
        await ExecCheckedAsync(Node.Host, "ip", "link", "set", Topology.HostLan, "up");
        if (Options.DataPlane == "packet") await WireLikePeersAsync();
        await WaitForDadAsync(cancel);
    }

    private async Task AddNamespaceAsync(Node node)
    {
        var name = Namespace(node);
        (await Command.RunAsync("ip", "netns", "add", name)).EnsureSuccess();
        Owned.TrackNamespace(name);
        lock (_namespaces) _namespaces.Add(name);
        Note($"created namespace {name}");
        await ExecCheckedAsync(node, "ip", "link", "set", "lo", "up");
    }

    /// <summary>
    /// Packet mode: the router's peers send what a real wire carries. A veth passes the sender's TSO/GSO super-frames
    /// (up to 64 KB) and frames whose checksum is left to an offload that never comes (CHECKSUM_PARTIAL) straight to
    /// the router's ring; a physical NIC only ever receives MTU-sized frames with their checksums filled in. The
    /// daemon turns the offloads of its own ports off itself (testbed.md, "AF_PACKET on veth").
    /// </summary>
    private async Task WireLikePeersAsync()
    {
        string[] off = ["tso", "off", "gso", "off", "gro", "off", "tx", "off"];
        await ExecCheckedAsync(Node.Host, ["ethtool", "-K", Topology.HostLan, .. off]);
        foreach (var isp in Topology.Isps)
            await ExecCheckedAsync(Topology.NodeOf(isp), ["ethtool", "-K", Topology.IspDown, .. off]);
    }

    /// <summary>A veth pair created directly inside the two namespaces (never in the root namespace).</summary>
    private Task LinkAsync(Node a, string ifA, Node b, string ifB) =>
        ExecCheckedAsync(a, "ip", "link", "add", ifA, "type", "veth", "peer", "name", ifB, "netns", Namespace(b));

    /// <summary>A simple host: forwarding off, accepts RAs, does SLAAC (default EUI-64 addresses, with DAD).</summary>
    private async Task ConfigureHostAsync()
    {
        await ExecCheckedAsync(Node.Host, "sysctl", "-qw", "net.ipv6.conf.all.forwarding=0",
            $"net.ipv6.conf.{Topology.HostLan}.accept_ra=1", $"net.ipv6.conf.{Topology.HostLan}.autoconf=1");
    }

    /// <summary>
    /// Router side: fe80::2 on wanX (nodad), link up. ISP side: forwarding, fe80::1 on rtr0 and inet0,
    /// its /48 routed to the router, default to inet, and the ingress filter.
    /// </summary>
    private async Task ConfigureIspAsync(Isp isp)
    {
        var n = Topology.NodeOf(isp);
        var wan = Topology.RouterWan(isp);
        await ExecCheckedAsync(RouterOf(isp), "ip", "-6", "addr", "add", $"{Topology.PeerLinkLocal}/64", "dev", wan, "nodad");
        await ExecCheckedAsync(RouterOf(isp), "ip", "link", "set", wan, "up");
        await ExecCheckedAsync(n, "sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
        foreach (var dev in new[] { Topology.IspDown, Topology.IspUp })
        {
            await ExecCheckedAsync(n, "ip", "-6", "addr", "add", $"{Topology.IspLinkLocal}/64", "dev", dev, "nodad");
            await ExecCheckedAsync(n, "ip", "link", "set", dev, "up");
        }
        await ExecCheckedAsync(n, "ip", "-6", "route", "replace", Topology.Delegated(isp).ToString(),
            "via", Topology.PeerLinkLocal.ToString(), "dev", Topology.IspDown);
        await ExecCheckedAsync(n, "ip", "-6", "route", "replace", "default", "via", Topology.PeerLinkLocal.ToString(), "dev", Topology.IspUp);
        (await ExecAsync(n, ["nft", "-f", "-"], stdin: IspFilter.Ruleset(isp))).EnsureSuccess();
    }

    /// <summary>The server address on lo, and a route to each /48 via its ISP with the server as source hint.</summary>
    private async Task ConfigureInetAsync()
    {
        await ExecCheckedAsync(Node.Inet, "ip", "-6", "addr", "add", $"{Topology.Server}/128", "dev", "lo", "nodad");
        foreach (var isp in Topology.Isps)
        {
            var dev = Topology.InetDown(isp);
            await ExecCheckedAsync(Node.Inet, "ip", "-6", "addr", "add", $"{Topology.PeerLinkLocal}/64", "dev", dev, "nodad");
            await ExecCheckedAsync(Node.Inet, "ip", "link", "set", dev, "up");
            await ExecCheckedAsync(Node.Inet, "ip", "-6", "route", "replace", Topology.Delegated(isp).ToString(),
                "via", Topology.IspLinkLocal.ToString(), "dev", dev, "src", Topology.Server.ToString());
        }
    }

    /// <summary>The kernel link-local addresses of host and router must finish DAD before anything sends ND from them.</summary>
    private Task WaitForDadAsync(CancellationToken cancel) =>
        Poll.UntilAsync(async () =>
        {
            foreach (var node in RouterNodes.Prepend(Node.Host))
            {
                var addrs = await AddressesAsync(node);
                if (addrs.Any(a => a.Tentative) || !addrs.Any(a => a.Scope == "link" && a.Interface is Topology.HostLan or Topology.RouterLan))
                    return false;
            }
            return true;
        }, TimeSpan.FromSeconds(10), "link-local DAD on host and router", TimeSpan.FromMilliseconds(100), cancel);
}

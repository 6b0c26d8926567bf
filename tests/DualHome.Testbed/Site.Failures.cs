namespace DualHome.Testbed;

/// <summary>Failure injection (testbed.md, "A silent ISP failure" / "A loud failure").</summary>
public sealed partial class Site
{
    /// <summary>
    /// Silent failure: the ISP drops everything to and from inet0 in a forward chain that runs before its
    /// ingress filter; carrier stays up, so only probes beyond the ISP notice.
    /// </summary>
    public async Task SilentFailAsync(Isp isp)
    {
        foreach (var rule in IspFilter.SilentFailRules()) await ExecCheckedAsync(Topology.NodeOf(isp), ["nft", .. rule]);
    }

    /// <summary>Ends a silent failure (empties the failure chain).</summary>
    public Task RestoreAsync(Isp isp) =>
        ExecCheckedAsync(Topology.NodeOf(isp), "nft", "flush", "chain", "inet", IspFilter.Table, IspFilter.FailureChain);

    /// <summary>Loud failure: the ISP takes rtr0 down, so the router's wan interface loses carrier.</summary>
    public Task CarrierDownAsync(Isp isp) =>
        ExecCheckedAsync(Topology.NodeOf(isp), "ip", "link", "set", Topology.IspDown, "down");

    /// <summary>
    /// Brings rtr0 back. Taking a link down flushes its fe80::1 and the /48 route in the ISP, so both are
    /// put back (the router side only lost carrier and keeps its own addresses).
    /// </summary>
    public async Task CarrierUpAsync(Isp isp)
    {
        var n = Topology.NodeOf(isp);
        await ExecCheckedAsync(n, "ip", "link", "set", Topology.IspDown, "up");
        await ExecCheckedAsync(n, "ip", "-6", "addr", "replace", $"{Topology.IspLinkLocal}/64", "dev", Topology.IspDown, "nodad");
        await ExecCheckedAsync(n, "ip", "-6", "route", "replace", Topology.Delegated(isp).ToString(),
            "via", Topology.PeerLinkLocal.ToString(), "dev", Topology.IspDown);
    }
}

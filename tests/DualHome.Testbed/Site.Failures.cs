namespace DualHome.Testbed;

/// <summary>How an ISP fails (testbed.md): silently (carrier up, nothing gets through) or loudly (carrier lost).</summary>
public enum FailureKind { Silent, Carrier }

/// <summary>
/// When a failure was injected or repaired: the wall clock (CLOCK_REALTIME, the clock of the pcap timestamps) just
/// before the command was spawned and just after it returned. The change took effect in between; measurements count
/// from <see cref="Before"/>, so they include the command's own run time and never flatter the router.
/// </summary>
public sealed record Injection(string What, DateTimeOffset Before, DateTimeOffset After)
{
    public TimeSpan CommandTook => After - Before;

    public override string ToString() => $"{What} (command took {CommandTook.TotalMilliseconds:0.0} ms)";
}

/// <summary>Failure injection (testbed.md, "A silent ISP failure" / "A loud failure").</summary>
public sealed partial class Site
{
    /// <summary>Injects a failure of <paramref name="kind"/> at <paramref name="isp"/> and says when.</summary>
    public Task<Injection> FailAsync(Isp isp, FailureKind kind) =>
        TimedAsync(kind == FailureKind.Silent ? $"ISP {isp} silently dead" : $"ISP {isp} carrier down",
            () => kind == FailureKind.Silent ? SilentFailAsync(isp) : CarrierDownAsync(isp));

    /// <summary>Ends a failure injected by <see cref="FailAsync"/> and says when.</summary>
    public Task<Injection> RepairAsync(Isp isp, FailureKind kind) =>
        TimedAsync(kind == FailureKind.Silent ? $"ISP {isp} restored" : $"ISP {isp} carrier up",
            () => kind == FailureKind.Silent ? RestoreAsync(isp) : CarrierUpAsync(isp));

    /// <summary>
    /// Silent failure: the ISP drops everything to and from inet0 in a forward chain that runs before its
    /// ingress filter; carrier stays up, so only probes beyond the ISP notice.
    /// </summary>
    public async Task SilentFailAsync(Isp isp) =>
        (await ExecAsync(Topology.NodeOf(isp), ["nft", "-f", "-"], stdin: IspFilter.SilentFailScript())).EnsureSuccess();

    /// <summary>Makes <paramref name="isp"/> lose <paramref name="percent"/> % of its traffic each way (not a failure: its
    /// probes mostly get through); ended by <see cref="RestoreAsync"/>.</summary>
    public async Task<Injection> DegradeAsync(Isp isp, int percent) =>
        await TimedAsync($"ISP {isp} loses {percent} % each way", async () =>
            (await ExecAsync(Topology.NodeOf(isp), ["nft", "-f", "-"], stdin: IspFilter.LossScript(percent))).EnsureSuccess());

    /// <summary>Ends a silent failure (empties the failure chain).</summary>
    public Task RestoreAsync(Isp isp) =>
        ExecCheckedAsync(Topology.NodeOf(isp), "nft", "flush", "chain", "inet", IspFilter.Table, IspFilter.FailureChain);

    /// <summary>Loud failure: the ISP takes rtr0 down, so the router's wan interface loses carrier.</summary>
    public Task CarrierDownAsync(Isp isp) =>
        ExecCheckedAsync(Topology.NodeOf(isp), "ip", "link", "set", Topology.IspDown, "down");

    /// <summary>
    /// Brings rtr0 back. Taking a link down flushes its fe80::1 and the /48 route in the ISP, so both are put back
    /// (the router side only lost carrier and keeps its own addresses). The address goes back before the link comes
    /// up, in one <c>ip -batch</c>, as on a real ISP router whose address does not vanish with the cable: otherwise
    /// the router's first neighbour solicitation after carrier-up can arrive before fe80::1 exists, and resolution
    /// waits for the kernel's 1 s retransmission (the 1.3 s recoveries seen before this order).
    /// </summary>
    public async Task CarrierUpAsync(Isp isp)
    {
        var script = $"""
            addr replace {Topology.IspLinkLocal}/64 dev {Topology.IspDown} nodad
            link set {Topology.IspDown} up
            route replace {Topology.Delegated(isp)} via {Topology.PeerLinkLocal} dev {Topology.IspDown}

            """;
        (await ExecAsync(Topology.NodeOf(isp), ["ip", "-batch", "-"], stdin: script)).EnsureSuccess();
    }

    private async Task<Injection> TimedAsync(string what, Func<Task> action)
    {
        var before = DateTimeOffset.UtcNow;
        await action();
        var injection = new Injection(what, before, DateTimeOffset.UtcNow);
        Note($"injected: {injection}");
        return injection;
    }
}

using DualHome.Testbed;

namespace DualHome.Demo;

/// <summary>
/// Issue 11 in the demo: `dualhomed host` on the host, MPTCP on the server. A 1 MB/s MPTCP transfer and a plain TCP one,
/// both from the A address, run while ISP A dies silently for 3 s: the MPTCP one moves to its B subflow and barely
/// pauses, the plain one stalls until A is back. Host mode is stopped at the end and puts everything back.
/// </summary>
public static class DemoHostMode
{
    private const int MptcpPort = 7400, TcpPort = 7401;

    public static async Task MptcpSurvives(DemoContext ctx)
    {
        var site = ctx.Site ?? throw new StepFailedException("no site");
        var a = ctx.HostAddress.GetValueOrDefault(Isp.A) ?? throw new StepFailedException("host has no A address");
        var b = ctx.HostAddress.GetValueOrDefault(Isp.B) ?? throw new StepFailedException("host has no B address");
        await site.EnableServerMptcpAsync();
        var host = site.StartHostMode();
        if (!await site.WaitForMptcpEndpointsAsync(TimeSpan.FromSeconds(10), ctx.Cancel, a, b))
            throw new StepFailedException($"host mode added no MPTCP endpoints: {host.ReadStderr().Trim()}");
        ctx.Detail($"host mode: MPTCP subflow endpoints for {a} and {b}; source routes per prefix");
        var (_, mptcpResult) = await site.StartTransferServerAsync(MptcpPort, "mptcp");
        var (_, tcpResult) = await site.StartTransferServerAsync(TcpPort, "tcp");
        var mptcp = site.StartTransfer(a, MptcpPort, "mptcp", TimeSpan.FromSeconds(10), 1_000_000);
        var tcp = site.StartTransfer(a, TcpPort, "tcp", TimeSpan.FromSeconds(10), 200_000);
        await Task.Delay(TimeSpan.FromSeconds(3), ctx.Cancel);
        ctx.Detail((await site.FailAsync(Isp.A, FailureKind.Silent)).ToString());
        await Task.Delay(TimeSpan.FromSeconds(3), ctx.Cancel);
        ctx.Detail((await site.RepairAsync(Isp.A, FailureKind.Silent)).ToString());
        await mptcp.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await tcp.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var m = await site.ReadTransferAsync(mptcpResult, TimeSpan.FromSeconds(10));
        var t = await site.ReadTransferAsync(tcpResult, TimeSpan.FromSeconds(10));
        ctx.Detail($"MPTCP from A: {m}");
        ctx.Detail($"plain TCP from A: {t}");
        await host.StopAsync(TimeSpan.FromSeconds(5));
        if (mptcp.ExitCode != 0 || m.Reset) throw new StepFailedException($"the MPTCP transfer broke: {mptcp.ReadStdout().Trim()}");
        if (m.MaxGapMs >= 1500) throw new StepFailedException($"MPTCP stalled {m.MaxGapMs:0} ms");
        if (t.MaxGapMs < 2000) throw new StepFailedException($"plain TCP from A did not stall ({t.MaxGapMs:0} ms): was A really dead?");
    }
}

using DualHome.Testbed;

namespace DualHome.Demo;

/// <summary>
/// Issue 11's figure for `bench`: how long an MPTCP transfer stalls when ISP A fails silently under it. One site,
/// the router and `dualhomed host` on the host; each run is a fresh 1 MB/s MPTCP transfer bound to the host's A address
/// (so all its data is on A when A dies), ISP A dead for 3 s, and the receiver's longest gap between two reads.
/// </summary>
public static class BenchMptcp
{
    private const int FirstPort = 7300;

    public static async Task RunAsync(DemoContext context, int runs)
    {
        var reporter = context.Reporter;
        reporter.Plain($"MPTCP stall at failover: host mode, 1 MB/s MPTCP from the A address, ISP A silently dead for 3 s ({runs} runs)");
        await using var site = await Site.CreateAsync(new SiteOptions { Router = context.RouterKind }, context.Cancel);
        context.Site = site;
        await site.StartDaemonAsync();
        var a = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), context.Cancel)).Address;
        await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.B), TimeSpan.FromSeconds(20), context.Cancel);
        await site.EnableServerMptcpAsync();
        site.StartHostMode();
        var stalls = new List<double>();
        for (int n = 1; n <= runs; n++)
        {
            if (!await site.WaitForMptcpEndpointsAsync(TimeSpan.FromSeconds(15), context.Cancel, a)) { reporter.Plain($"run {n}: host mode has no endpoint for A"); continue; }
            var (_, path) = await site.StartTransferServerAsync(FirstPort + n, "mptcp");
            var sender = site.StartTransfer(a, FirstPort + n, "mptcp", TimeSpan.FromSeconds(8), 1_000_000);
            await Task.Delay(TimeSpan.FromMilliseconds(2500 + Random.Shared.Next(200)), context.Cancel); // not in phase with the probes
            await site.FailAsync(Isp.A, FailureKind.Silent);
            await Task.Delay(TimeSpan.FromSeconds(3), context.Cancel);
            await site.RepairAsync(Isp.A, FailureKind.Silent);
            await sender.WaitForExitAsync(TimeSpan.FromSeconds(30));
            var result = await site.ReadTransferAsync(path, TimeSpan.FromSeconds(10));
            reporter.Plain($"run {n}: longest stall {result.MaxGapMs:0} ms; {result}; sender exit {sender.ExitCode}");
            if (sender.ExitCode == 0 && !result.Reset) stalls.Add(result.MaxGapMs);
        }
        Summarise(reporter, stalls, runs);
    }

    private static void Summarise(Reporter reporter, List<double> stalls, int runs)
    {
        if (stalls.Count == 0) { reporter.Plain("MPTCP stall at failover: no run completed"); return; }
        stalls.Sort();
        reporter.Plain($"MPTCP stall at failover: median {stalls[stalls.Count / 2]:0} ms, max {stalls[^1]:0} ms " +
                       $"({stalls.Count} of {runs} transfers completed without a reset)");
    }
}

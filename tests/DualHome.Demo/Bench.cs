using DualHome.Testbed;
using DualHome.Testbed.Capture;
using DualHome.Testbed.Failover;
using DualHome.Testbed.Router;

namespace DualHome.Demo;

/// <summary>
/// `bench`: start-to-first-RA over several daemon starts; failover and recovery times over several runs each
/// (<see cref="BenchFailover"/>); resident memory after an idle period, then the return of an uplink that was stable.
/// Start = wall clock (CLOCK_REALTIME) just before the process is spawned (so it includes fork/exec and
/// `ip netns exec`); first RA = the kernel receive timestamp, in ns, of the first RA the host's eth0 sees
/// after that (tcpdump <c>--time-stamp-precision=nano</c>, same clock). Failure times count from just before the
/// injecting command is spawned. RSS = VmRSS from /proc/PID/status. The forwarding part follows on a site of its own
/// (<see cref="BenchForwarding"/>).
/// </summary>
public sealed class Bench(Reporter reporter, BenchOptions options, CancellationToken cancel)
{
    private static readonly TimeSpan FirstRaTimeout = TimeSpan.FromSeconds(20);

    public async Task<bool> RunAsync(Site site)
    {
        var (firstRa, startTimes) = await StartToFirstRaAsync(site);
        await BenchReport.SettingsAsync(reporter, site);
        using var watch = await SiteWatch.StartAsync(site, name: "bench-watch");
        var failover = new BenchFailover(reporter, cancel);
        List<FailoverRun> silent = [], carrier = [];
        if (site.Options.Router == RouterKind.Dualhomed)
        {
            silent = await failover.RunAsync(watch, Isp.A, FailureKind.Silent, options.FailoverRuns);
            carrier = await failover.RunAsync(watch, Isp.B, FailureKind.Carrier, options.FailoverRuns);
        }
        else reporter.Plain("failover runs skipped: the radvd stand-in has no uplink health logic");
        var (memory, running, stable) = await IdleAsync(site, watch, failover);
        BenchReport.Table(reporter, site, firstRa, startTimes, silent, carrier, stable, memory, options.IdleSeconds);
        var complete = silent.Concat(carrier).All(r => r.Down.FailoverAfter is not null && r.Up.PreferredAfter is not null);
        return running && memory is not null && complete;
    }

    /// <summary>Per start: the first RA of all (sent before any uplink is known to work: router lifetime 0,
    /// prefixes deprecated) and the first as default router (after UpAfter answered probe rounds).</summary>
    private async Task<(List<double> First, List<double> AsDefault)> StartToFirstRaAsync(Site site)
    {
        using var capture = await site.StartNdCaptureAsync(name: "bench");
        var first = new List<double>();
        var times = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var router = await site.StartDaemonAsync();
            var any = await capture.WaitForAdvertisementAsync(_ => true, FirstRaTimeout,
                "the first RA after start", router.StartedAt, cancel, () => site.ThrowIfRouterExited("its first RA"));
            first.Add((any.Time - router.StartedAt).TotalMilliseconds);
            var ra = await capture.WaitForAdvertisementAsync(r => r.Ra.RouterLifetime > 0, FirstRaTimeout,
                "the first RA after start", router.StartedAt, cancel, () => site.ThrowIfRouterExited("its first RA"));
            var stop = await site.StopDaemonAsync();
            if (stop.ExitCode != 0) reporter.Plain($"  note: exit code {stop.ExitCode?.ToString() ?? "none (killed)"} on SIGTERM");
            var ms = (ra.Time - router.StartedAt).TotalMilliseconds;
            reporter.Plain($"start {run}: first RA after {first[^1]:0.0} ms, first as default router after {ms:0.0} ms");
            times.Add(ms);
        }
        return (first, times);
    }

    /// <summary>
    /// One daemon left alone for the idle period (RSS), then — once uplink A has been up longer than the daemon's
    /// 60 s stable time — silent failures of A whose return needs no hold-down.
    /// </summary>
    private async Task<(ProcStatus?, bool, List<FailoverRun>)> IdleAsync(Site site, SiteWatch watch, BenchFailover failover)
    {
        var router = await site.StartDaemonAsync();
        var stable = new List<FailoverRun>();
        try
        {
            var steady = await watch.WaitForSteadyStateAsync(Isp.A, TimeSpan.FromSeconds(20), cancel);
            var upSince = steady.Ra.Time; // both uplinks were up when this RA went out
            reporter.Plain($"idle {options.IdleSeconds} s (pid {router.Pid}) …");
            await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), cancel);
            var memory = ProcStatus.Read(router.Pid);
            var running = router.IsRunning;
            if (site.Options.Router != RouterKind.Dualhomed) return (memory, running, stable);
            for (var n = 1; n <= options.StableRuns; n++)
            {
                var wait = upSince + StableUp - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    reporter.Plain($"waiting {wait.TotalSeconds:0} s more: uplink A must have been up {StableUp.TotalSeconds:0} s");
                    await Task.Delay(wait, cancel);
                }
                stable.Add(await failover.StableRecoveryAsync(watch, Isp.A, n));
                upSince = DateTimeOffset.UtcNow;
            }
            return (memory, running, stable);
        }
        finally
        {
            await site.StopDaemonAsync();
        }
    }

    /// <summary>The daemon's stable time (HoldDown.StableTime, 60 s) with a margin.</summary>
    private static readonly TimeSpan StableUp = TimeSpan.FromSeconds(62);
}

/// <param name="ForwardingOnly">`bench forwarding`: only the forwarding part (<see cref="BenchForwarding"/>).</param>
public sealed record BenchOptions(int Runs = 5, int IdleSeconds = 60, int FailoverRuns = 10, int StableRuns = 1, bool ForwardingOnly = false,
    bool MptcpOnly = false)
{
    /// <summary>`--modes`: the forwarding modes to measure, in order.</summary>
    public IReadOnlyList<DataPlaneMode> Modes { get; init; } = BenchForwarding.Modes;
}

/// <summary>Memory lines of /proc/PID/status.</summary>
public sealed record ProcStatus(long VmRssKb, long VmHwmKb)
{
    public static ProcStatus? Read(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        return new ProcStatus(Field(lines, "VmRSS:"), Field(lines, "VmHWM:"));
    }

    private static long Field(string[] lines, string name) =>
        lines.Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => long.Parse(l[name.Length..].Trim().Split(' ')[0]))
            .FirstOrDefault();
}

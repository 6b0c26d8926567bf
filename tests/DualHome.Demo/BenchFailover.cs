using DualHome.Testbed;
using DualHome.Testbed.Failover;

namespace DualHome.Demo;

/// <summary>One failover run: the failure's timing and the recovery's, plus the daemon's reason for the return.</summary>
public sealed record FailoverRun(int Number, FailoverTiming Down, RecoveryTiming Up, string? UpReason);

/// <summary>
/// The failover part of `bench`. Every run gets a fresh daemon, so runs are independent: a hold-down earned in one
/// run (flap damping) cannot lengthen the next. A fresh daemon's uplinks have been up for less than the 60 s stable
/// time when they fail, so by the daemon's flap rule their return serves the first hold-down (1 s); the return of an
/// uplink that was stable is measured separately (<see cref="StableRecoveryAsync"/>).
/// </summary>
public sealed class BenchFailover(Reporter reporter, CancellationToken cancel)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Recover = TimeSpan.FromSeconds(10);

    /// <summary><paramref name="runs"/> runs of: steady state with <paramref name="isp"/> as the host's first choice,
    /// failure, failover, repair, recovery.</summary>
    public async Task<List<FailoverRun>> RunAsync(SiteWatch watch, Isp isp, FailureKind kind, int runs)
    {
        var results = new List<FailoverRun>();
        for (var n = 1; n <= runs; n++)
        {
            var router = await watch.Site.StartDaemonAsync();
            try
            {
                await watch.WaitForSteadyStateAsync(isp, Settle, cancel);
                await Task.Delay(TimeSpan.FromMilliseconds(200 + Random.Shared.Next(200)), cancel); // not in phase with the probes
                results.Add(await OneAsync(watch, isp, kind, n, router));
            }
            finally
            {
                await watch.Site.StopDaemonAsync();
            }
        }
        return results;
    }

    /// <summary>On a daemon whose uplink <paramref name="isp"/> has been up for more than the stable time.</summary>
    public async Task<FailoverRun> StableRecoveryAsync(SiteWatch watch, Isp isp, int number) =>
        await OneAsync(watch, isp, FailureKind.Silent, number, watch.Site.Router!);

    private async Task<FailoverRun> OneAsync(SiteWatch watch, Isp isp, FailureKind kind, int n, Testbed.Router.RouterProcess router)
    {
        var down = await watch.FailAsync(isp, kind, Measure, cancel);
        var up = await watch.RecoverAsync(isp, kind, Recover, cancel);
        var run = new FailoverRun(n, down, up, LastUpReason(router, isp));
        reporter.Plain($"{Label(isp, kind)} run {n}: RA {Ms(down.RaAfter)}, host deprecated {Ms(down.DeprecatedAfter)}, " +
                       $"first new connection from ISP {Topology.Other(isp)} {Ms(down.FailoverAfter)} ({down.FailedAttempts} failed before); " +
                       $"repair → preferred {Ms(up.PreferredAfter)}, back via {isp} {Ms(up.BackAfter)}; daemon: {run.UpReason ?? "?"}");
        return run;
    }

    public static string Label(Isp isp, FailureKind kind) => kind == FailureKind.Silent ? $"silent {isp}" : $"carrier {isp}";

    private static string Ms(TimeSpan? t) => t is { } v ? $"{v.TotalMilliseconds:0.0} ms" : "never";

    /// <summary>The reason in the daemon's last "… -> Up" line for the uplink (e.g. "13 probe rounds answered over 1.1 s, hold-down 1 s").</summary>
    private static string? LastUpReason(Testbed.Router.RouterProcess router, Isp isp)
    {
        var line = router.ReadLog().Split('\n').LastOrDefault(l => l.Contains($"uplink {Topology.Letter(isp)}:") && l.Contains("-> \"Up\""));
        return line is null ? null : line[(line.IndexOf("-> \"Up\"", StringComparison.Ordinal) + 7)..].Trim().Trim('(', ')');
    }
}

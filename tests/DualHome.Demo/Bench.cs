using DualHome.Testbed;
using DualHome.Testbed.Capture;

namespace DualHome.Demo;

/// <summary>
/// `bench`: start-to-first-RA over several daemon starts, and resident memory after an idle period.
/// Start = wall clock (CLOCK_REALTIME) just before the process is spawned (so it includes fork/exec and
/// `ip netns exec`); first RA = the kernel receive timestamp, in ns, of the first RA the host's eth0 sees
/// after that (tcpdump <c>--time-stamp-precision=nano</c>, same clock). RSS = VmRSS from /proc/PID/status.
/// </summary>
public sealed class Bench(Reporter reporter, BenchOptions options, CancellationToken cancel)
{
    private static readonly TimeSpan FirstRaTimeout = TimeSpan.FromSeconds(20);

    public async Task<bool> RunAsync(Site site)
    {
        using var capture = await site.StartNdCaptureAsync(name: "bench");
        var times = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var ms = await StartToFirstRaAsync(site, capture);
            reporter.Plain($"start {run}: first RA after {ms:0.0} ms");
            times.Add(ms);
        }
        var router = await site.StartDaemonAsync();
        reporter.Plain($"idle {options.IdleSeconds} s (pid {router.Pid}) …");
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), cancel);
        var memory = ProcStatus.Read(router.Pid);
        var running = router.IsRunning;
        await site.StopDaemonAsync();
        PrintTable(site, times, memory);
        return running && memory is not null;
    }

    private async Task<double> StartToFirstRaAsync(Site site, NdCapture capture)
    {
        var router = await site.StartDaemonAsync();
        var ra = await capture.WaitForAdvertisementAsync(r => r.Ra.RouterLifetime > 0, FirstRaTimeout,
            "the first RA after start", router.StartedAt, cancel, () => site.ThrowIfRouterExited("its first RA"));
        var stop = await site.StopDaemonAsync();
        if (stop.ExitCode != 0) reporter.Plain($"  note: exit code {stop.ExitCode?.ToString() ?? "none (killed)"} on SIGTERM");
        return (ra.Time - router.StartedAt).TotalMilliseconds;
    }

    private void PrintTable(Site site, List<double> times, ProcStatus? memory)
    {
        var sorted = times.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        reporter.Plain($"router: {site.Options.Router}; timing: spawn (CLOCK_REALTIME) → host eth0 kernel rx timestamp of the first RA (tcpdump, ns)");
        (string, string)[] rows =
        [
            ($"start → first RA, median of {times.Count}", $"{median:0.0} ms"),
            ("start → first RA, max", $"{sorted[^1]:0.0} ms"),
            ("start → first RA, min", $"{sorted[0]:0.0} ms"),
            ($"VmRSS after {options.IdleSeconds} s idle", Kb(memory?.VmRssKb)),
            ("VmHWM (peak RSS)", Kb(memory?.VmHwmKb)),
        ];
        var width = rows.Max(r => r.Item1.Length);
        reporter.Plain($"| {"metric".PadRight(width)} | {"value",12} |");
        reporter.Plain($"|{new string('-', width + 2)}|{new string('-', 14)}|");
        foreach (var (name, value) in rows) reporter.Plain($"| {name.PadRight(width)} | {value,12} |");
    }

    private static string Kb(long? kb) => kb is { } v ? $"{v / 1024.0:0.0} MiB" : "n/a";
}

public sealed record BenchOptions(int Runs = 5, int IdleSeconds = 60);

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

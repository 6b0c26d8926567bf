using DualHome.Testbed;
using DualHome.Testbed.Failover;
using DualHome.Testbed.Probing;
using DualHome.Testbed.Router;

namespace DualHome.Demo;

/// <summary>What `bench` prints besides the per-run lines: the settings it ran with and the summary table.</summary>
public static class BenchReport
{
    /// <summary>Kernel, host and router settings that shape the figures, and the daemon's probe settings as it reads them.</summary>
    public static async Task SettingsAsync(Reporter reporter, Site site)
    {
        reporter.Plain($"kernel {(await Command.RunAsync("uname", "-r")).Stdout.Trim()}, {Environment.ProcessorCount} CPUs");
        reporter.Plain($"host eth0: {await SysctlsAsync(site, Node.Host, "accept_ra", "autoconf", "use_tempaddr", "dad_transmits")}");
        reporter.Plain($"router wan retrans_time_ms {await SysctlAsync(site, Node.Router, "net.ipv6.neigh.wana.retrans_time_ms")}, " +
                       $"forwarding {await SysctlAsync(site, Node.Router, "net.ipv6.conf.all.forwarding")}");
        reporter.Plain("host source choice: its RFC 6724 policy table labels the other ISP's /48 apart, so the ISP under test is " +
                       "its first choice while both are preferred (rule 6); a deprecated address still loses first (rule 3)");
        var prober = new ProberOptions();
        reporter.Plain($"host TCP probe: a new connection every {prober.Interval.TotalMilliseconds:0} ms, default source selection, " +
                       $"{prober.Timeout.TotalMilliseconds:0} ms connect timeout (timing resolution ≈ the interval)");
        if (site.Router is not { Kind: RouterKind.Dualhomed } router) return;
        var settings = await DaemonSettings.ReadAsync(router.ConfigPath);
        foreach (var p in settings.Probes) reporter.Plain($"probe settings: {p}");
        reporter.Plain($"RA interval {settings.RaMinSeconds}–{settings.RaMaxSeconds} s (changes are sent at once)");
    }

    public static void Table(Reporter reporter, Site site, List<double> firstRa, List<double> startTimes, List<FailoverRun> silent,
        List<FailoverRun> carrier, List<FailoverRun> stable, ProcStatus? memory, int idleSeconds)
    {
        var start = Sample.Of("start → first RA as default router", startTimes.Select(ms => (TimeSpan?)TimeSpan.FromMilliseconds(ms)));
        Sample[] samples =
        [
            Sample.Of("start → first RA (router lifetime 0 until an uplink answers)", firstRa.Select(ms => (TimeSpan?)TimeSpan.FromMilliseconds(ms))),
            start,
            Sample.Of("silent A: failure → RA deprecating A (detection + send)", silent.Select(r => r.Down.RaAfter)),
            Sample.Of("silent A: failure → first new TCP connection from B", silent.Select(r => r.Down.FailoverAfter)),
            Sample.Of("carrier B: loss → RA deprecating B", carrier.Select(r => r.Down.RaAfter)),
            Sample.Of("carrier B: loss → first new TCP connection from A", carrier.Select(r => r.Down.FailoverAfter)),
            Sample.Of("silent A: restore → host's A preferred (UpAfter rounds)", silent.Select(r => r.Up.PreferredAfter)),
            Sample.Of("carrier B: carrier up → host's B preferred (UpAfter rounds)", carrier.Select(r => r.Up.PreferredAfter)),
            Sample.Of("silent A: restore → A preferred (A stable ≥ 60 s: no hold-down)", stable.Select(r => r.Up.PreferredAfter)),
        ];
        reporter.Plain($"router: {site.Options.Router}; times in ms from just before the injecting command was spawned");
        var width = samples.Max(s => s.Name.Length);
        reporter.Plain($"| {"metric".PadRight(width)} | runs | {"median",8} | {"max",8} | {"min",8} |");
        reporter.Plain($"|{new string('-', width + 2)}|------|----------|----------|----------|");
        foreach (var s in samples.Where(s => s.Runs > 0))
            reporter.Plain($"| {s.Name.PadRight(width)} | {Runs(s),4} | {Ms(s.Median),8} | {Ms(s.Max),8} | {Ms(s.Min),8} |");
        reporter.Plain($"| {$"VmRSS after {idleSeconds} s idle".PadRight(width)} |      | {Kb(memory?.VmRssKb),8} |          |          |");
        reporter.Plain($"| {"VmHWM (peak RSS)".PadRight(width)} |      | {Kb(memory?.VmHwmKb),8} |          |          |");
    }

    private static string Runs(Sample s) => s.Missing == 0 ? s.Runs.ToString() : $"{s.Values.Count}/{s.Runs}";

    private static string Ms(double? v) => v is { } x ? $"{x:0.0}" : "n/a";

    private static string Kb(long? kb) => kb is { } v ? $"{v / 1024.0:0.0} MiB" : "n/a";

    private static async Task<string> SysctlsAsync(Site site, Node node, params string[] keys)
    {
        var parts = new List<string>();
        foreach (var k in keys) parts.Add($"{k} {await SysctlAsync(site, node, $"net.ipv6.conf.{Topology.HostLan}.{k}")}");
        return string.Join(", ", parts);
    }

    private static async Task<string> SysctlAsync(Site site, Node node, string key) =>
        (await site.ExecAsync(node, "sysctl", "-n", key)).Stdout.Trim();
}

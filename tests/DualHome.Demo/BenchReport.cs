using DualHome.Testbed;
using DualHome.Testbed.Failover;
using DualHome.Testbed.Probing;
using DualHome.Testbed.Router;
using DualHome.Testbed.Traffic;

namespace DualHome.Demo;

/// <summary>What `bench` prints besides the per-run lines: the settings it ran with and the summary tables.</summary>
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

    /// <summary>Forwarding: one row per data plane mode, then packet/kernel ratios against the issue's targets.</summary>
    public static void ForwardingTable(Reporter reporter, IReadOnlyList<ForwardingRun> runs)
    {
        reporter.Plain("forwarding, host → router → ISP A, peers' offloads off in every mode; * = the search stopped because trafgen " +
                       "could not send faster (one CPU, shared with the router's work on a small machine): the router's limit is higher");
        reporter.Plain("| mode              | 64 B max rate, loss < 0.1 % (kpps) | 64 B no limit: forwarded (kpps) | TCP (Gbit/s) | RTT p50/p99 (µs) |");
        reporter.Plain("|-------------------|------------------------------------|---------------------------------|--------------|------------------|");
        foreach (var r in runs)
        {
            var max = r.Flood.MaxPps is { } m ? $"{m / 1000:0}{(r.Flood.SenderLimited ? "*" : "")}" : "none";
            var rtt = $"{r.Rtt.Percentile(50):0}/{r.Rtt.Percentile(99):0}";
            reporter.Plain($"| {r.Mode,-17} | {max,34} | {r.Flood.Unlimited.ForwardedPps / 1000,31:0} | {r.TcpBitsPerSecond / 1e9,12:0.00} | {rtt,16} |");
        }
        // Against every kernel run: carried offloads switch GRO on at the router's ports, so the like-for-like
        // yardstick for them is the kernel with GRO on too ("kernel, GRO on"), for "offloads off" the plain kernel.
        foreach (var kernel in runs.Where(r => !r.Mode.IsPacket))
        foreach (var packet in runs.Where(r => r.Mode.IsPacket))
            reporter.Plain($"packet/{kernel.Mode}, {packet.Mode}: 64 B {Ratio(packet.Flood.MaxPps, kernel.Flood.MaxPps, 1.0, BoundOf(packet, kernel))}, " +
                           $"TCP {Ratio(packet.TcpBitsPerSecond, kernel.TcpBitsPerSecond, 0.8, RatioBound.Exact)}; added latency " +
                           $"p50 {Added(packet, kernel, 50)} µs, p99 {Added(packet, kernel, 99)} µs");
    }

    /// <summary>What a measured ratio says about the true one.</summary>
    private enum RatioBound { Exact, AtMost, AtLeast, Unknown }

    private static string Ratio(double? packet, double? kernel, double target, RatioBound bound)
    {
        if (packet is not { } p || kernel is not { } k || k <= 0) return "n/a";
        var ratio = p / k;
        var verdict = (bound, ratio >= target) switch
        {
            (RatioBound.Exact or RatioBound.AtLeast, true) => "met",
            (RatioBound.Exact or RatioBound.AtMost, false) => "not met",
            _ => "undecided",
        };
        var note = bound switch
        {
            RatioBound.AtMost => ", at most: kernel mode stopped at trafgen's limit",
            RatioBound.AtLeast => ", at least: packet mode stopped at trafgen's limit",
            RatioBound.Unknown => ", both modes stopped at trafgen's limit",
            _ => "",
        };
        return $"{ratio:0.00} (target ≥ {target:0.0}: {verdict}{note})";
    }

    /// <summary>A rate cut short by trafgen is a lower bound of the router's, so the ratio is one too, or an upper one.</summary>
    private static RatioBound BoundOf(ForwardingRun packet, ForwardingRun kernel) => (packet.Flood.SenderLimited, kernel.Flood.SenderLimited) switch
    {
        (false, true) => RatioBound.AtMost,
        (true, false) => RatioBound.AtLeast,
        (true, true) => RatioBound.Unknown,
        _ => RatioBound.Exact,
    };

    private static string Added(ForwardingRun packet, ForwardingRun kernel, double percentile) =>
        packet.Rtt.Percentile(percentile) - kernel.Rtt.Percentile(percentile) is { } d ? $"{d:+0;-0;0}" : "n/a";

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

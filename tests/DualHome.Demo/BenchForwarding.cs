using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json.Nodes;
using DualHome.Testbed;
using DualHome.Testbed.Router;
using DualHome.Testbed.Traffic;

namespace DualHome.Demo;

/// <summary>What one mode did: the 64-byte load, TCP throughput, RTTs and the daemon's data plane counters.</summary>
public sealed record ForwardingRun(DataPlaneMode Mode, FloodResult Flood, double TcpBitsPerSecond, PingResult Rtt, IReadOnlyList<string> Counters);

/// <summary>
/// `bench` forwarding section (issue 4): kernel mode and packet mode with 1 and 2 workers, back to back on one site
/// (the load is noisy between sessions: only figures taken together compare). The site is built for packet mode,
/// so the router's peers are wire-like (offloads off) for every mode; the daemon is restarted per mode. Per mode:
/// RTTs on the idle path, one iperf3 TCP run, then the 64-byte load (<see cref="ForwardingFlood"/>).
/// </summary>
public sealed class BenchForwarding(Reporter reporter, CancellationToken cancel)
{
    public static readonly DataPlaneMode[] Modes =
    [
        new("kernel", 1), new("kernel", 1, Gro: true), new("packet", 1), new("packet", 1, CarryOffloads: false),
        new("packet", 2), new("packet", 1, DataPlaneMode.BenchRealtimePriority, Pinned: true),
    ];

    /// <summary>Distinct UDP source ports: PACKET_FANOUT hashes flows, so one flow would keep a second worker idle.</summary>
    private const int Flows = 64;
    private const int Echoes = 500;
    private static readonly TimeSpan EchoInterval = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan TcpDuration = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Builds its own site (packet-mode peers), measures every mode, prints the table; a mode that cannot be
    /// measured throws (<see cref="TestbedException"/>, <see cref="TimeoutException"/>).</summary>
    public static async Task RunAsync(DemoContext context, IReadOnlyList<DataPlaneMode> modes)
    {
        var reporter = context.Reporter;
        reporter.Title("forwarding: kernel vs packet mode (host → router → ISP A → server)");
        if (context.RouterKind != RouterKind.Dualhomed)
        {
            reporter.Plain("forwarding skipped: the radvd stand-in has no packet data plane");
            return;
        }
        await BinaryAsync(reporter);
        await using var site = await Site.CreateAsync(new SiteOptions { Router = context.RouterKind, DataPlane = "packet" }, context.Cancel);
        context.Site = site;
        var runs = await new BenchForwarding(reporter, context.Cancel).MeasureModesAsync(site, modes);
        reporter.Plain($"load average at the end: {LoadAverage()}");
        BenchReport.ForwardingTable(reporter, runs);
    }

    public async Task<List<ForwardingRun>> MeasureModesAsync(Site site, IReadOnlyList<DataPlaneMode> modes)
    {
        reporter.Plain("offloads: the peers (host eth0, ISP rtr0) send with tso/gso/gro/tx-checksum off in every mode (wire-like " +
                       "frames); the router's own ports keep veth's defaults (GRO off) in kernel mode, GRO on in \"kernel, GRO on\"; " +
                       "in packet mode the daemon switches GRO on (offloads carried) or everything off (\"offloads off\"); shown per mode");
        var runs = new List<ForwardingRun>();
        foreach (var mode in modes) runs.Add(await MeasureAsync(site, mode));
        return runs;
    }

    private async Task<ForwardingRun> MeasureAsync(Site site, DataPlaneMode mode)
    {
        reporter.Plain($"mode {mode}: load average {LoadAverage()}");
        var lanBefore = await LinkCounters.ReadAsync(site, Node.Router, Topology.RouterLan);
        if (mode.Gro) await SetRouterGroAsync(site, on: true);
        await site.StartDaemonAsync(c => Configure(c, mode));
        try
        {
            var source = await WaitUntilForwardingAsync(site, mode);
            reporter.Plain($"  router offloads: {await OffloadsAsync(site)}");
            var rtt = await PingRtt.MeasureAsync(site, source, Echoes, EchoInterval, cancel);
            reporter.Plain($"  RTT from {source}: {rtt.RttMicros.Count} of {Echoes} echoes answered, p50 {rtt.Percentile(50):0} µs, " +
                           $"p99 {rtt.Percentile(99):0} µs{Unanswered(rtt)}");
            var tcp = await Iperf.TcpBitsPerSecondAsync(site, source, TcpDuration, cancel);
            reporter.Plain($"  TCP (iperf3, {TcpDuration.TotalSeconds:0} s, one stream): {tcp / 1e9:0.00} Gbit/s");
            var flood = await new ForwardingFlood(site, reporter, cancel).RunAsync(await FramesAsync(site, source));
            var counters = mode.IsPacket ? await DataPlaneCountersAsync(site) : [];
            foreach (var line in counters) reporter.Plain($"  {line}");
            if (mode.IsPacket) reporter.Plain($"  {await UndeliveredAsync(site, lanBefore, counters)}");
            site.ThrowIfRouterExited($"the end of the {mode} run");
            return new ForwardingRun(mode, flood, tcp, rtt, counters);
        }
        finally
        {
            await site.StopDaemonAsync();
            if (mode.Gro) await SetRouterGroAsync(site, on: false);
        }
    }

    /// <summary>veth's GRO is off by default (it needs NAPI, which switching it on enables); a NIC's is on.</summary>
    private static async Task SetRouterGroAsync(Site site, bool on)
    {
        foreach (var port in new[] { Topology.RouterLan, Topology.RouterWan(Isp.A), Topology.RouterWan(Isp.B) })
            await site.ExecCheckedAsync(Node.Router, "ethtool", "-K", port, "gro", on ? "on" : "off");
    }

    /// <summary>
    /// The host's A address once the new daemon forwards: its control socket answers (in packet mode: with its
    /// workers running) and an echo from that address comes back. The host keeps its address across restarts, so
    /// the address alone says nothing about the new daemon.
    /// </summary>
    private async Task<IPAddress> WaitUntilForwardingAsync(Site site, DataPlaneMode mode)
    {
        var source = (await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), ReadyTimeout, cancel)).Address;
        var expected = mode.IsPacket ? $"dataplane: packet mode, {mode.Workers} worker" : "";
        await Poll.UntilAsync(async () =>
        {
            site.ThrowIfRouterExited("its control socket");
            var counters = await site.CtlAsync("show", "counters");
            return counters.Ok && counters.Stdout.Contains(expected, StringComparison.Ordinal);
        }, ReadyTimeout, $"dualhomed ({mode}) to answer show counters", cancel: cancel);
        await Poll.UntilAsync(() => site.PingAsync(source, 1), ReadyTimeout, $"an echo through the router ({mode})", cancel: cancel);
        return source;
    }

    private static string Unanswered(PingResult rtt) => rtt.Unanswered.Count == 0 ? ""
        : $"; unanswered icmp_seq {string.Join(" ", rtt.Unanswered.Take(12))}{(rtt.Unanswered.Count > 12 ? " …" : "")}";

    private static void Configure(JsonObject config, DataPlaneMode mode)
    {
        config["DataPlane"]!["Mode"] = mode.Mode;
        config["DataPlane"]!["Workers"] = mode.Workers;
        config["DataPlane"]!["RealtimePriority"] = mode.RealtimePriority;
        config["DataPlane"]!["Cpus"] = new JsonArray([.. mode.Cpus.Select(c => (JsonNode)c)]);
        config["DataPlane"]!["IngressDrop"] = mode.IngressDrop;
        config["DataPlane"]!["Offloads"] = mode.CarryOffloads ? "carry" : "off";
    }

    /// <summary>64-byte frames from the host's A address to the server, addressed to the router's lan0 MAC (trafgen skips ND).</summary>
    private static async Task<List<byte[]>> FramesAsync(Site site, IPAddress source)
    {
        var to = PhysicalAddress.Parse(await site.LinkAddressAsync(Node.Router, Topology.RouterLan));
        var from = PhysicalAddress.Parse(await site.LinkAddressAsync(Node.Host, Topology.HostLan));
        return Enumerable.Range(0, Flows).Select(i => UdpFrame.Build(to, from, source, Topology.Server, (ushort)(49152 + i))).ToList();
    }

    /// <summary>The offloads of the router's LAN and ISP A ports as ethtool shows them.</summary>
    private static async Task<string> OffloadsAsync(Site site)
    {
        var parts = new List<string>();
        foreach (var port in new[] { Topology.RouterLan, Topology.RouterWan(Isp.A) })
        {
            var lines = (await site.ExecCheckedAsync(Node.Router, "ethtool", "-k", port)).Stdout.Split('\n');
            string State(string feature) =>
                lines.FirstOrDefault(l => l.StartsWith(feature + ":", StringComparison.Ordinal))?.Split(':')[1].Trim().Split(' ')[0] ?? "?";
            parts.Add($"{port} gro {State("generic-receive-offload")}, gso {State("generic-segmentation-offload")}, " +
                      $"tso {State("tcp-segmentation-offload")}, tx-csum {State("tx-checksumming")}");
        }
        return string.Join("; ", parts);
    }

    /// <summary>The <c>dataplane …</c> lines of <c>show counters</c>: frames per port and drops by reason.</summary>
    private static async Task<List<string>> DataPlaneCountersAsync(Site site)
    {
        var result = await site.CtlAsync("show", "counters");
        if (!result.Ok) return [$"show counters failed (exit {result.ExitCode}): {result.Stderr.Trim()}"];
        return result.Stdout.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("dataplane", StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// Frames the kernel took in on lan0 that never reached the daemon: its RX ring was full (the kernel's tp_drops,
    /// which <c>show counters</c> does not report), or they came before its socket was open (a few ND/MLD frames).
    /// </summary>
    private static async Task<string> UndeliveredAsync(Site site, LinkCounters before, List<string> counters)
    {
        var kernel = (await LinkCounters.ReadAsync(site, Node.Router, Topology.RouterLan)).RxPackets - before.RxPackets;
        var line = counters.FirstOrDefault(l => l.StartsWith($"dataplane {Topology.RouterLan}: received ", StringComparison.Ordinal));
        if (line is null || !long.TryParse(line.Split(' ')[3].TrimEnd(','), out var delivered))
            return $"router {Topology.RouterLan}: the kernel received {kernel} frames (the daemon's count is missing)";
        return $"router {Topology.RouterLan}: the kernel received {kernel} frames, the daemon's ring delivered {delivered}: " +
               $"{kernel - delivered} not delivered (RX ring full, or before the socket opened; not in show counters)";
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine shows in every figure here.</summary>
    public static string LoadAverage() =>
        string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" ({Environment.ProcessorCount} CPUs)";

    /// <summary>The binary under test: path, size, time of the build, and its own version line.</summary>
    private static async Task BinaryAsync(Reporter reporter)
    {
        var path = DaemonBinary.Require();
        var file = new FileInfo(path);
        var version = await Command.RunAsync(path, "--version");
        reporter.Plain($"binary under test: {path} ({file.Length / 1024} KiB, built {file.LastWriteTimeUtc:yyyy-MM-dd HH:mm:ss} UTC), " +
                       $"{version.Stdout.Trim()}");
    }
}

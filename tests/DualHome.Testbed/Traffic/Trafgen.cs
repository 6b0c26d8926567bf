using System.Globalization;
using System.Text;

namespace DualHome.Testbed.Traffic;

/// <summary>How trafgen hands frames to the kernel.</summary>
public enum TrafgenPath
{
    /// <summary>The TX ring: as fast as one CPU can.</summary>
    Ring,

    /// <summary>
    /// One blocking sendto per frame (<c>-t 0</c>): when a shaping qdisc holds frames back the socket's send buffer
    /// fills and sendto waits, so a <see cref="TokenBucket"/> paces it. trafgen's own rate option (<c>-b</c>) sends
    /// a whole second's frames in one burst, and its gap option (<c>-t</c> > 0) sleeps per frame and tops out near 30 kpps.
    /// </summary>
    Sendto,
}

/// <summary>
/// trafgen (netsniff-ng 0.6.8) sending a fixed list of frames, round robin, from one node of a <see cref="Site"/> on
/// one CPU. It must be stopped with <see cref="StopAsync"/> before the site goes: a worker whose device vanished
/// under it while sending was seen to oops in packet_xmit (qdisc bypass) and hang in state D for good. Hence the
/// qdisc path (<c>--qdisc-path</c>, which a shaper needs anyway), the packet bound (<c>-n</c>) so that it ends by
/// itself even if nobody stops it, and the signalling of its forked worker by pid.
/// </summary>
public sealed class Trafgen : IAsyncDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private static int _runs;
    private readonly BackgroundProcess _process;
    private readonly string _config;

    private Trafgen(BackgroundProcess process, string config)
    {
        _process = process;
        _config = config;
    }

    public int Pid => _process.Pid;

    /// <summary>Starts sending <paramref name="frames"/> on <paramref name="device"/>, at most <paramref name="maxPackets"/>.</summary>
    public static Trafgen Start(Site site, Node node, string device, IReadOnlyList<byte[]> frames, TrafgenPath path, long maxPackets)
    {
        var name = $"trafgen-{Interlocked.Increment(ref _runs)}";
        var config = Path.Combine(site.WorkDirectory, $"{name}.cfg");
        File.WriteAllText(config, Config(frames));
        // Long options only: 0.6.8 rejects -A and -Q. --no-sock-mem and --notouch-irq leave machine-wide settings alone.
        List<string> argv =
        [
            "trafgen", "--dev", device, "--conf", config, "--cpus", "1", "-n", maxPackets.ToString(CultureInfo.InvariantCulture),
            "--no-sock-mem", "--notouch-irq", "--qdisc-path",
        ];
        if (path == TrafgenPath.Sendto) argv.AddRange(["-t", "0"]);
        return new Trafgen(site.StartBackground(name, node, argv), config);
    }

    /// <summary>trafgen's packet configuration: one <c>{ 0x.., … }</c> block of raw bytes per frame.</summary>
    public static string Config(IReadOnlyList<byte[]> frames)
    {
        var sb = new StringBuilder();
        foreach (var frame in frames) sb.Append("{ ").AppendJoin(", ", frame.Select(b => $"0x{b:x2}")).Append(" }\n");
        return sb.ToString();
    }

    /// <summary>Whether it stopped on its own already (packet bound reached, or an error: see its stderr).</summary>
    public bool HasExited => _process.HasExited;

    public string ReadStderr() => _process.ReadStderr();

    /// <summary>SIGINT to the worker and the parent together (the parent only waits for its worker, it does not pass the
    /// signal on), then SIGKILL to whatever is left after the grace period.</summary>
    public async Task StopAsync()
    {
        foreach (var pid in WorkerPids()) await SignalAsync("INT", pid);
        await _process.StopAsync(Grace, "INT");
        var deadline = DateTime.UtcNow + Grace;
        while (DateTime.UtcNow < deadline && WorkerPids().Count > 0) await Task.Delay(50);
        foreach (var pid in WorkerPids()) await SignalAsync("KILL", pid);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        File.Delete(_config);
    }

    /// <summary>Workers are forked by the process we started and re-parented once it exits: found by their command
    /// line, which names our own config file (unique per run).</summary>
    private List<int> WorkerPids() => ProcFs.PidsWithCommandLineContaining(_config);

    private static Task SignalAsync(string signal, int pid) =>
        Command.RunAsync(["kill", $"-{signal}", pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
}

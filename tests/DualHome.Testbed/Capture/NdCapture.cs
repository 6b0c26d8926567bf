namespace DualHome.Testbed.Capture;

/// <summary>
/// ICMPv6 capture with tcpdump in one namespace (by default the host's eth0), written packet by packet
/// (<c>-U</c>) to a pcap file with kernel timestamps in nanoseconds (<c>--time-stamp-precision=nano</c>,
/// CLOCK_REALTIME). The file is re-read on every query, so results are always up to date.
/// </summary>
public sealed class NdCapture : IDisposable
{
    private readonly BackgroundProcess _tcpdump;

    private NdCapture(BackgroundProcess tcpdump, string path)
    {
        _tcpdump = tcpdump;
        PcapPath = path;
    }

    public string PcapPath { get; }

    internal static async Task<NdCapture> StartAsync(Site site, Node node, string iface, string name)
    {
        var path = Path.Combine(site.WorkDirectory, $"{name}.pcap");
        var p = site.StartBackground(name, node,
            ["tcpdump", "-i", iface, "-n", "-U", "--immediate-mode", "-Z", "root", "-s", "2048", "--time-stamp-precision=nano", "-w", path, "icmp6"]);
        var capture = new NdCapture(p, path);
        try
        {
            // tcpdump says "listening on" once the socket is bound: only then is nothing missed.
            await Poll.UntilAsync(() => Task.FromResult(p.ReadStderr().Contains("listening on") || p.HasExited),
                TimeSpan.FromSeconds(10), $"tcpdump to start on {node}/{iface}");
            if (p.HasExited) throw new TestbedException($"tcpdump exited {p.ExitCode}: {p.ReadStderr().Trim()}");
        }
        catch
        {
            capture.Dispose();
            throw;
        }
        return capture;
    }

    public IReadOnlyList<Icmpv6Packet> Packets()
    {
        var bytes = File.Exists(PcapPath) ? ReadShared(PcapPath) : [];
        return Pcap.Icmpv6(Pcap.Records(bytes)).ToList();
    }

    /// <summary>Every readable Router Advertisement captured so far, in order.</summary>
    public IReadOnlyList<CapturedRa> Advertisements() =>
        Packets().Where(p => p.Type == 134)
            .Select(p => (p, ra: RouterAdvertisement.TryParse(p.Message.Span)))
            .Where(x => x.ra is not null)
            .Select(x => new CapturedRa(x.p.UnixNanoseconds, x.p.Source, x.p.Destination, x.p.HopLimit, x.ra!))
            .ToList();

    /// <summary>Router Advertisements captured at or after <paramref name="since"/>.</summary>
    public IReadOnlyList<CapturedRa> AdvertisementsSince(DateTimeOffset since) =>
        Advertisements().Where(a => a.Time >= since).ToList();

    /// <summary>
    /// Waits for an RA (captured at or after <paramref name="since"/>) that satisfies <paramref name="match"/>;
    /// <paramref name="check"/> runs before each look and may throw to end the wait early (e.g. the router died).
    /// </summary>
    public Task<CapturedRa> WaitForAdvertisementAsync(Func<CapturedRa, bool> match, TimeSpan timeout, string what,
        DateTimeOffset? since = null, CancellationToken cancel = default, Action? check = null) =>
        Poll.ForAsync(() =>
        {
            check?.Invoke();
            return Task.FromResult(AdvertisementsSince(since ?? DateTimeOffset.MinValue).FirstOrDefault(match));
        }, timeout, what, cancel: cancel);

    /// <summary>Like <see cref="WaitForAdvertisementAsync"/>, looking every few milliseconds; null after the timeout.</summary>
    public Task<CapturedRa?> TryWaitForAdvertisementAsync(Func<CapturedRa, bool> match, TimeSpan timeout, DateTimeOffset since,
        CancellationToken cancel = default) =>
        Poll.TryForAsync(() => Task.FromResult(AdvertisementsSince(since).FirstOrDefault(match)), timeout, Poll.Fine, cancel);

    /// <summary>The last RA captured, or null.</summary>
    public CapturedRa? LatestAdvertisement => Advertisements() is { Count: > 0 } all ? all[^1] : null;

    private static byte[] ReadShared(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    public void Dispose() => _tcpdump.Dispose();
}

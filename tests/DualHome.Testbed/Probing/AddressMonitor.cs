using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace DualHome.Testbed.Probing;

/// <summary>
/// One address notification (RTM_NEWADDR / RTM_DELADDR) as <c>ip -ts -6 monitor address</c> printed it, with the
/// time <c>ip</c> received it (microseconds, wall clock).
/// </summary>
public sealed record AddressEvent(DateTimeOffset Time, IPAddress Address, int PrefixLength, bool Deleted, bool Deprecated,
    bool Tentative, string ValidLifetime, string PreferredLifetime)
{
    /// <summary>Usable as a source for new connections (RFC 4862 §5.5.4, RFC 6724 rule 3). The kernel may report an
    /// RA's preferred lifetime 0 in two messages, the first still without the "deprecated" flag: that one is not.</summary>
    public bool Preferred => !Deleted && !Deprecated && !Tentative && PreferredLifetime != "0sec";

    public Isp? Isp => Topology.IspOf(Address);

    public override string ToString() =>
        $"{(Deleted ? "deleted " : "")}{Address}/{PrefixLength}{(Deprecated ? " deprecated" : "")}{(Tentative ? " tentative" : "")} " +
        $"valid {ValidLifetime} preferred {PreferredLifetime}";
}

/// <summary>
/// Address changes on one interface, event-driven: <c>ip -ts -6 monitor address dev IF</c> runs in the node's
/// namespace and its output is parsed as it is written. Deprecation and re-preference by an RA arrive here within
/// a millisecond of the RA (testbed.md), without polling <c>ip addr</c>.
/// </summary>
public sealed partial class AddressMonitor : IDisposable
{
    private readonly BackgroundProcess _process;
    private readonly LineTail _tail;
    private readonly List<AddressEvent> _events = [];
    private readonly Lock _gate = new();
    private string? _header;

    private AddressMonitor(BackgroundProcess process)
    {
        _process = process;
        _tail = new LineTail(process.StdoutPath);
    }

    public static async Task<AddressMonitor> StartAsync(Site site, Node node = Node.Host, string iface = Topology.HostLan,
        string name = "addr-monitor")
    {
        var p = site.StartBackground(name, node, ["stdbuf", "-oL", "ip", "-ts", "-6", "monitor", "address", "dev", iface]);
        var monitor = new AddressMonitor(p);
        // `ip netns exec` execs stdbuf, which execs `ip … monitor`: once that is the command line, the netlink
        // subscription follows within microseconds.
        await Poll.UntilAsync(() => Task.FromResult(p.HasExited || ProcFs.CommandLine(p.Pid).StartsWith("ip\0-ts", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(5), $"ip monitor on {node}/{iface}", Poll.Fine);
        if (p.HasExited) throw new TestbedException($"ip monitor exited: {p.ReadStderr().Trim()}");
        await Task.Delay(20);
        return monitor;
    }

    /// <summary>Every event so far, in order.</summary>
    public IReadOnlyList<AddressEvent> Events()
    {
        lock (_gate)
        {
            foreach (var line in _tail.ReadNew()) Consume(line);
            return [.. _events];
        }
    }

    /// <summary>The first event at or after <paramref name="since"/> that matches, or null after the timeout.</summary>
    public Task<AddressEvent?> TryWaitForAsync(Func<AddressEvent, bool> match, DateTimeOffset since, TimeSpan timeout,
        CancellationToken cancel = default) =>
        Poll.TryForAsync(() => Task.FromResult(Events().FirstOrDefault(e => e.Time >= since && match(e))), timeout, Poll.Fine, cancel);

    /// <summary>Two lines per address: the header (time, flags) and the lifetimes.</summary>
    private void Consume(string line)
    {
        if (Header().Match(line) is { Success: true })
        {
            _header = line;
            return;
        }
        if (_header is null || Lifetimes().Match(line) is not { Success: true } lt) return;
        if (Parse(_header, lt.Groups[1].Value, lt.Groups[2].Value) is { } e) _events.Add(e);
        _header = null;
    }

    /// <summary>One event from its two lines: the header and the lifetimes (already split off).</summary>
    public static AddressEvent? Parse(string header, string valid, string preferred)
    {
        var m = Header().Match(header);
        if (!m.Success || !IPAddress.TryParse(m.Groups["addr"].Value, out var address)) return null;
        var time = DateTime.ParseExact(m.Groups["ts"].Value, "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeLocal);
        var flags = m.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new AddressEvent(new DateTimeOffset(time.ToUniversalTime()), address, int.Parse(m.Groups["len"].Value),
            m.Groups["deleted"].Success, flags.Contains("deprecated"), flags.Contains("tentative"), valid, preferred);
    }

    // "[2026-11-29T09:24:03.793954] 3: eth0    inet6 2001:db8:a:1::5/64 scope global deprecated dynamic"; a line may
    // carry several stamps when `ip` printed one for a message it then filtered out: the last one is this event's.
    [GeneratedRegex(@"^(?:\[(?<ts>[0-9T:.\-]+)\]\s*)+(?<deleted>Deleted )?\d+:\s+\S+\s+inet6\s+(?<addr>[0-9a-fA-F:]+)/(?<len>\d+)(?<rest>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s+valid_lft (\S+) preferred_lft (\S+)")]
    private static partial Regex Lifetimes();

    public void Dispose() => _process.Dispose();
}

using System.Net;
using DualHome.Testbed;
using DualHome.Testbed.Capture;
using DualHome.Testbed.Probing;
using DualHome.Testbed.Router;

namespace DualHome.Demo.Panel;

/// <summary>An uplink LED's patterns (issue 5): what a user reads at the router.</summary>
public enum LedPattern { Off, FastBlink, Solid, SlowBlink }

/// <summary>One uplink as the panel shows it: the daemon's state, the LED it implies, and what the RAs advertise.</summary>
public sealed record UplinkView(Isp Isp, string State, string? Reason, bool? Carrier, PrefixInfo? Advertised)
{
    /// <summary>off: no carrier; fast blink: carrier but ISP unreachable (or probing); solid: online and preferred;
    /// slow blink: online but standby (its prefix deprecated).</summary>
    public LedPattern Led => Carrier == false ? LedPattern.Off : State switch
    {
        "Up" when Advertised is { PreferredLifetime: 0 } => LedPattern.SlowBlink,
        "Up" => LedPattern.Solid,
        _ => LedPattern.FastBlink,
    };

    public string Meaning => Led switch
    {
        LedPattern.Off => "no carrier",
        LedPattern.Solid => "online, preferred",
        LedPattern.SlowBlink => "online, standby",
        _ => State == "Down" ? "ISP unreachable" : "probing",
    };
}

/// <summary>What one 100 ms slice of the host's TCP probe showed: connections through A, through B, or failing.</summary>
public enum ProbeCell { Idle, ViaA, ViaB, Failed }

/// <summary>Everything the panel shows at one moment.</summary>
public sealed record PanelState(DateTimeOffset At, string Step, IReadOnlyList<UplinkView> Uplinks, CapturedRa? LastRa,
    ProbeStart? Source, ProbeAttempt? LastResult, IReadOnlyList<ProbeCell> Cells)
{
    public static readonly TimeSpan CellWidth = TimeSpan.FromMilliseconds(100);

    /// <summary>A slice is judged once it is this old: a working connection completes well within it.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);

    public static PanelState Build(DateTimeOffset now, string step, IReadOnlyList<DaemonTransition> transitions,
        Func<Isp, bool?> carrier, CapturedRa? lastRa, IReadOnlyList<ProbeStart> starts, IReadOnlyList<ProbeAttempt> finished, int cells)
    {
        var uplinks = Topology.Isps.Select(i =>
        {
            var last = transitions.LastOrDefault(t => t.Isp == i);
            return new UplinkView(i, last?.To ?? "Starting", last?.Reason, carrier(i), lastRa?.Ra.Prefix(Topology.LanPrefix(i)));
        }).ToList();
        var lastResult = finished.Count > 0 ? finished.MaxBy(a => a.End) : null;
        var source = starts.Count > 0 ? starts[^1] : null;
        return new PanelState(now, step, uplinks, lastRa, source, lastResult, Strip(now, starts, finished, cells));
    }

    /// <summary>One cell per 100 ms slice, oldest first: the ISP of a connection started in it that succeeded, or
    /// Failed when some were started and none succeeded (still pending counts: it would have completed by now).</summary>
    private static List<ProbeCell> Strip(DateTimeOffset now, IReadOnlyList<ProbeStart> starts, IReadOnlyList<ProbeAttempt> finished, int count)
    {
        var end = now - Settle;
        var first = end - CellWidth * count;
        var ok = finished.Where(a => a.Ok && a.Start >= first).ToLookup(a => Slice(a.Start, first));
        var tried = starts.Select(s => s.Start).Concat(finished.Where(a => !a.Ok).Select(a => a.Start))
            .Where(t => t >= first && t < end).Select(t => Slice(t, first)).ToHashSet();
        return Enumerable.Range(0, count).Select(k => ok[k].LastOrDefault() is { } a
            ? a.Isp == Isp.A ? ProbeCell.ViaA : ProbeCell.ViaB
            : tried.Contains(k) ? ProbeCell.Failed : ProbeCell.Idle).ToList();
    }

    private static int Slice(DateTimeOffset t, DateTimeOffset first) => (int)((t - first) / CellWidth);

    /// <summary>The host's choice for its newest connection.</summary>
    public IPAddress? HostSource => Source?.Source;
}

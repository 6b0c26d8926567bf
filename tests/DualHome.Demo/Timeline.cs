using DualHome.Testbed;
using DualHome.Testbed.Failover;
using DualHome.Testbed.Router;

namespace DualHome.Demo;

/// <summary>
/// One injected event and what followed, each time counted from just before the injecting command was spawned:
/// when the daemon decided (its logged transition), when its RA reached the host, when the host's address changed,
/// and when the host's first new connection got through the expected ISP.
/// </summary>
public sealed record TimelineEntry(Injection Event, DaemonTransition? Daemon, TimeSpan? Ra, string RaWhat,
    TimeSpan? Host, string HostWhat, TimeSpan? Connection, string ConnectionWhat)
{
    public static TimelineEntry Of(FailoverTiming t, IReadOnlyList<DaemonTransition> log) =>
        new(t.Injection, Decision(log, t.Isp, t.Injection, "Down"), t.RaAfter, $"{Topology.Letter(t.Isp)} preferred 0",
            t.DeprecatedAfter, "deprecated", t.FailoverAfter, $"from {Topology.Other(t.Isp)}");

    public static TimelineEntry Of(RecoveryTiming t, IReadOnlyList<DaemonTransition> log) =>
        new(t.Repair, Decision(log, t.Isp, t.Repair, "Up"), t.RaAfter, $"{Topology.Letter(t.Isp)} preferred again",
            t.PreferredAfter, "preferred", t.BackAfter, $"via {t.Isp} again");

    public TimeSpan? Decided => Daemon is null ? null : Daemon.Time - Event.Before;

    private static DaemonTransition? Decision(IReadOnlyList<DaemonTransition> log, Isp isp, Injection at, string to) =>
        log.FirstOrDefault(d => d.Isp == isp && d.To == to && d.Time >= at.Before.AddMilliseconds(-1));
}

/// <summary>Prints the timeline table at the end of the demo (plain ASCII, fixed columns).</summary>
public static class TimelineTable
{
    public static void Print(Reporter reporter, IReadOnlyList<TimelineEntry> entries, DateTimeOffset origin)
    {
        if (entries.Count == 0)
        {
            reporter.Plain("timeline: nothing was measured");
            return;
        }
        string[] head = ["t (s)", "event", "daemon decided", "RA at the host", "host address", "first new connection"];
        var rows = entries.Select(e => new[]
        {
            $"{(e.Event.Before - origin).TotalSeconds:0.000}", e.Event.What,
            e.Daemon is null ? "(not logged)" : $"{Ms(e.Decided)} {e.Daemon.From}->{e.Daemon.To}",
            $"{Ms(e.Ra)} {e.RaWhat}", $"{Ms(e.Host)} {e.HostWhat}",
            e.Connection is null ? "(none)" : $"{Ms(e.Connection)} {e.ConnectionWhat}",
        }).ToList();
        var widths = head.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        reporter.Plain($"timeline (times from just before each injecting command; t from the router's start):");
        reporter.Plain(Line(head));
        reporter.Plain("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var r in rows) reporter.Plain(Line(r));
        foreach (var e in entries.Where(e => e.Daemon is not null)) reporter.Plain($"  {e.Event.What}: daemon says {e.Daemon}");
    }

    private static string Ms(TimeSpan? t) => t is { } v ? $"{v.TotalMilliseconds:0} ms" : "never";
}

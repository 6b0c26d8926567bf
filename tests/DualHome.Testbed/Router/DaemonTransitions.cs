using System.Globalization;
using System.Text.RegularExpressions;

namespace DualHome.Testbed.Router;

/// <summary>One uplink state change as the daemon logged it (its wall clock, millisecond precision).</summary>
public sealed record DaemonTransition(DateTimeOffset Time, string Uplink, string From, string To, string Reason)
{
    public Isp? Isp => Topology.Isps.Where(i => Topology.Letter(i) == Uplink).Select(i => (Isp?)i).FirstOrDefault();

    public override string ToString() => $"uplink {Uplink}: {From} -> {To} ({Reason})";
}

/// <summary>
/// Reads the daemon's uplink transitions from its log file (<c>… INF uplink a: "Up" -> "Down" (reason)</c>, one
/// line per <c>Transition()</c>): what the daemon decided and when, next to what the host saw.
/// </summary>
public static partial class DaemonTransitions
{
    public static IReadOnlyList<DaemonTransition> Parse(string log) =>
        log.Split('\n').Select(TryParse).OfType<DaemonTransition>().ToList();

    public static DaemonTransition? TryParse(string line)
    {
        var m = Line().Match(line.TrimEnd('\r'));
        if (!m.Success || !DateTimeOffset.TryParse(m.Groups["ts"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return null;
        return new DaemonTransition(time, m.Groups["name"].Value, m.Groups["from"].Value, m.Groups["to"].Value, m.Groups["reason"].Value);
    }

    /// <summary>The router's transitions so far (none for the radvd stand-in, which has no log).</summary>
    public static IReadOnlyList<DaemonTransition> Of(RouterProcess router) => Parse(router.ReadLog());

    [GeneratedRegex("""^(?<ts>\S+) [A-Z]{3} uplink (?<name>\S+): "(?<from>\w+)" -> "(?<to>\w+)" \((?<reason>.*)\)$""")]
    private static partial Regex Line();
}

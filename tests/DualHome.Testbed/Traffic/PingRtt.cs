using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace DualHome.Testbed.Traffic;

/// <summary>Echoes sent, RTTs of the answered ones in µs (sorted), and the sequence numbers never answered.</summary>
public sealed record PingResult(int Sent, IReadOnlyList<double> RttMicros, IReadOnlyList<int> Unanswered)
{
    public double? Percentile(double p) => PingRtt.Percentile(RttMicros, p);
}

/// <summary>Round-trip times of ICMPv6 echoes from the host to the server, one per reply line of <c>ping</c>.</summary>
public static partial class PingRtt
{
    /// <summary>
    /// Sends <paramref name="count"/> echoes every <paramref name="interval"/> (root may go below 200 ms) from
    /// <paramref name="source"/>; ping prints each RTT with 1 µs resolution.
    /// </summary>
    public static async Task<PingResult> MeasureAsync(Site site, IPAddress source, int count, TimeSpan interval,
        CancellationToken cancel = default)
    {
        var seconds = interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var result = await site.ExecAsync(Node.Host,
            ["ping", "-6", "-n", "-i", seconds, "-c", count.ToString(CultureInfo.InvariantCulture), "-W", "1", "-I", source.ToString(), Topology.Server.ToString()],
            interval * count + TimeSpan.FromSeconds(10), cancel: cancel);
        return Parse(result.Stdout, count);
    }

    /// <summary>The <c>icmp_seq=N … time=0.045 ms</c> reply lines of ping's output (sequence numbers start at 1).</summary>
    public static PingResult Parse(string output, int sent)
    {
        var replies = Reply().Matches(output)
            .Select(m => (Seq: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                Micros: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 1000))
            .ToList();
        var answered = replies.Select(r => r.Seq).ToHashSet();
        return new PingResult(sent, replies.Select(r => r.Micros).Order().ToList(),
            Enumerable.Range(1, sent).Where(seq => !answered.Contains(seq)).ToList());
    }

    /// <summary>Nearest-rank percentile (<paramref name="p"/> in 0..100) of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    [GeneratedRegex(@"icmp_seq=(\d+) .*time=([0-9.]+) ms")]
    private static partial Regex Reply();
}

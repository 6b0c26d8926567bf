using System.Net;
using System.Text.Json;

namespace DualHome.Testbed.Probing;

/// <summary>
/// One new TCP connection the host's <see cref="TcpProber"/> opened: when it started and ended (CLOCK_REALTIME, the
/// clock of the pcap timestamps), the source the host's kernel chose, whether the handshake completed, and the
/// peer address the server saw.
/// </summary>
public sealed record ProbeAttempt(long Seq, DateTimeOffset Start, DateTimeOffset End, IPAddress? Source, bool Ok,
    IPAddress? SeenByServer, string? Error)
{
    /// <summary>The ISP whose prefix the host chose as source (the ISP that carries it, with source routing).</summary>
    public Isp? Isp => Topology.IspOf(Source);

    public TimeSpan Took => End - Start;

    public override string ToString() => Ok
        ? $"#{Seq} from {Source} ok in {Took.TotalMilliseconds:0.0} ms (server saw {SeenByServer})"
        : $"#{Seq} from {Source?.ToString() ?? "(none)"} failed after {Took.TotalMilliseconds:0} ms: {Error}";

    /// <summary>A finished-attempt line of <c>tcpprobe.py probe</c>; null when it is not one.</summary>
    public static ProbeAttempt? TryParse(string line) => ProbeLine.TryParse(line) as ProbeAttempt;

    internal static ProbeAttempt FromJson(JsonElement e) => new(e.GetProperty("seq").GetInt64(), Time(e, "start"), Time(e, "end"),
        Address(e, "src"), e.GetProperty("ok").GetBoolean(), Address(e, "peer"), Text(e, "err"));

    internal static DateTimeOffset Time(JsonElement e, string name) =>
        DateTimeOffset.UnixEpoch.AddTicks(e.GetProperty(name).GetInt64() / 100);

    internal static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static IPAddress? Address(JsonElement e, string name) =>
        Text(e, name) is { } s && IPAddress.TryParse(s, out var a) ? a : null;
}

/// <summary>An attempt the prober has just started: the source the host's kernel chose for it, before any answer.</summary>
public sealed record ProbeStart(long Seq, DateTimeOffset Start, IPAddress? Source)
{
    public Isp? Isp => Topology.IspOf(Source);
}

/// <summary>The two kinds of line <c>tcpprobe.py probe</c> prints: a <see cref="ProbeStart"/> or a <see cref="ProbeAttempt"/>.</summary>
public static class ProbeLine
{
    public static object? TryParse(string line)
    {
        if (!line.StartsWith('{')) return null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            return ProbeAttempt.Text(e, "event") == "start"
                ? new ProbeStart(e.GetProperty("seq").GetInt64(), ProbeAttempt.Time(e, "start"), ProbeAttempt.Address(e, "src"))
                : ProbeAttempt.FromJson(e);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

using System.Text;
using System.Text.Json;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Uplinks;

namespace DualHome.Daemon.Control;

/// <summary>`show status`: each uplink's health, what the RA says about its prefix, its override and counters,
/// as a table for people and as JSON for scripts and tests.</summary>
public static class StatusReport
{
    public static string Text(IReadOnlyList<UplinkStatus> uplinks, RouterAdvertiser ra)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"router lifetime {ra.Content?.RouterLifetime ?? 0} s, {ra.Counters.Sent} RAs sent");
        sb.AppendLine("uplink  state     advertised  override    transitions  probes answered/sent");
        foreach (var u in uplinks)
            sb.AppendLine($"{u.Name,-7} {State(u),-9} {Advertised(u),-11} {u.Override.Name(),-11} {u.Transitions,11}  {u.ProbesAnswered}/{u.ProbesSent}");
        return sb.ToString().TrimEnd();
    }

    public static string Json(IReadOnlyList<UplinkStatus> uplinks, RouterAdvertiser ra)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("routerLifetime", ra.Content?.RouterLifetime ?? 0);
            w.WriteNumber("rasSent", ra.Counters.Sent);
            w.WriteStartArray("uplinks");
            foreach (var u in uplinks) WriteUplink(w, u);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteUplink(Utf8JsonWriter w, UplinkStatus u)
    {
        w.WriteStartObject();
        w.WriteString("name", u.Name);
        w.WriteString("state", State(u));
        w.WriteString("advertised", Advertised(u));
        w.WriteString("override", u.Override.Name());
        w.WriteNumber("transitions", u.Transitions);
        w.WriteNumber("holdDownMs", (long)u.HoldDown.TotalMilliseconds);
        if (u.LastChange is { } t) w.WriteString("lastChange", t); else w.WriteNull("lastChange");
        w.WriteNumber("probesSent", u.ProbesSent);
        w.WriteNumber("probesAnswered", u.ProbesAnswered);
        w.WriteNumber("strayReplies", u.StrayReplies);
        w.WriteEndObject();
    }

    private static string State(UplinkStatus u) => u.State.ToString().ToLowerInvariant();

    private static string Advertised(UplinkStatus u) => u.Preferred ? "preferred" : "deprecated";
}

using System.Net;
using System.Text;
using System.Text.Json;

namespace DualHome.Config;

/// <summary>Prints the configuration in force, defaults filled in, in the file's own shape (for `check`).</summary>
public static class EffectiveConfigWriter
{
    public static string ToJson(SiteConfig c)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            WriteLan(w, c.Lan);
            w.WriteStartArray("Uplinks");
            foreach (var u in c.Uplinks) WriteUplink(w, u);
            w.WriteEndArray();
            w.WriteStartObject("DataPlane"); w.WriteString("Mode", c.DataPlane.Mode); w.WriteNumber("Workers", c.DataPlane.Workers);
            w.WriteNumber("RealtimePriority", c.DataPlane.RealtimePriority); w.WriteNumber("RingFrames", c.DataPlane.RingFrames);
            w.WriteNumber("CoalesceMicroseconds", c.DataPlane.CoalesceMicroseconds);
            w.WriteStartArray("Cpus"); foreach (var cpu in c.DataPlane.Cpus ?? []) w.WriteStringValue($"{cpu}"); w.WriteEndArray();
            w.WriteBoolean("IngressDrop", c.DataPlane.IngressDrop);
            w.WriteString("Offloads", c.DataPlane.Offloads);
            w.WriteEndObject();
            w.WriteStartObject("Control"); w.WriteString("Socket", c.ControlSocket); w.WriteEndObject();
            WriteLog(w, c.Log);
            w.WriteStartObject("State"); w.WriteString("Directory", c.StateDirectory); w.WriteEndObject();
            w.WriteStartObject("Board"); w.WriteString("Profile", c.Board.Profile);
            if (c.Board.LedClassRoot is { } root) w.WriteString("LedClassRoot", root); else w.WriteNull("LedClassRoot");
            w.WriteEndObject();
            WriteDns(w, c.Dns);
            WritePeers(w, c.PeersOrDefault);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WritePeers(Utf8JsonWriter w, PeersConfig p)
    {
        w.WriteStartObject("Peers"); w.WriteString("Mode", p.Mode);
        w.WriteNumber("HeartbeatIntervalMs", (int)p.HeartbeatInterval.TotalMilliseconds);
        w.WriteNumber("DeadAfter", p.DeadAfter); w.WriteNumber("Port", p.Port); w.WriteEndObject();
    }

    /// <summary>The TSIG secret is never printed: `check` output goes to terminals and logs.</summary>
    private static void WriteDns(Utf8JsonWriter w, DnsConfig dns)
    {
        w.WriteStartObject("Dns");
        w.WriteStartArray("Updates");
        foreach (var u in dns.Updates)
        {
            w.WriteStartObject();
            w.WriteString("Server", u.Server.ToString()); w.WriteNumber("Port", u.Port); w.WriteString("Zone", u.Zone);
            w.WriteNumber("Ttl", (int)u.Ttl.TotalSeconds);
            w.WriteStartObject("Key");
            w.WriteString("Name", u.Key.Name); w.WriteString("Algorithm", u.Key.Algorithm); w.WriteString("Secret", "(secret)");
            w.WriteEndObject();
            w.WriteStartArray("Records");
            foreach (var r in u.Records)
            {
                w.WriteStartObject(); w.WriteString("Name", r.Name); w.WriteString("InterfaceId", r.InterfaceId.ToString()); w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteLan(Utf8JsonWriter w, LanConfig lan)
    {
        w.WriteStartObject("Lan");
        w.WriteString("Interface", lan.Interface);
        WriteAddresses(w, "Dns", lan.Dns);
        w.WriteStartArray("Domains");
        foreach (var d in lan.Domains) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteStartObject("Ra");
        var ra = lan.Ra;
        w.WriteNumber("MinIntervalSeconds", ra.MinInterval.TotalSeconds);
        w.WriteNumber("MaxIntervalSeconds", ra.MaxInterval.TotalSeconds);
        w.WriteNumber("RouterLifetimeSeconds", ra.RouterLifetimeSeconds);
        w.WriteNumber("PreferredLifetimeSeconds", ra.PreferredLifetimeSeconds);
        w.WriteNumber("ValidLifetimeSeconds", ra.ValidLifetimeSeconds);
        w.WriteNumber("HopLimit", ra.HopLimit);
        if (ra.Mtu is { } mtu) w.WriteNumber("Mtu", mtu); else w.WriteNull("Mtu");
        w.WriteString("Preference", ra.Preference.ToString().ToLowerInvariant());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteUplink(Utf8JsonWriter w, UplinkConfig u)
    {
        w.WriteStartObject();
        w.WriteString("Name", u.Name);
        w.WriteString("Interface", u.Interface);
        w.WriteString("Gateway", u.LearnsGateway ? "" : u.Gateway!.ToString());
        if (u.Delegation is { } pd)
        {
            w.WriteString("LanPrefix", UplinkValidator.DelegatedKeyword);
            w.WriteNumber("SubnetId", pd.SubnetId);
            if (pd.PrefixLengthHint is { } hint) w.WriteNumber("PrefixLengthHint", hint);
        }
        else w.WriteString("LanPrefix", u.LanPrefix!.Value.ToString());
        WriteAddresses(w, "Dns", u.Dns);
        w.WriteStartObject("Probe");
        WriteAddresses(w, "Targets", u.Probe.Targets);
        w.WriteNumber("IntervalMs", (int)u.Probe.Interval.TotalMilliseconds);
        w.WriteNumber("DownAfter", u.Probe.DownAfter);
        w.WriteNumber("UpAfter", u.Probe.UpAfter);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteLog(Utf8JsonWriter w, LogConfig log)
    {
        w.WriteStartObject("Log");
        w.WriteString("Path", log.Path);
        w.WriteString("Level", log.Level);
        w.WriteNumber("MaxFileBytes", log.MaxFileBytes);
        w.WriteNumber("MaxFiles", log.MaxFiles);
        w.WriteEndObject();
    }

    private static void WriteAddresses(Utf8JsonWriter w, string name, IEnumerable<IPAddress> addresses)
    {
        w.WriteStartArray(name);
        foreach (var a in addresses) w.WriteStringValue(a.ToString());
        w.WriteEndArray();
    }
}

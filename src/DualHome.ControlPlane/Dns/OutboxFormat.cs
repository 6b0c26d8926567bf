using System.Net;
using System.Text;
using System.Text.Json;

namespace DualHome.ControlPlane.Dns;

/// <summary>The outbox file: the pending plan as JSON, written and read without reflection (AOT).</summary>
public static class OutboxFormat
{
    public static string Write(DnsPlan plan)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("generation", plan.Generation);
            w.WriteStartArray("records");
            foreach (var r in plan.Records)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Name);
                WriteAddresses(w, "present", r.Present);
                WriteAddresses(w, "absent", r.Absent);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Null for anything unreadable: a damaged outbox is dropped (the next uplink event plans afresh).</summary>
    public static DnsPlan? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var records = root.GetProperty("records").EnumerateArray().Select(r => new RecordPlan(
                r.GetProperty("name").GetString() ?? "", ReadAddresses(r, "present"), ReadAddresses(r, "absent"))).ToList();
            return new DnsPlan(root.GetProperty("generation").GetInt64(), records);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static void WriteAddresses(Utf8JsonWriter w, string name, IEnumerable<IPAddress> addresses)
    {
        w.WriteStartArray(name);
        foreach (var a in addresses) w.WriteStringValue(a.ToString());
        w.WriteEndArray();
    }

    private static List<IPAddress> ReadAddresses(JsonElement e, string name) =>
        [.. e.GetProperty(name).EnumerateArray().Select(a => IPAddress.Parse(a.GetString() ?? ""))];
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualHome.Config.Lifecycle;

/// <summary>What `set` turns the value text into.</summary>
internal enum ValueKind
{
    /// <summary>A string, whatever it looks like ("123" stays a string for an interface name).</summary>
    Text,
    Number,
    Boolean,
    /// <summary>A list of strings: a JSON array or comma-separated text.</summary>
    List,
    /// <summary>A JSON object (e.g. "Lan.Ra", or a whole uplink "Uplinks.c").</summary>
    Section,
    /// <summary>A JSON array of named sections (Uplinks).</summary>
    NamedList,
    /// <summary>A key the schema does not know: a JSON literal if the text is one, else a string.</summary>
    Any,
}

/// <summary>The kind each key of the file holds, so "200" becomes a number for IntervalMs but stays a string for an
/// interface name. Kept beside <see cref="KnownKeys"/> and the options classes: a new non-text key needs a row here.
/// '*' is one segment (an uplink's name or index).</summary>
internal static class KeyKinds
{
    private static readonly (string Pattern, ValueKind Kind)[] Table =
    [
        ("Lan.Ra.MinIntervalSeconds", ValueKind.Number), ("Lan.Ra.MaxIntervalSeconds", ValueKind.Number),
        ("Lan.Ra.RouterLifetimeSeconds", ValueKind.Number), ("Lan.Ra.PreferredLifetimeSeconds", ValueKind.Number),
        ("Lan.Ra.ValidLifetimeSeconds", ValueKind.Number), ("Lan.Ra.HopLimit", ValueKind.Number),
        ("Lan.Ra.Mtu", ValueKind.Number),
        ("Uplinks.*.Probe.IntervalMs", ValueKind.Number), ("Uplinks.*.Probe.DownAfter", ValueKind.Number),
        ("Uplinks.*.Probe.UpAfter", ValueKind.Number),
        ("Uplinks.*.SubnetId", ValueKind.Number), ("Uplinks.*.PrefixLengthHint", ValueKind.Number),
        ("Log.MaxFileBytes", ValueKind.Number), ("Log.MaxFiles", ValueKind.Number), ("DataPlane.Workers", ValueKind.Number),
        ("DataPlane.RealtimePriority", ValueKind.Number), ("DataPlane.RingFrames", ValueKind.Number),
        ("DataPlane.CoalesceMicroseconds", ValueKind.Number), ("DataPlane.IngressDrop", ValueKind.Boolean),
        ("Peers.HeartbeatIntervalMs", ValueKind.Number), ("Peers.DeadAfter", ValueKind.Number), ("Peers.Port", ValueKind.Number),
        ("Lan.Dns", ValueKind.List), ("Lan.Domains", ValueKind.List), ("DataPlane.Cpus", ValueKind.List),
        ("Uplinks.*.Dns", ValueKind.List), ("Uplinks.*.Probe.Targets", ValueKind.List),
        ("Uplinks", ValueKind.NamedList),
        ("Lan", ValueKind.Section), ("Lan.Ra", ValueKind.Section), ("Uplinks.*", ValueKind.Section),
        ("Uplinks.*.Probe", ValueKind.Section), ("DataPlane", ValueKind.Section), ("Peers", ValueKind.Section), ("Control", ValueKind.Section),
        ("Log", ValueKind.Section), ("State", ValueKind.Section), ("Board", ValueKind.Section),
        ("Dns", ValueKind.Section), ("Dns.Updates.*", ValueKind.Section),
        ("Dns.Updates.*.Port", ValueKind.Number), ("Dns.Updates.*.Ttl", ValueKind.Number),
        ("Dns.Updates.*.Key", ValueKind.Section), ("Dns.Updates.*.Records.*", ValueKind.Section),
    ];

    /// <summary>The table's kind; else text for the other known keys; else the kind of the value already there.</summary>
    public static ValueKind Of(ConfigKey key, JsonNode? existing)
    {
        foreach (var (pattern, kind) in Table)
            if (Matches(pattern, key))
                return kind;
        if (KnownKeys.IsKnown(key.ConfigurationPathByIndex()))
            return ValueKind.Text;
        return existing?.GetValueKind() switch
        {
            JsonValueKind.Number => ValueKind.Number,
            JsonValueKind.True or JsonValueKind.False => ValueKind.Boolean,
            JsonValueKind.String => ValueKind.Text,
            _ => ValueKind.Any,
        };
    }

    /// <summary>Containers created on the way to a key are arrays where the file has arrays, else objects.</summary>
    public static bool IsArray(ConfigKey key, int prefixLength) =>
        Table.Any(row => row.Kind is ValueKind.List or ValueKind.NamedList && Matches(row.Pattern, key, prefixLength));

    private static bool Matches(string pattern, ConfigKey key, int? length = null)
    {
        var p = pattern.Split('.');
        int n = length ?? key.Count;
        if (p.Length != n)
            return false;
        for (int i = 0; i < n; i++)
            if (p[i] != "*" && !p[i].Equals(key[i], StringComparison.OrdinalIgnoreCase))
                return false;
        return true;
    }
}

namespace DualHome.Config;

/// <summary>Every key the file may hold; anything else is reported, since a misspelt key silently ignored
/// is a setting the user believes is in force. '*' stands for an array index.</summary>
internal static class KnownKeys
{
    private static readonly string[] Patterns =
    [
        "Lan:Interface", "Lan:Dns:*", "Lan:Domains:*",
        "Lan:Ra:MinIntervalSeconds", "Lan:Ra:MaxIntervalSeconds", "Lan:Ra:RouterLifetimeSeconds",
        "Lan:Ra:PreferredLifetimeSeconds", "Lan:Ra:ValidLifetimeSeconds", "Lan:Ra:HopLimit", "Lan:Ra:Mtu",
        "Lan:Ra:Preference",
        "Uplinks:*:Name", "Uplinks:*:Interface", "Uplinks:*:Gateway", "Uplinks:*:LanPrefix", "Uplinks:*:SubnetId",
        "Uplinks:*:PrefixLengthHint", "Uplinks:*:Dns:*",
        "Uplinks:*:Probe:Targets:*", "Uplinks:*:Probe:IntervalMs", "Uplinks:*:Probe:DownAfter", "Uplinks:*:Probe:UpAfter",
        "DataPlane:Mode", "DataPlane:Workers", "DataPlane:RealtimePriority", "DataPlane:RingFrames", "DataPlane:CoalesceMicroseconds", "DataPlane:Cpus:*", "DataPlane:IngressDrop", "DataPlane:Offloads", "Control:Socket", "State:Directory", "Board:Profile", "Board:LedClassRoot",
        "Peers:Mode", "Peers:HeartbeatIntervalMs", "Peers:DeadAfter", "Peers:Port", "Log:Path", "Log:Level", "Log:MaxFileBytes", "Log:MaxFiles",
        "Dns:Updates:*:Server", "Dns:Updates:*:Port", "Dns:Updates:*:Zone", "Dns:Updates:*:Ttl",
        "Dns:Updates:*:Key:Name", "Dns:Updates:*:Key:Algorithm", "Dns:Updates:*:Key:Secret",
        "Dns:Updates:*:Records:*:Name", "Dns:Updates:*:Records:*:InterfaceId",
    ];

    public static bool IsKnown(string path) => Patterns.Any(p => Matches(p, path));

    /// <summary>True for a key that is a prefix of some known key (a section such as "Lan:Ra" or "Uplinks:0").</summary>
    public static bool IsKnownSection(string path) => Patterns.Any(p => Matches(p, path, prefixOnly: true));

    private static bool Matches(string pattern, string path, bool prefixOnly = false)
    {
        var p = pattern.Split(':');
        var k = path.Split(':');
        if (prefixOnly ? k.Length > p.Length : k.Length != p.Length)
            return false;
        for (int i = 0; i < k.Length; i++)
            if (!(p[i] == "*" ? int.TryParse(k[i], out _) : string.Equals(p[i], k[i], StringComparison.OrdinalIgnoreCase)))
                return false;
        return true;
    }
}

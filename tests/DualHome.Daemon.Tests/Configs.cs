namespace DualHome.Daemon.Tests;

internal static class Configs
{
    public const string Path = "/etc/dualhome/dualhome.json";

    public static string Site(int intervalMs = 100, string lan = "lan0", string secret = "") => $$"""
    { "Lan": { "Interface": "{{lan}}", "Dns": ["2001:db8:a:1::53"] },
      "Uplinks": [ { "Name": "a", "Interface": "wana", "Gateway": "fe80::1", "LanPrefix": "2001:db8:a:1::/64",
                     "Probe": { "Targets": ["2001:db8:ffff::1"], "IntervalMs": {{intervalMs}} } },
                   { "Name": "b", "Interface": "wanb", "Gateway": "fe80::1", "LanPrefix": "2001:db8:b:1::/64" } ]{{secret}} }
    """;
}

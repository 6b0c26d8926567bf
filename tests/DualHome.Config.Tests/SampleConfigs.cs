namespace DualHome.Config.Tests;

internal static class SampleConfigs
{
    /// <summary>The example from the README (issue 2's shape).</summary>
    public const string Valid = """
    {
      "Lan": { "Interface": "lan0", "Dns": ["2001:db8:a:1::53"],
               "Ra": { "MinIntervalSeconds": 3, "MaxIntervalSeconds": 10 } },
      "Uplinks": [
        { "Name": "a", "Interface": "wana", "Gateway": "fe80::1", "LanPrefix": "2001:db8:a:1::/64",
          "Probe": { "Targets": ["2001:db8:ffff::1"], "IntervalMs": 100, "DownAfter": 3, "UpAfter": 5 } },
        { "Name": "b", "Interface": "wanb", "Gateway": "fe80::1", "LanPrefix": "2001:db8:b:1::/64",
          "Probe": { "Targets": ["2001:db8:ffff::1"] } }
      ],
      "Control": { "Socket": "/run/dualhomed.sock" },
      "Log": { "Path": "/var/log/dualhomed/dualhomed.log" },
      "State": { "Directory": "/var/lib/dualhome" }
    }
    """;

    /// <summary>The valid sample with one JSON fragment replaced (first occurrence only).</summary>
    public static string With(string find, string replace)
    {
        int i = Valid.IndexOf(find, StringComparison.Ordinal);
        if (i < 0) throw new ArgumentException($"'{find}' is not in the sample");
        return Valid[..i] + replace + Valid[(i + find.Length)..];
    }
}

namespace DualHome.Testbed;

/// <summary>
/// A real DHCPv6 server per ISP (issue 8): Kea 2.2 in the ISP namespace on its router-facing link, delegating /56s
/// from the ISP's /48 (2001:db8:a::/48 or 2001:db8:b::/48). Leases in memory; stopped by pid with the site.
/// </summary>
public sealed partial class Site
{
    private readonly Dictionary<Isp, BackgroundProcess> _kea = [];

    public async Task StartKeaAsync(Isp isp, int preferred = 1800, int valid = 3600)
    {
        if (_kea.TryGetValue(isp, out var running) && !running.HasExited) return;
        var dir = Path.Combine(WorkDirectory, $"kea-{Topology.Letter(isp)}");
        Directory.CreateDirectory(dir);
        var config = Path.Combine(dir, "kea-dhcp6.json");
        await File.WriteAllTextAsync(config, KeaConfig(isp, dir, preferred, valid));
        var kea = StartBackground($"kea-{Topology.Letter(isp)}", Topology.NodeOf(isp),
            ["env", $"KEA_PIDFILE_DIR={dir}", $"KEA_LOCKFILE_DIR={dir}", "kea-dhcp6", "-c", config]);
        _kea[isp] = kea;
        await Poll.UntilAsync(() => Task.FromResult(kea.HasExited || kea.ReadStdout().Contains("DHCP6_STARTED")),
            TimeSpan.FromSeconds(15), $"Kea in ISP {isp} to start");
        if (kea.HasExited) throw new TestbedException($"kea-dhcp6 exited: {kea.ReadStdout()} {kea.ReadStderr()}");
    }

    private static string KeaConfig(Isp isp, string dir, int preferred, int valid) => $$"""
        { "Dhcp6": {
            "interfaces-config": { "interfaces": [ "{{Topology.IspDown}}" ] },
            "data-directory": "{{dir}}",
            "lease-database": { "type": "memfile", "persist": false, "lfc-interval": 0 },
            "preferred-lifetime": {{preferred}}, "valid-lifetime": {{valid}},
            "subnet6": [ { "id": 1, "subnet": "2001:db8:{{Topology.Letter(isp)}}:ffff::/64", "interface": "{{Topology.IspDown}}",
                "pd-pools": [ { "prefix": "{{Topology.Delegated(isp).BaseAddress}}", "prefix-len": 48, "delegated-len": 56 } ] } ],
            "loggers": [ { "name": "kea-dhcp6", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
        } }
        """;
}

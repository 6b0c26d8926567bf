namespace DualHome.Testbed;

/// <summary>How a test's Kea delegates: lifetimes, renew/rebind timers (null: Kea's defaults, 0.5 and 0.8 of the
/// preferred lifetime) and the pool inside the ISP's /48 (the whole /48, or its upper half to renumber).</summary>
public sealed record KeaSettings(int Preferred = 1800, int Valid = 3600, int? Renew = null, int? Rebind = null, bool UpperHalf = false);

/// <summary>
/// A real DHCPv6 server per ISP (issue 8): Kea 2.2 in the ISP namespace on its router-facing link, delegating /56s
/// from the ISP's /48 (2001:db8:a::/48 or 2001:db8:b::/48). Leases in memory, so a restarted Kea has forgotten them;
/// stopped by pid with the site or by <see cref="StopKeaAsync"/>.
/// </summary>
public sealed partial class Site
{
    private readonly Dictionary<Isp, BackgroundProcess> _kea = [];
    private int _keaStarts;

    public Task StartKeaAsync(Isp isp, int preferred = 1800, int valid = 3600) => StartKeaAsync(isp, new KeaSettings(preferred, valid));

    public async Task StartKeaAsync(Isp isp, KeaSettings settings)
    {
        if (_kea.TryGetValue(isp, out var running) && !running.HasExited) return;
        var dir = Path.Combine(WorkDirectory, $"kea-{Topology.Letter(isp)}-{Interlocked.Increment(ref _keaStarts)}");
        Directory.CreateDirectory(dir);
        var config = Path.Combine(dir, "kea-dhcp6.json");
        await File.WriteAllTextAsync(config, KeaConfig(isp, dir, settings));
        var kea = StartBackground($"kea-{Topology.Letter(isp)}-{_keaStarts}", Topology.NodeOf(isp),
            ["env", $"KEA_PIDFILE_DIR={dir}", $"KEA_LOCKFILE_DIR={dir}", "kea-dhcp6", "-c", config]);
        _kea[isp] = kea;
        await Poll.UntilAsync(() => Task.FromResult(kea.HasExited || kea.ReadStdout().Contains("DHCP6_STARTED")),
            TimeSpan.FromSeconds(15), $"Kea in ISP {isp} to start");
        if (kea.HasExited) throw new TestbedException($"kea-dhcp6 exited: {kea.ReadStdout()} {kea.ReadStderr()}");
    }

    /// <summary>Stops the ISP's Kea (SIGTERM by pid): its leases are gone with it.</summary>
    public async Task StopKeaAsync(Isp isp)
    {
        if (!_kea.Remove(isp, out var kea)) return;
        await kea.StopAsync(TimeSpan.FromSeconds(3));
        Note($"stopped Kea of ISP {isp}");
    }

    /// <summary>Where the ISP's delegations come from with <paramref name="upperHalf"/>: its /48 or the /49 above it.</summary>
    public static System.Net.IPNetwork KeaPool(Isp isp, bool upperHalf) =>
        upperHalf ? System.Net.IPNetwork.Parse($"2001:db8:{Topology.Letter(isp)}:8000::/49") : Topology.Delegated(isp);

    private static string KeaConfig(Isp isp, string dir, KeaSettings s)
    {
        var pool = KeaPool(isp, s.UpperHalf);
        string timers = (s.Renew is { } t1 ? $"\"renew-timer\": {t1}, " : "") + (s.Rebind is { } t2 ? $"\"rebind-timer\": {t2}, " : "");
        return $$"""
            { "Dhcp6": {
                "interfaces-config": { "interfaces": [ "{{Topology.IspDown}}" ] },
                "data-directory": "{{dir}}",
                "lease-database": { "type": "memfile", "persist": false, "lfc-interval": 0 },
                {{timers}}"preferred-lifetime": {{s.Preferred}}, "valid-lifetime": {{s.Valid}},
                "subnet6": [ { "id": 1, "subnet": "2001:db8:{{Topology.Letter(isp)}}:ffff::/64", "interface": "{{Topology.IspDown}}",
                    "pd-pools": [ { "prefix": "{{pool.BaseAddress}}", "prefix-len": {{pool.PrefixLength}}, "delegated-len": 56 } ] } ],
                "loggers": [ { "name": "kea-dhcp6", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
            } }
            """;
    }
}

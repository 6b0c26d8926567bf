using DualHome.Config;

namespace DualHome.Daemon.Configuration;

/// <summary>
/// Which committed changes apply to the running router without a restart: each uplink's probe settings (the
/// monitors take them in place, keeping their state) and DNS servers, the LAN's RA content (DNS, domains, lifetimes,
/// hop limit, MTU, preference: only a changed RA is sent) and the log level. Anything else — interfaces, prefixes,
/// gateways, RA intervals, the data plane, uplinks added or removed — restarts the router on the new configuration.
/// </summary>
public static class LiveChange
{
    public static bool IsLive(SiteConfig old, SiteConfig next) =>
        old.Uplinks.Count == next.Uplinks.Count
        && old.Uplinks.Zip(next.Uplinks).All(p => p.First.Name == p.Second.Name && SameProbing(p.First, p.Second))
        && Same(WithLiveParts(old, next), next);

    /// <summary>Probed (targets) versus following the link only is a different machine: a restart.</summary>
    private static bool SameProbing(UplinkConfig a, UplinkConfig b) =>
        (a.Probe.Targets.Count == 0) == (b.Probe.Targets.Count == 0);

    /// <summary><paramref name="old"/> with every live-changeable value taken from <paramref name="next"/>: if that
    /// equals next, nothing else changed.</summary>
    private static SiteConfig WithLiveParts(SiteConfig old, SiteConfig next) => old with
    {
        Lan = old.Lan with
        {
            Dns = next.Lan.Dns,
            Domains = next.Lan.Domains,
            Ra = next.Lan.Ra with { MinInterval = old.Lan.Ra.MinInterval, MaxInterval = old.Lan.Ra.MaxInterval },
        },
        Uplinks = [.. old.Uplinks.Zip(next.Uplinks, (o, n) => o with { Probe = n.Probe, Dns = n.Dns })],
        Log = old.Log with { Level = next.Log.Level },
    };

    /// <summary>Records hold lists, which compare by reference: compare what the file would say instead, and the
    /// TSIG secrets, which the printed form leaves out.</summary>
    public static bool Same(SiteConfig a, SiteConfig b) =>
        EffectiveConfigWriter.ToJson(a) == EffectiveConfigWriter.ToJson(b)
        && a.Dns.Updates.Select(u => u.Key.Secret).SequenceEqual(b.Dns.Updates.Select(u => u.Key.Secret), SecretComparer.Instance);

    private sealed class SecretComparer : IEqualityComparer<byte[]>
    {
        public static readonly SecretComparer Instance = new();
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => obj.Length;
    }
}

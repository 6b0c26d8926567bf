using System.Net;
using DualHome.Config;
using DualHome.ControlPlane.Dns;
using DualHome.ControlPlane.Routing;
using DualHome.ControlPlane.Uplinks;
using DualHome.Daemon.Platform;
using DualHome.Wire.Dns;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Dns;

/// <summary>One <see cref="DnsPublisher"/> per configured zone, fed by the uplinks' changes. Subscribe before the
/// monitors start so their first transitions are seen.</summary>
public sealed class DnsUpdates : IAsyncDisposable
{
    private readonly List<DnsPublisher> _publishers = [];
    private readonly List<(string Zone, DnsPublisher Publisher)> _named = [];

    /// <param name="retired">Prefixes the site had before a renumbering (RFC 9096): their addresses are removed.</param>
    public static DnsUpdates Start(SiteConfig config, SiteHealth health, ILoggerFactory logs, IReadOnlyList<IPNetwork> retired)
    {
        var updates = new DnsUpdates();
        Directory.CreateDirectory(config.StateDirectory);
        for (int i = 0; i < config.Dns.Updates.Count; i++)
            updates.Add(config, i, health, logs, retired);
        health.UplinkChanged += change => updates._publishers.ForEach(p => p.OnUplinkChanged(change));
        return updates;
    }

    public string CountersText() => string.Join('\n', _named.Select(n =>
        $"dns {n.Zone}: updates confirmed {n.Publisher.Delivered}, failed attempts {n.Publisher.Failures}, " +
        (n.Publisher.Pending is { } p ? $"update {p.Generation} pending" : "nothing pending")));

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _publishers) await p.DisposeAsync().ConfigureAwait(false);
    }

    private void Add(SiteConfig config, int index, SiteHealth health, ILoggerFactory logs, IReadOnlyList<IPNetwork> retired)
    {
        var zone = config.Dns.Updates[index];
        var key = new TsigKey(zone.Key.Name, TsigAlgorithms.TryParse(zone.Key.Algorithm, out var alg) ? alg : TsigAlgorithm.HmacSha256, zone.Key.Secret);
        var sender = new UdpDnsSender(zone, key, () => WorkingSource(config, health), TimeProvider.System);
        var outbox = new FileOutboxStore(LinuxConfigFileSystem.Create(), Path.Combine(config.StateDirectory, $"dns-outbox-{index}-{zone.Zone}.json"));
        var publisher = new DnsPublisher(zone.Zone, [.. zone.Records.Select(r => (r.Name, r.InterfaceId))],
            [.. SiteSetup.Numbered(config).Select(n => (n.Uplink.Name, n.Prefix))], sender, outbox, TimeProvider.System,
            logs.CreateLogger($"DualHome.Dns.{zone.Zone}")) { Retired = retired };
        publisher.Start();
        _publishers.Add(publisher);
        _named.Add((zone.Zone, publisher));
    }

    /// <summary>The router's own address in the prefix of an uplink that is up (the first in configuration order); right
    /// after a start, before any is known to be up, one still starting (an update left in the outbox goes out at once,
    /// and if that ISP turns out dead the retry uses the one that is up).</summary>
    private static IPAddress? WorkingSource(SiteConfig config, SiteHealth health)
    {
        UplinkConfig? Find(UplinkState state) =>
            config.Uplinks.FirstOrDefault(u => u.LanPrefix is not null && health.Find(u.Name)?.Current.State == state);
        return (Find(UplinkState.Up) ?? Find(UplinkState.Starting)) is { LanPrefix: { } p } ? SiteSetup.RouterAddress(p) : null;
    }
}

using System.Net;
using DualHome.Config;
using DualHome.ControlPlane.Dhcpv6;
using DualHome.ControlPlane.Renumbering;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Routing;
using DualHome.ControlPlane.Uplinks;
using DualHome.Daemon.Platform;
using DualHome.Linux;
using DualHome.Wire.Dhcpv6;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Delegations;

/// <summary>
/// The prefixes one router run advertises: each numbered uplink's LAN prefix, with a delegated one's lifetimes capped
/// by what is left of its delegation (RFC 9096 §3.3), and the stale ones remembered on stable storage (§3.5).
/// </summary>
public sealed class LanPrefixes
{
    /// <summary>How often the RA content is rebuilt so capped lifetimes follow the delegation down.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromMinutes(1);
    private readonly AdvertisedPrefixes _memory;
    private readonly PrefixDelegations _delegations;
    private readonly ILogger _log;
    private bool _saveFailed;

    public LanPrefixes(SiteConfig config, PrefixDelegations delegations, ILogger log)
    {
        (_delegations, _log) = (delegations, log);
        _memory = new AdvertisedPrefixes(new FileStateStore(config.StateDirectory, DirectorySync.Flush), TimeProvider.System);
        Stale = Remember(config, Current(config, preferred: []));
    }

    /// <summary>The stale prefixes when this run started (for DNS: their addresses are removed).</summary>
    public IReadOnlyList<IPNetwork> Stale { get; }

    /// <summary>The RA: own prefixes, stale ones, and a dead peer's deprecated on its behalf (<paramref name="onBehalf"/>).</summary>
    public Wire.Nd.RouterAdvertisement Content(SiteConfig config, LanLinkFacts lan, SiteHealth health,
        IReadOnlyList<ControlPlane.Peers.OnBehalf>? onBehalf = null)
    {
        var preferred = health.Snapshot().Where(s => s.Preferred).Select(s => s.Name).ToHashSet();
        var uplinks = Current(config, preferred);
        return RaContentBuilder.Build(config.Lan, lan.LinkAddress, lan.Mtu, uplinks, Remember(config, uplinks), onBehalf);
    }

    /// <summary>Every numbered uplink is advertised; only a monitored one that is up (or forced up) is preferred.</summary>
    private List<UplinkAdvertisement> Current(SiteConfig config, HashSet<string> preferred) =>
        [.. SiteSetup.Numbered(config).Select(n => Advertisement(n.Uplink, n.Prefix, preferred.Contains(n.Uplink.Name)))];

    private UplinkAdvertisement Advertisement(UplinkConfig u, IPNetwork prefix, bool preferred)
    {
        if (!u.IsDelegated || _delegations.Current(u.Name) is not { } d)
            return new UplinkAdvertisement(u.Name, prefix, preferred, u.Dns);
        return new UplinkAdvertisement(u.Name, prefix, preferred, u.Dns,
            Left(d.PreferredRemaining(TimeProvider.System)), Left(d.ValidRemaining(TimeProvider.System)));
    }

    /// <summary>What is left, less one refresh period and in whole refresh periods, so that an RA sent just before the
    /// next rebuild still promises no more than the delegation has (and the content changes once per period). A lease
    /// too short for that (minutes; test servers) is advertised at half of what is left; its end is what counts: the
    /// client reports the loss the moment the valid lifetime runs out and the prefix goes stale at once.</summary>
    public static uint Left(uint remaining)
    {
        if (remaining == Dhcpv6Constants.Infinity) return uint.MaxValue;
        uint period = (uint)RefreshPeriod.TotalSeconds;
        return remaining <= 2 * period ? remaining / 2 : (remaining - period) / period * period;
    }

    private IReadOnlyList<IPNetwork> Remember(SiteConfig config, List<UplinkAdvertisement> uplinks)
    {
        var advertised = uplinks.Select(u => (u.Prefix, Math.Min(config.Lan.Ra.ValidLifetimeSeconds, u.ValidLeft))).ToList();
        var stale = _memory.Advertise(advertised);
        if (_memory.SaveError is { } error && !_saveFailed) DaemonLog.PrefixMemoryFailed(_log, error);
        _saveFailed = _memory.SaveError is not null;
        return stale;
    }
}

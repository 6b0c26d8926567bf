using System.Net;
using DualHome.DataPlane.Prefixes;
using DualHome.Wire.Ethernet;

namespace DualHome.DataPlane.Forwarding;

/// <summary>
/// Everything a forwarding decision reads, as one immutable snapshot: ports, which uplink each delegated (site)
/// prefix leaves by, the prefixes on the LAN, and the router's own addresses. The control plane builds a new
/// snapshot on every change and publishes it with <see cref="Forwarder.Reconfigure"/>; workers never see a table
/// being changed.
/// </summary>
public sealed class ForwarderConfig
{
    private readonly UplinkConfig[] _uplinks;

    public ForwarderConfig(
        PortConfig lan, IReadOnlyList<UplinkConfig> uplinks, IEnumerable<SitePrefix> sitePrefixes,
        IEnumerable<IPNetwork> lanPrefixes, IEnumerable<IPAddress> ownAddresses)
    {
        ArgumentNullException.ThrowIfNull(lan);
        ArgumentNullException.ThrowIfNull(uplinks);
        Lan = lan;
        _uplinks = [.. uplinks];
        SiteSources = BuildSites(sitePrefixes, _uplinks.Length);
        LanDestinations = BuildLan(lanPrefixes);
        OwnAddresses = new HashSet<UInt128>(ownAddresses.Select(Ipv6Key.From), Ipv6KeyComparer.Instance);
    }

    private ForwarderConfig(ForwarderConfig other, UplinkConfig[] uplinks)
    {
        Lan = other.Lan;
        _uplinks = uplinks;
        SiteSources = other.SiteSources;
        LanDestinations = other.LanDestinations;
        OwnAddresses = other.OwnAddresses;
        PeerSources = other.PeerSources;
        _peerNextHops = other._peerNextHops;
        _peerMacs = other._peerMacs;
    }

    private ForwarderConfig(ForwarderConfig other, IEnumerable<PeerNextHop> peers, IEnumerable<Mac> peerMacs) : this(other, other._uplinks)
    {
        var hops = new List<Mac>();
        var table = new PrefixTable<int>();
        foreach (var peer in peers)
        {
            if (peer.Mac is { } mac) hops.Add(mac);
            table.Add(peer.Prefix, peer.Mac is null ? DeadPeer : hops.Count - 1);
        }
        PeerSources = table;
        _peerNextHops = [.. hops];
        _peerMacs = [.. peerMacs.Distinct()];
    }

    /// <summary>A <see cref="PeerSources"/> value: the peer owning the prefix is dead.</summary>
    internal const int DeadPeer = -1;
    private readonly Mac[] _peerNextHops = [];
    private readonly Mac[] _peerMacs = [];

    /// <summary>Issue 10: peer prefix → index of the peer's MAC, or <see cref="DeadPeer"/>. Empty without peers.</summary>
    public PrefixTable<int> PeerSources { get; } = new();

    /// <summary>The same configuration with the peers' prefixes and the MACs of every peer router (alive or dead:
    /// a frame from any of them is never sent to a peer again).</summary>
    public ForwarderConfig WithPeers(IEnumerable<PeerNextHop> peers, IEnumerable<Mac> peerMacs) => new(this, peers, peerMacs);

    internal Mac PeerNextHopAt(int index) => _peerNextHops[index];

    /// <summary>Linear: a LAN has a handful of routers (the peer table holds 8 at most). Allocates nothing.</summary>
    internal bool IsPeerMac(Mac mac)
    {
        foreach (var m in _peerMacs)
            if (m == mac) return true;
        return false;
    }

    public PortConfig Lan { get; }
    public IReadOnlyList<UplinkConfig> Uplinks => _uplinks;

    /// <summary>Delegated prefix → uplink index: LPM on a LAN packet's source picks its exit.</summary>
    public PrefixTable<int> SiteSources { get; }

    /// <summary>The prefixes on the LAN link: LPM on a destination says "deliver on the LAN".</summary>
    public PrefixTable<bool> LanDestinations { get; }

    internal HashSet<UInt128> OwnAddresses { get; }

    /// <summary>Counter names, by <see cref="Port.Index"/>.</summary>
    public IReadOnlyList<string> PortNames => [Lan.Name, .. _uplinks.Select(u => u.Port.Name)];

    public bool IsOwnAddress(IPAddress address) => OwnAddresses.Contains(Ipv6Key.From(address));

    /// <summary>The same configuration with one uplink marked up or down (failover flips only this).</summary>
    public ForwarderConfig WithUplinkUp(int uplink, bool isUp)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)uplink, (uint)_uplinks.Length, nameof(uplink));
        UplinkConfig[] uplinks = [.. _uplinks];
        uplinks[uplink] = uplinks[uplink].WithUp(isUp);
        return new ForwarderConfig(this, uplinks);
    }

    /// <summary>The port's configuration; null for a port this snapshot does not have.</summary>
    public PortConfig? PortOf(Port port) =>
        port.IsLan ? Lan : (uint)port.UplinkIndex < (uint)_uplinks.Length ? _uplinks[port.UplinkIndex].Port : null;

    internal UplinkConfig? UplinkOf(int uplink) => (uint)uplink < (uint)_uplinks.Length ? _uplinks[uplink] : null;

    private static PrefixTable<int> BuildSites(IEnumerable<SitePrefix> prefixes, int uplinkCount)
    {
        var table = new PrefixTable<int>();
        foreach (SitePrefix site in prefixes)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)site.Uplink, (uint)uplinkCount, nameof(prefixes));
            if (!table.Add(site.Prefix, site.Uplink))
                throw new ArgumentException($"Site prefix {site.Prefix} is listed twice.", nameof(prefixes));
        }
        return table;
    }

    private static PrefixTable<bool> BuildLan(IEnumerable<IPNetwork> prefixes)
    {
        var table = new PrefixTable<bool>();
        foreach (IPNetwork prefix in prefixes)
            table.Add(prefix, true);
        return table;
    }
}

using System.Net;
using System.Net.NetworkInformation;
using DualHome.Config;
using DualHome.Wire.Nd;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>Composes the RA the router sends on the LAN from the configuration and each uplink's state.</summary>
public static class RaContentBuilder
{
    public static Wire.Nd.RouterAdvertisement Build(LanConfig lan, PhysicalAddress linkAddress, int linkMtu,
        IReadOnlyList<UplinkAdvertisement> uplinks, IReadOnlyList<IPNetwork>? stale = null, IReadOnlyList<Peers.OnBehalf>? onBehalf = null)
    {
        var ra = lan.Ra;
        // RFC 7084 G-4/G-5: with no working uplink the router must not be a default router. With one working,
        // deprecating the dead prefix (below) is enough: RFC 8475 §3.
        bool anyUp = uplinks.Any(u => u.Preferred);
        ushort lifetime = anyUp ? ra.RouterLifetimeSeconds : (ushort)0;
        return new Wire.Nd.RouterAdvertisement
        {
            CurHopLimit = ra.HopLimit,
            RouterLifetime = lifetime,
            // RFC 4191 §2.2: the preference MUST be medium when the router lifetime is 0.
            Preference = lifetime == 0 ? RouterPreference.Medium : Map(ra.Preference),
            SourceLinkLayerAddress = linkAddress,
            Mtu = AdvertisedMtu(ra.Mtu, linkMtu),
            Prefixes = [.. uplinks.Select(u => Prefix(ra, u)), .. (stale ?? []).Select(Stale), .. ForPeers(uplinks, stale, onBehalf)],
            DnsServers = DnsServers(lan, uplinks),
            SearchLists = lan.Domains.Count == 0 ? [] : [new DnsSearchList(DnsLifetime(ra), lan.Domains)],
        };
    }

    /// <summary>RFC 8475 §3: a prefix whose ISP is down keeps its valid lifetime (existing connections of smart
    /// hosts survive) and gets preferred lifetime 0, so new connections use another prefix (RFC 6724 rule 3).
    /// RFC 9096 §3.3: a delegated prefix's PIO lifetimes never exceed what is left of the delegation.</summary>
    private static PrefixInformation Prefix(RaConfig ra, UplinkAdvertisement u)
    {
        uint valid = Math.Min(ra.ValidLifetimeSeconds, u.ValidLeft);
        uint preferred = Math.Min(Math.Min(ra.PreferredLifetimeSeconds, u.PreferredLeft), valid);
        return new(u.Prefix, OnLink: true, Autonomous: true, valid, u.Preferred ? preferred : 0);
    }

    /// <summary>RFC 9096 §3.5: a prefix advertised before and stale now (renumbered, lost, or from before a reboot)
    /// goes out with A set and both lifetimes 0. Hosts deprecate the address at once; RFC 4862 §5.5.3 e keeps the
    /// rest of its valid lifetime (at most 2 h), so open connections can finish.</summary>
    private static PrefixInformation Stale(IPNetwork prefix) =>
        new(prefix, OnLink: true, Autonomous: true, 0, 0);

    /// <summary>Issue 10: a dead peer's prefix, deprecated on its behalf (RFC 8475 §3, as for an own dead uplink): A set,
    /// preferred 0, and the valid lifetime the peer last gave, counted down, so hosts keep the address for open
    /// connections but start new ones from another prefix. Never one this router advertises itself.</summary>
    private static IEnumerable<PrefixInformation> ForPeers(IReadOnlyList<UplinkAdvertisement> uplinks, IReadOnlyList<IPNetwork>? stale,
        IReadOnlyList<Peers.OnBehalf>? onBehalf) =>
        (onBehalf ?? []).Where(p => uplinks.All(u => u.Prefix != p.Prefix) && !(stale ?? []).Contains(p.Prefix))
            .Select(p => new PrefixInformation(p.Prefix, OnLink: true, Autonomous: true, p.ValidLeft, 0));

    /// <summary>RFC 8106 §5.1: Lan.Dns always; an ISP's own resolvers are withdrawn (lifetime 0) while it is down.</summary>
    private static List<RecursiveDnsServers> DnsServers(LanConfig lan, IReadOnlyList<UplinkAdvertisement> uplinks)
    {
        uint lifetime = DnsLifetime(lan.Ra);
        var list = new List<RecursiveDnsServers>();
        if (lan.Dns.Count > 0) list.Add(new RecursiveDnsServers(lifetime, lan.Dns));
        foreach (var u in uplinks.Where(u => u.Dns.Count > 0))
            list.Add(new RecursiveDnsServers(u.Preferred ? lifetime : 0, u.Dns));
        return list;
    }

    /// <summary>RFC 8106 §5.1: the lifetime SHOULD be at least 3 × MaxRtrAdvInterval.</summary>
    private static uint DnsLifetime(RaConfig ra) => (uint)(3 * ra.MaxInterval.TotalSeconds);

    private static uint? AdvertisedMtu(int? configured, int linkMtu) => (configured ?? linkMtu) switch
    {
        <= 0 => null,
        var m => (uint)m,
    };

    private static RouterPreference Map(RaPreference p) => p switch
    {
        RaPreference.High => RouterPreference.High,
        RaPreference.Low => RouterPreference.Low,
        _ => RouterPreference.Medium,
    };
}

using System.Net;
using DualHome.Wire.Nd;

namespace DualHome.ControlPlane.Peers;

/// <summary>
/// The other exit routers on the LAN (issue 10), from their RAs. Bounded (a LAN with more routers than
/// <see cref="MaxPeers"/> is not a dual-homed site; the excess is ignored and counted). Only prefixes a peer
/// advertises autonomously and on-link count: those are what hosts number themselves from (RFC 4862 §5.5.3).
/// A prefix the router itself advertises is never a peer's: own prefixes win, so two routers that both advertise a
/// prefix (a misconfiguration) each keep forwarding it themselves instead of sending it to each other.
/// Thread-safe.
/// </summary>
public sealed class PeerTable(TimeProvider time, IReadOnlyList<IPNetwork> ownPrefixes)
{
    public const int MaxPeers = 8;
    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, Peer> _peers = [];

    public long Ignored { get; private set; }

    /// <summary>Raised outside the lock when a peer appears, changes what it advertises, dies or returns.</summary>
    public event Action<Peer>? Changed;

    /// <summary>A valid RA from <paramref name="source"/> (already checked by the ND reader, RFC 4861 §6.1.2).</summary>
    public void OnAdvertisement(IPAddress source, Wire.Nd.RouterAdvertisement ra)
    {
        Peer? changed;
        lock (_gate) changed = Learn(source, ra);
        if (changed is not null) Changed?.Invoke(changed);
    }

    /// <summary>The peer is known dead (neighbour unreachability confirmed the silence): its prefixes stay known
    /// (the survivor deprecates them on its behalf) but nothing is forwarded to it.</summary>
    public void MarkDead(IPAddress peer) => SetAlive(peer, false);

    public IReadOnlyList<Peer> Snapshot()
    {
        lock (_gate) return [.. _peers.Values.OrderBy(p => p.LinkLocal.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>The live peer that advertises the prefix holding <paramref name="source"/> (longest match), or null.</summary>
    public Peer? OwnerOf(IPAddress source)
    {
        if (ownPrefixes.Any(p => p.Contains(source))) return null;
        var now = time.GetUtcNow();
        lock (_gate)
            return _peers.Values.Where(p => p.Alive)
                .SelectMany(p => p.Prefixes.Where(x => x.ValidLeft(now) > 0 && x.Prefix.Contains(source)).Select(x => (Peer: p, x.Prefix.PrefixLength)))
                .OrderByDescending(x => x.PrefixLength).Select(x => x.Peer).FirstOrDefault();
    }

    private Peer? Learn(IPAddress source, Wire.Nd.RouterAdvertisement ra)
    {
        var now = time.GetUtcNow();
        var prefixes = ra.Prefixes.Where(p => p.OnLink && p.Autonomous && !ownPrefixes.Contains(p.Prefix))
            .Select(p => new PeerPrefix(p.Prefix, p.ValidLifetime, p.PreferredLifetime, now)).ToList();
        if (!_peers.TryGetValue(source, out var old) && _peers.Count >= MaxPeers) { Ignored++; return null; }
        var peer = new Peer(source, ra.SourceLinkLayerAddress ?? old?.Mac, ra.RouterLifetime, now, prefixes);
        _peers[source] = peer;
        return old is null || !old.Alive || !SameAdvertisement(old, peer) ? peer : null;
    }

    private static bool SameAdvertisement(Peer a, Peer b) =>
        a.RouterLifetime == b.RouterLifetime && Equals(a.Mac, b.Mac)
        && a.Prefixes.Select(p => (p.Prefix, p.PreferredLifetime > 0)).SequenceEqual(b.Prefixes.Select(p => (p.Prefix, p.PreferredLifetime > 0)));

    private void SetAlive(IPAddress source, bool alive)
    {
        Peer? changed = null;
        lock (_gate)
        {
            if (_peers.TryGetValue(source, out var p) && p.Alive != alive)
                _peers[source] = changed = p with { Alive = alive };
        }
        if (changed is not null) Changed?.Invoke(changed);
    }
}

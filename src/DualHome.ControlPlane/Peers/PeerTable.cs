using System.Net;
using DualHome.Wire.Nd;
using DualHome.Wire.Peers;

namespace DualHome.ControlPlane.Peers;

/// <summary>
/// The other exit routers on the LAN (issue 10), from their RAs and heartbeats. Bounded (a LAN with more routers than
/// <see cref="MaxPeers"/> is not a dual-homed site; the excess is ignored and counted). Only prefixes a peer
/// advertises autonomously and on-link count: those are what hosts number themselves from (RFC 4862 §5.5.3).
/// A prefix the router itself advertises is never a peer's: own prefixes win, so two routers that both advertise a
/// prefix (a misconfiguration) each keep forwarding it themselves instead of sending it to each other.
/// Thread-safe.
/// </summary>
public sealed class PeerTable(TimeProvider time, IReadOnlyList<IPNetwork> ownPrefixes)
{
    public const int MaxPeers = 8;
    /// <summary>A peer announcing a shorter interval (0, by a bug) would die between any two of its heartbeats.</summary>
    private const int MinBeatMs = 10;
    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, Peer> _peers = [];

    public long Ignored { get; private set; }

    /// <summary>Raised outside the lock when a peer appears, changes what it advertises, dies, returns or is forgotten.</summary>
    public event Action<Peer>? Changed;

    /// <summary>A valid RA from <paramref name="source"/> (already checked by the ND reader, RFC 4861 §6.1.2).</summary>
    public void OnAdvertisement(IPAddress source, Wire.Nd.RouterAdvertisement ra) => Update(source, (at, old) => Learn(at, old, ra));

    /// <summary>A well-formed heartbeat from <paramref name="source"/> (a link-local address on the LAN).</summary>
    public void OnHeartbeat(IPAddress source, PeerHeartbeat heartbeat) => Update(source, (at, old) => Beat(at, old, heartbeat));

    /// <summary>Marks dead every peer whose heartbeats stopped <paramref name="deadAfter"/> intervals ago, and forgets
    /// a dead one once none of its prefixes has valid lifetime left (nothing is deprecated on its behalf any more).</summary>
    public void Sweep(int deadAfter)
    {
        var now = time.GetUtcNow();
        var changed = new List<Peer>();
        lock (_gate)
            foreach (var p in _peers.Values.ToList())
            {
                if (p.Alive && p.Silent(now, deadAfter)) changed.Add(_peers[p.LinkLocal] = p with { Alive = false });
                else if (!p.Alive && p.Prefixes.All(x => x.ValidLeft(now) == 0) && _peers.Remove(p.LinkLocal)) changed.Add(p);
            }
        foreach (var p in changed) Changed?.Invoke(p);
    }

    /// <summary>The peer is known dead: its prefixes stay known (the survivor deprecates them on its behalf) but
    /// nothing is forwarded to it.</summary>
    public void MarkDead(IPAddress peer) => Update(peer, (_, old) => old is { Alive: true } ? old with { Alive = false } : old);

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

    /// <summary>Applies <paramref name="next"/> to the peer's entry (null when unknown; returning null leaves it out)
    /// and raises <see cref="Changed"/> when what the rest of the router acts on changed.</summary>
    private void Update(IPAddress source, Func<IPAddress, Peer?, Peer?> next)
    {
        // One peer, whichever socket heard it: the ND socket reports the LAN's scope id, the UDP one may not.
        source = source.ScopeId == 0 ? source : new IPAddress(source.GetAddressBytes());
        Peer? changed = null;
        lock (_gate)
        {
            _peers.TryGetValue(source, out var old);
            if (old is null && _peers.Count >= MaxPeers) { Ignored++; return; }
            if (next(source, old) is not { } peer) return;
            _peers[source] = peer;
            if (old is null || old.Alive != peer.Alive || !SameAdvertisement(old, peer)) changed = peer;
        }
        if (changed is not null) Changed?.Invoke(changed);
    }

    private Peer Learn(IPAddress source, Peer? old, Wire.Nd.RouterAdvertisement ra)
    {
        var now = time.GetUtcNow();
        var prefixes = ra.Prefixes.Where(p => p.OnLink && p.Autonomous && !ownPrefixes.Contains(p.Prefix))
            .Select(p => new PeerPrefix(p.Prefix, p.ValidLifetime, p.PreferredLifetime, now)).ToList();
        return old is null ? new Peer(source, ra.SourceLinkLayerAddress, ra.RouterLifetime, now, prefixes) : old with
        {
            Mac = ra.SourceLinkLayerAddress ?? old.Mac, RouterLifetime = ra.RouterLifetime, LastHeard = now, Prefixes = prefixes, Alive = true,
            // An RA is a sign of life too; the heartbeat clock restarts so a sweep right after does not kill it again.
            LastBeat = old.LastBeat is null ? null : now,
        };
    }

    private Peer Beat(IPAddress source, Peer? old, PeerHeartbeat heartbeat)
    {
        var now = time.GetUtcNow();
        var claimed = heartbeat.Prefixes.Where(p => !ownPrefixes.Contains(p.Prefix)).ToList();
        var peer = old ?? new Peer(source, null, 0, now, []);
        return peer with
        {
            Claimed = claimed, LastBeat = now, BeatInterval = TimeSpan.FromMilliseconds(Math.Max((int)heartbeat.IntervalMs, MinBeatMs)), Alive = true,
        };
    }

    private static bool SameAdvertisement(Peer a, Peer b) =>
        a.RouterLifetime == b.RouterLifetime && Equals(a.Mac, b.Mac)
        && a.Prefixes.Select(p => (p.Prefix, p.PreferredLifetime > 0)).SequenceEqual(b.Prefixes.Select(p => (p.Prefix, p.PreferredLifetime > 0)))
        && a.Claimed.SequenceEqual(b.Claimed);
}

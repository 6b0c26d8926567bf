using System.Net;

namespace DualHome.ControlPlane.Peers;

/// <summary>A peer prefix routed to the live peer that forwards it, through its address in that prefix.</summary>
public sealed record PeerRoute(IPNetwork Prefix, IPAddress Via);

/// <summary>A dead peer's prefix advertised on its behalf: preferred lifetime 0, valid lifetime what it last gave,
/// counted down.</summary>
public sealed record OnBehalf(IPNetwork Prefix, uint ValidLeft);

/// <summary>
/// What this router does about its peers' prefixes at one moment (issue 10), from the peer table alone:
/// <see cref="Forward"/> packets from a live peer's prefix to that peer; <see cref="Refuse"/> (ICMPv6 Destination
/// Unreachable) those from a dead peer's prefix, so applications retry from another address at once; and
/// <see cref="Deprecate"/> a dead peer's prefixes in this router's RAs (RFC 8475 §3 on the peer's behalf: hosts
/// move new connections to the survivor's prefix, RFC 6724 rule 3). A prefix that any live peer forwards is never
/// refused or deprecated (two routers may share one), and this router's own prefixes are never a peer's.
/// </summary>
public sealed record PeerPlan(IReadOnlyList<PeerRoute> Forward, IReadOnlyList<IPNetwork> Refuse, IReadOnlyList<OnBehalf> Deprecate)
{
    public static readonly PeerPlan None = new([], [], []);

    public static PeerPlan Make(IReadOnlyList<Peer> peers, IReadOnlyList<IPNetwork> own, DateTimeOffset now)
    {
        var forward = peers.Where(p => p.Alive).SelectMany(p => p.Claimed)
            .Where(c => !own.Contains(c.Prefix))
            .GroupBy(c => c.Prefix).Select(g => new PeerRoute(g.Key, g.First().RouterAddress)).ToList();
        var live = forward.Select(f => f.Prefix).ToHashSet();
        var dead = peers.Where(p => !p.Alive).ToList();
        var deprecate = dead.SelectMany(p => p.Prefixes).Where(x => x.ValidLeft(now) > 0 && !own.Contains(x.Prefix) && !live.Contains(x.Prefix))
            .GroupBy(x => x.Prefix).Select(g => new OnBehalf(g.Key, g.Max(x => x.ValidLeft(now)))).ToList();
        var refuse = dead.SelectMany(p => p.Claimed.Select(c => c.Prefix))
            .Concat(deprecate.Select(d => d.Prefix))
            .Where(x => !own.Contains(x) && !live.Contains(x)).Distinct().ToList();
        return new PeerPlan(Sorted(forward, f => f.Prefix), Sorted(refuse, x => x), Sorted(deprecate, d => d.Prefix));
    }

    private static List<T> Sorted<T>(IEnumerable<T> items, Func<T, IPNetwork> key) =>
        [.. items.OrderBy(i => key(i).ToString(), StringComparer.Ordinal)];
}

using System.Net;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.Wire.Nd;

namespace DualHome.ControlPlane.Host;

/// <summary>One source-specific default route a host installs: packets from <paramref name="Prefix"/> go to
/// <paramref name="Router"/> (RFC 8028 §3).</summary>
public sealed record HostRoute(IPNetwork Prefix, IPAddress Router);

/// <summary>
/// Host mode (issue 11): the routers on the host's link and the prefixes each advertises, from their RAs. RFC 8028 §3:
/// a host should send a packet to a router that advertised its source prefix, since only that router's ISP accepts
/// it; <see cref="Routes"/> picks one per prefix. A router's latest RA says everything it advertises (a prefix missing
/// from it is no longer that router's), and a router whose lifetime ran out is not a default router (RFC 4861 §6.3.4).
/// Bounded: more routers than <see cref="MaxRouters"/> are ignored. Thread-safe.
/// </summary>
public sealed class HostRouterTable(TimeProvider time) : INdReceiver
{
    public const int MaxRouters = 8;
    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, Heard> _routers = [];

    private sealed record Heard(Wire.Nd.RouterAdvertisement Ra, DateTimeOffset At);

    /// <summary>Counts RAs refused by the ND checks (RFC 4861 §6.1.2) and other ICMPv6 it was handed.</summary>
    public NdCounters Counters { get; } = new();

    /// <summary>Raised after each valid RA is taken in (outside the lock).</summary>
    public event Action? Advertised;

    /// <summary>A datagram from the host's RA-only ICMPv6 socket. Never throws: bad packets are counted drops.</summary>
    public void OnReceived(ReadOnlySpan<byte> icmp, in NdReceiveContext context)
    {
        if (NdCodec.Read(icmp, context, out var message) is { } reason) { Counters.CountDrop(reason); return; }
        if (message is not Wire.Nd.RouterAdvertisement ra) return;
        OnAdvertisement(context.Source, ra);
        Advertised?.Invoke();
    }

    public void OnAdvertisement(IPAddress source, Wire.Nd.RouterAdvertisement ra)
    {
        source = source.ScopeId == 0 ? source : new IPAddress(source.GetAddressBytes());
        lock (_gate)
            if (_routers.ContainsKey(source) || _routers.Count < MaxRouters) _routers[source] = new Heard(ra, time.GetUtcNow());
    }

    /// <summary>Per prefix the hosts number themselves from (A set, valid lifetime left), the router to use: one whose
    /// lifetime has not run out, preferring one that still calls the prefix preferred (a router that deprecates it on
    /// another's behalf comes last), then the higher RA preference (RFC 4191 §2.2), then the lower address.</summary>
    public IReadOnlyList<HostRoute> Routes()
    {
        var now = time.GetUtcNow();
        lock (_gate)
            return [.. Candidates(now).GroupBy(c => c.Prefix)
                .Select(g => g.OrderByDescending(c => c.Preferred).ThenByDescending(c => Rank(c.Preference)).ThenBy(c => c.Router.ToString(), StringComparer.Ordinal).First())
                .Select(c => new HostRoute(c.Prefix, c.Router))
                .OrderBy(r => r.Prefix.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>Seconds of preferred lifetime the best router last gave <paramref name="prefix"/>, counted down; 0 when none.</summary>
    public uint PreferredLeft(IPNetwork prefix)
    {
        var now = time.GetUtcNow();
        lock (_gate)
            return _routers.Values.SelectMany(h => h.Ra.Prefixes.Where(p => p.Prefix == prefix).Select(p => HeardLifetime.Left(p.PreferredLifetime, h.At, now)))
                .DefaultIfEmpty(0u).Max();
    }

    private IEnumerable<(IPNetwork Prefix, IPAddress Router, bool Preferred, RouterPreference Preference)> Candidates(DateTimeOffset now) =>
        _routers.Where(r => HeardLifetime.Left(r.Value.Ra.RouterLifetime, r.Value.At, now) > 0)
            .SelectMany(r => r.Value.Ra.Prefixes.Where(p => p.Autonomous && HeardLifetime.Left(p.ValidLifetime, r.Value.At, now) > 0)
                .Select(p => (p.Prefix, r.Key, HeardLifetime.Left(p.PreferredLifetime, r.Value.At, now) > 0, r.Value.Ra.Preference)));

    private static int Rank(RouterPreference p) => p switch { RouterPreference.High => 2, RouterPreference.Low => 0, _ => 1 };
}

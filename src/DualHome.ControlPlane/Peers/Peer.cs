using System.Net;
using System.Net.NetworkInformation;

namespace DualHome.ControlPlane.Peers;

/// <summary>One prefix a peer exit router advertises, with the lifetimes it last gave and when (RFC 4861 §4.6.2).</summary>
public sealed record PeerPrefix(IPNetwork Prefix, uint ValidLifetime, uint PreferredLifetime, DateTimeOffset Heard)
{
    /// <summary>Seconds of valid lifetime left at <paramref name="now"/> (0xffffffff stays infinity).</summary>
    public uint ValidLeft(DateTimeOffset now) => Left(ValidLifetime, now);

    /// <summary>Seconds of preferred lifetime left at <paramref name="now"/>.</summary>
    public uint PreferredLeft(DateTimeOffset now) => Left(PreferredLifetime, now);

    private uint Left(uint lifetime, DateTimeOffset now)
    {
        if (lifetime == uint.MaxValue) return lifetime;
        double elapsed = Math.Floor((now - Heard).TotalSeconds);
        return elapsed >= lifetime ? 0 : (uint)(lifetime - elapsed);
    }
}

/// <summary>
/// Another exit router on the LAN (issue 10), as learnt from its Router Advertisements: its link-local address (the
/// RA's source, RFC 4861 §6.1.2), its MAC (the SLLA option, §4.6.1), its router lifetime and the prefixes it
/// advertises. <see cref="Alive"/> is false once it is known dead (its RAs stopped and neighbour unreachability
/// confirmed it, or it said router lifetime 0 and withdrew).
/// </summary>
public sealed record Peer(IPAddress LinkLocal, PhysicalAddress? Mac, ushort RouterLifetime, DateTimeOffset LastHeard,
    IReadOnlyList<PeerPrefix> Prefixes, bool Alive = true);

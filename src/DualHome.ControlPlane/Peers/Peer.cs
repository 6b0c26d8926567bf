using System.Net;
using System.Net.NetworkInformation;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.Wire.Peers;

namespace DualHome.ControlPlane.Peers;

/// <summary>One prefix a peer exit router advertises, with the lifetimes it last gave and when (RFC 4861 §4.6.2).</summary>
public sealed record PeerPrefix(IPNetwork Prefix, uint ValidLifetime, uint PreferredLifetime, DateTimeOffset Heard)
{
    /// <summary>Seconds of valid lifetime left at <paramref name="now"/> (0xffffffff stays infinity).</summary>
    public uint ValidLeft(DateTimeOffset now) => HeardLifetime.Left(ValidLifetime, Heard, now);

    /// <summary>Seconds of preferred lifetime left at <paramref name="now"/>.</summary>
    public uint PreferredLeft(DateTimeOffset now) => HeardLifetime.Left(PreferredLifetime, Heard, now);
}

/// <summary>
/// Another exit router on the LAN (issue 10), as learnt from its Router Advertisements: its link-local address (the
/// RA's source, RFC 4861 §6.1.2), its MAC (the SLLA option, §4.6.1), its router lifetime and the prefixes it
/// advertises. A DualHome peer also sends heartbeats (<see cref="Wire.Peers.PeerHeartbeat"/>): they say which
/// prefixes it forwards itself and through which of its addresses (<see cref="Claimed"/>), and their absence is how
/// its death is noticed (<see cref="Alive"/>) in a fraction of a second rather than after its router lifetime.
/// </summary>
public sealed record Peer(IPAddress LinkLocal, PhysicalAddress? Mac, ushort RouterLifetime, DateTimeOffset LastHeard,
    IReadOnlyList<PeerPrefix> Prefixes, bool Alive = true)
{
    /// <summary>From its heartbeats: the prefixes it forwards itself, with its own address in each.</summary>
    public IReadOnlyList<HeartbeatPrefix> Claimed { get; init; } = [];

    /// <summary>When its last heartbeat came; null for a router that sends none (only its RAs are known).</summary>
    public DateTimeOffset? LastBeat { get; init; }

    /// <summary>The heartbeat interval it announced.</summary>
    public TimeSpan BeatInterval { get; init; }

    /// <summary>True when its heartbeats stopped more than <paramref name="deadAfter"/> of its intervals ago.</summary>
    public bool Silent(DateTimeOffset now, int deadAfter) =>
        LastBeat is { } beat && now - beat > BeatInterval * deadAfter;
}

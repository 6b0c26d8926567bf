using System.Net;
using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>
/// A delegated prefix as the server last gave it (RFC 8415 §21.22): lifetimes in seconds (0xffffffff = infinity)
/// counted from when the Reply arrived. <see cref="ObtainedTimestamp"/> is a <see cref="TimeProvider"/> timestamp,
/// monotonic, so remaining lifetimes survive an NTP step of the wall clock; <see cref="Obtained"/> is for people.
/// </summary>
public sealed record Delegation(IPNetwork Prefix, uint PreferredLifetime, uint ValidLifetime, DateTimeOffset Obtained, long ObtainedTimestamp)
{
    /// <summary>Seconds of preferred lifetime left now (0xffffffff stays infinity), for RA PIOs (RFC 9096 §3:
    /// never advertise more than is left of the delegation).</summary>
    public uint PreferredRemaining(TimeProvider time) => Remaining(PreferredLifetime, time);

    /// <summary>Seconds of valid lifetime left now (0xffffffff stays infinity).</summary>
    public uint ValidRemaining(TimeProvider time) => Remaining(ValidLifetime, time);

    /// <summary>§14.2 / issue 8: a prefix is never used past its valid lifetime.</summary>
    public bool IsValid(TimeProvider time) => ValidRemaining(time) > 0;

    private uint Remaining(uint lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (lifetime == Dhcpv6Constants.Infinity)
            return lifetime;
        double elapsed = Math.Floor(time.GetElapsedTime(ObtainedTimestamp).TotalSeconds);
        return elapsed >= lifetime ? 0 : (uint)(lifetime - elapsed);
    }
}

/// <summary>What happened to the delegation an uplink uses.</summary>
public enum DelegationChangeKind
{
    /// <summary>A delegation where there was none.</summary>
    Acquired,
    /// <summary>The same prefix with new lifetimes (Renew/Rebind/Request answered).</summary>
    Renewed,
    /// <summary>A different prefix: renumber (the old one is deprecated by the router while it stays valid).</summary>
    Replaced,
    /// <summary>No delegation any more: expired, released, withdrawn by the server, or the client stopped.</summary>
    Lost,
}

/// <summary>Raised by <see cref="Dhcpv6Client.DelegationChanged"/>: the delegation before and after, and why.</summary>
public sealed record DelegationChange(Delegation? Old, Delegation? New, string Reason)
{
    public DelegationChangeKind Kind => (Old, New) switch
    {
        (null, _) => DelegationChangeKind.Acquired,
        (_, null) => DelegationChangeKind.Lost,
        _ when Old.Prefix == New.Prefix => DelegationChangeKind.Renewed,
        _ => DelegationChangeKind.Replaced,
    };
}

/// <summary>One state change of the client, as logged.</summary>
public sealed record Dhcpv6Transition(Dhcpv6ClientState From, Dhcpv6ClientState To, string Reason, DateTimeOffset At);

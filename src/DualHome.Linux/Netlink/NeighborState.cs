namespace DualHome.Linux.Netlink;

/// <summary>
/// ndm_state: the NUD_* states of a neighbour cache entry (linux/neighbour.h; RFC 4861 §7.3.2 names the IPv6 ones).
/// The kernel reports exactly one bit; <see cref="None"/> is an entry being created or torn down.
/// </summary>
[Flags]
public enum NeighborState : ushort
{
    None = 0x00,
    /// <summary>Address resolution in progress: solicitations sent, no answer yet.</summary>
    Incomplete = 0x01,
    /// <summary>Confirmed reachable within the last ReachableTime (RFC 4861 §7.3.2).</summary>
    Reachable = 0x02,
    /// <summary>Not confirmed lately; still used, verified when traffic is sent.</summary>
    Stale = 0x04,
    /// <summary>Waiting briefly for upper-layer confirmation before probing.</summary>
    Delay = 0x08,
    /// <summary>Unicast solicitations being sent to confirm reachability.</summary>
    Probe = 0x10,
    /// <summary>Resolution or probing gave up: the neighbour did not answer.</summary>
    Failed = 0x20,
    /// <summary>No resolution needed (multicast, point-to-point).</summary>
    NoArp = 0x40,
    /// <summary>Static entry (<c>ip neigh add … nud permanent</c>).</summary>
    Permanent = 0x80,
}

using System.Net;
using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>One delegated prefix as last confirmed by a Reply (§21.22), with when that Reply arrived.</summary>
internal sealed record Lease(IPNetwork Prefix, uint Preferred, uint Valid, Moment Obtained)
{
    public TimeSpan ValidEnd => Obtained.After(Valid);

    public Delegation ToDelegation() => new(Prefix, Preferred, Valid, Obtained.Utc, Obtained.Timestamp);
}

/// <summary>
/// The client's IA_PD binding (§12, §18.2.10.1): the server that last answered, the leases (prefixes) and the T1/T2
/// deadlines. Pure data with the RFC's update rules; the client decides what the state machine does with them.
/// </summary>
internal sealed class Binding(Duid server)
{
    public Duid Server { get; private set; } = server;
    public List<Lease> Leases { get; } = [];
    public TimeSpan T1At { get; private set; } = Moment.Never;
    public TimeSpan T2At { get; private set; } = Moment.Never;

    public bool IsEmpty => Leases.Count == 0;
    public TimeSpan NextExpiry => Leases.Count == 0 ? Moment.Never : Leases.Min(l => l.ValidEnd);
    /// <summary>§18.2.5: Rebind's MRD runs until "the valid lifetimes of all leases ... have expired".</summary>
    public TimeSpan LastExpiry => Leases.Count == 0 ? Moment.Never : Leases.Max(l => l.ValidEnd);

    /// <summary>The prefixes for a client message: §21.22 "the preferred-lifetime and valid-lifetime fields SHOULD be set to 0".</summary>
    public IReadOnlyList<IaPrefix> ForClientMessage() => [.. Leases.Select(l => new IaPrefix(l.Prefix, 0, 0))];

    /// <summary>
    /// §18.2.10.1, "otherwise accepts the information in the IA": adds new prefixes, updates the lifetimes of known
    /// ones, "discards any leases ... that have a valid lifetime of 0", and "leaves unchanged any information about
    /// leases the client has recorded in the IA but that were not included in the IA from the server". Prefixes with
    /// an error status of their own are skipped. Then T1/T2 from the IA (§14.2 defaults when 0).
    /// Returns the prefixes this Reply gave a nonzero valid lifetime, in Reply order.
    /// </summary>
    public IReadOnlyList<IPNetwork> Apply(IaPd ia, Duid server, Moment now)
    {
        Server = server;
        var granted = new List<IPNetwork>();
        foreach (IaPrefix prefix in ia.Prefixes.Where(p => p.Status is null || p.Status.IsSuccess))
        {
            Leases.RemoveAll(l => l.Prefix == prefix.Prefix);
            if (prefix.ValidLifetime == 0)
                continue;
            Leases.Add(new Lease(prefix.Prefix, prefix.PreferredLifetime, prefix.ValidLifetime, now));
            granted.Add(prefix.Prefix);
        }
        SetTimers(ia, now);
        return granted;
    }

    /// <summary>Removes the leases whose valid lifetime has ended; returns them.</summary>
    public IReadOnlyList<Lease> RemoveExpired(TimeSpan now)
    {
        var expired = Leases.Where(l => l.ValidEnd <= now).ToList();
        Leases.RemoveAll(expired.Contains);
        return expired;
    }

    /// <summary>§21.21 T1/T2 "relative to the current time"; §14.2: when the server sends 0 the client uses .5 and .8
    /// of the shortest preferred lifetime. A deprecated prefix (preferred 0) contributes its valid lifetime instead,
    /// so a Reply holding only deprecated prefixes does not start a Renew storm. T1 never exceeds T2.</summary>
    private void SetTimers(IaPd ia, Moment now)
    {
        double shortest = ShortestLifetime();
        T1At = ia.T1 != 0 ? now.After(ia.T1) : now.After(shortest * Dhcpv6Timing.DefaultT1Fraction);
        T2At = ia.T2 != 0 ? now.After(ia.T2) : now.After(shortest * Dhcpv6Timing.DefaultT2Fraction);
        if (T1At > T2At)
            T1At = T2At;
    }

    private double ShortestLifetime()
    {
        double shortest = double.PositiveInfinity;
        foreach (Lease lease in Leases)
        {
            uint lifetime = lease.Preferred != 0 ? lease.Preferred : lease.Valid;
            if (lifetime != Dhcpv6Constants.Infinity)
                shortest = Math.Min(shortest, lifetime);
        }
        return shortest;
    }
}

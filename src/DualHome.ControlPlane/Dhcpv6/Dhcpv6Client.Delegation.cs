using System.Net;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>Which leased prefix numbers the LAN, and the <see cref="DelegationChanged"/> event.</summary>
public sealed partial class Dhcpv6Client
{
    /// <summary>
    /// Picks the delegation the LAN uses and raises <see cref="DelegationChanged"/> when it differs. The current prefix
    /// stays while the server keeps granting it; a Reply that grants other prefixes but not it switches to the one
    /// granted the longest (renumbering); with nothing granted, the current one stays while it lives, else the
    /// longest-lived lease. Only prefixes of /64 or shorter can number a LAN.
    /// </summary>
    private void UpdateDelegation(string reason, IReadOnlyList<IPNetwork>? granted = null)
    {
        Lease? chosen = ChooseLease(granted);
        Delegation? next = chosen?.ToDelegation();
        Delegation? old = Delegation;
        if (Equals(next, old))
            return;
        Delegation = next;
        var change = new DelegationChange(old, next, reason);
        Dhcpv6Log.DelegationChanged(_log, _options.Uplink, change.Kind, Describe(old), Describe(next), reason);
        _events.Enqueue(() => DelegationChanged?.Invoke(change));
    }

    private Lease? ChooseLease(IReadOnlyList<IPNetwork>? granted)
    {
        if (_binding is null)
            return null;
        var usable = _binding.Leases.Where(l => l.Prefix.PrefixLength <= LanSubnet.Length).ToList();
        Lease? current = Delegation is { } d ? usable.Find(l => l.Prefix == d.Prefix) : null;
        var fresh = usable.Where(l => granted?.Contains(l.Prefix) == true).ToList();
        if (fresh.Count > 0)
            return current is not null && fresh.Contains(current) ? current : Longest(fresh);
        return current ?? Longest(usable);
    }

    private static Lease? Longest(List<Lease> leases) =>
        leases.Count == 0 ? null : leases.Aggregate((best, l) => l.ValidEnd > best.ValidEnd ? l : best);

    private static string Describe(Delegation? d) =>
        d is null ? "none" : $"{d.Prefix} (preferred {d.PreferredLifetime} s, valid {d.ValidLifetime} s)";
}

using System.Net;
using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Routing;

/// <summary>
/// Kernel data-plane mode: while an uplink is down, packets from the LAN whose source is in its prefix are refused
/// with ICMPv6 Destination Unreachable instead of being sent to an ISP that drops them in silence — RFC 7084 §4.3 L-14
/// ("SHOULD send an ICMPv6 Destination Unreachable … code 5"), as packet mode does. A policy rule
/// <c>iif LAN from PREFIX prohibit</c> before the prefix's own rule: Linux answers a prohibit rule with code 1
/// (administratively prohibited), of which code 5 is the finer-grained form (RFC 4443 §3.1); a host's TCP treats both
/// as a hard error for a new connection (EACCES), so applications retry from their other address at once, and an MPTCP
/// host gives up the subflow. The router's own probes (not from the LAN) still reach the ISP, so it can come back.
/// An uplink forced down by the button (standby) keeps forwarding: its ISP works.
/// </summary>
public sealed class DeadUplinkRefusals(INetworkSystem net, string lan, IReadOnlyDictionary<string, IPNetwork> prefixes, ILogger log) : IDisposable
{
    /// <summary>Before the own prefixes' lookup rules (<see cref="SiteSetup.FirstRulePriority"/>).</summary>
    public const uint Priority = SiteSetup.FirstRulePriority - 10;
    private readonly Lock _gate = new();
    private readonly HashSet<IPNetwork> _installed = [];
    private bool _disposed;

    public void OnChanged(UplinkChange change)
    {
        if (!prefixes.TryGetValue(change.Uplink, out var prefix)) return;
        lock (_gate)
        {
            if (_disposed) return; // the router is stopping: nothing new is installed
            if (change.NewState == UplinkState.Down) Set(prefix, refuse: true);
            else if (change.OldState == UplinkState.Down) Set(prefix, refuse: false);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var prefix in _installed.ToList()) Set(prefix, refuse: false);
        }
    }

    private void Set(IPNetwork prefix, bool refuse)
    {
        if (_installed.Contains(prefix) == refuse) return;
        var rule = new IngressRule(lan, prefix, Priority, Refuse: true);
        try
        {
            if (refuse) net.AddIngressRule(rule); else net.DeleteIngressRule(rule);
            if (refuse) { _installed.Add(prefix); RoutingLog.Applied(log, rule.ToString()); }
            else { _installed.Remove(prefix); RoutingLog.Reverted(log, rule.ToString()); }
        }
        catch (IOException e)
        {
            RoutingLog.ChangeFailed(log, e, rule.ToString());
        }
    }
}

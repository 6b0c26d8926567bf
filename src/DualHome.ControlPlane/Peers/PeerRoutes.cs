using System.Net;
using DualHome.ControlPlane.Routing;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Peers;

/// <summary>
/// Kernel data-plane mode (issue 10): keeps the kernel's routes and LAN ingress rules for peers' prefixes equal to the
/// latest <see cref="PeerPlan"/>. A live peer's prefix: <c>default from P via PEER-ADDRESS dev LAN onlink</c>. The next
/// hop is the peer's global address in P, not its link-local one, on purpose: a Redirect's target must be a router's
/// link-local address (RFC 4861 §4.5, §8.2), so Linux sends none for a route through a global one (ndisc_send_redirect:
/// "target address is not link-local unicast"), and the hosts are never told to use the peer for a destination, which
/// would pin it there for every source. A dead peer's prefix: <c>prohibit default from P</c>, so the kernel answers
/// ICMPv6 Destination Unreachable code 1 (Linux has no route type for code 5, its "finer-grained" form, RFC 4443 §3.1;
/// hosts treat both alike: Linux maps both to EACCES, a hard error). Both need an ingress rule for P, or the BCP 38
/// blackhole rule (<see cref="SiteSetup"/>) would drop P's packets first, and an on-link route for P (the peer
/// advertises it on this link with L set, RFC 4861 §6.3.4), or the kernel's ICMPv6 errors to P's hosts find no route. A packet from a peer never comes back: a peer
/// forwards its own prefixes itself, and a prefix this router claims is never routed to a peer (<see cref="PeerPlan"/>).
/// </summary>
public sealed class PeerRoutes(INetworkSystem net, string lan, ILogger log) : IDisposable
{
    /// <summary>After the own prefixes' rules, before the blackhole (<see cref="SiteSetup.FirstRulePriority"/> + 100).</summary>
    public const uint RulePriority = SiteSetup.FirstRulePriority + 50;
    private readonly Lock _gate = new();
    private readonly HashSet<PeerRoute> _forward = [];
    private readonly HashSet<IPNetwork> _refuse = [];
    private readonly HashSet<IPNetwork> _rules = [];

    /// <summary>Installs what <paramref name="plan"/> adds and removes what it no longer has. A failed step is logged
    /// and not remembered, so the next plan tries it again.</summary>
    public void Apply(PeerPlan plan)
    {
        lock (_gate)
        {
            var rules = plan.Forward.Select(f => f.Prefix).Concat(plan.Refuse).ToHashSet();
            foreach (var p in rules.Except(_rules).ToList()) Try($"rule iif {lan} from {p}, {p} dev {lan}", () => AddOnLink(p), () => _rules.Add(p));
            // Delete before add: a prohibit and a unicast route for the same source are the same kernel key.
            foreach (var r in _forward.Except(plan.Forward).ToList()) Try(Describe(r), () => net.DeletePeerRoute(r.Prefix, r.Via, lan), () => _forward.Remove(r), removing: true);
            foreach (var p in _refuse.Except(plan.Refuse).ToList()) Try($"prohibit default from {p}", () => net.DeleteRefusal(p), () => _refuse.Remove(p), removing: true);
            foreach (var r in plan.Forward.Except(_forward).ToList()) Try(Describe(r), () => net.AddPeerRoute(r.Prefix, r.Via, lan), () => _forward.Add(r));
            foreach (var p in plan.Refuse.Except(_refuse).ToList()) Try($"prohibit default from {p}", () => net.AddRefusal(p), () => _refuse.Add(p));
            foreach (var p in _rules.Except(rules).ToList()) Try($"rule iif {lan} from {p}, {p} dev {lan}", () => RemoveOnLink(p), () => _rules.Remove(p), removing: true);
        }
    }

    /// <summary>Removes everything it installed (the router stops).</summary>
    public void Dispose() => Apply(PeerPlan.None);

    private IngressRule Rule(IPNetwork prefix) => new(lan, prefix, RulePriority);

    /// <summary>The ingress rule, and the on-link route without which the kernel has no route back to the peer's hosts
    /// (its other routes are all "from" one prefix) and drops its own ICMPv6 errors to them.</summary>
    private void AddOnLink(IPNetwork prefix)
    {
        net.AddIngressRule(Rule(prefix));
        net.AddOnLinkRoute(prefix, lan);
    }

    private void RemoveOnLink(IPNetwork prefix)
    {
        net.DeleteOnLinkRoute(prefix, lan);
        net.DeleteIngressRule(Rule(prefix));
    }

    private string Describe(PeerRoute r) => $"default from {r.Prefix} via {r.Via} dev {lan} onlink";

    private void Try(string what, Action change, Action remember, bool removing = false)
    {
        try
        {
            change();
            remember();
            if (removing) RoutingLog.Reverted(log, what); else RoutingLog.Applied(log, what);
        }
        catch (IOException e)
        {
            RoutingLog.ChangeFailed(log, e, what);
        }
    }
}

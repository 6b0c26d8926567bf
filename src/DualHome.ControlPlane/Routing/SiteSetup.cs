using System.Net;
using DualHome.Config;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Routing;

/// <summary>Puts the kernel in the state the router needs (kernel data-plane mode) and remembers how to undo
/// each step, so a clean stop leaves the system as it found it.</summary>
/// <remarks>Exit by source: one source-specific default route per uplink (RFC 8678 §4, "source address dependent
/// routing"). BCP 38 (RFC 2827): packets from the LAN whose source is in no site prefix are dropped by a policy
/// rule before any route lookup. A blackhole, not "unreachable": the kernel would source that ICMPv6 error from a
/// site prefix and the source route would carry it out to an ISP, towards the spoofed address.</remarks>
public sealed class SiteSetup(INetworkSystem net, ILogger log)
{
    private readonly Stack<(string What, Action Undo)> _undo = new();

    /// <summary>Applies the LAN setup (failure is fatal: thrown) and each uplink's route (failure marks only that
    /// uplink unusable). Returns the names of the uplinks whose routes are installed.</summary>
    public IReadOnlySet<string> Apply(SiteConfig config)
    {
        var lan = config.Lan.Interface;
        // RFC 4861 §6.2.2: a router's advertising interface does not autoconfigure from others' RAs.
        SetSysctl($"net/ipv6/conf/{lan}/accept_ra", "0");
        SetForwarding(config);
        foreach (var (u, prefix) in Numbered(config))
            Step($"{RouterAddress(prefix)}/64 on {lan}",
                () => net.AddAddress(lan, RouterAddress(prefix), 64),
                () => net.DeleteAddress(lan, RouterAddress(prefix), 64));
        var installed = new HashSet<string>();
        foreach (var (u, prefix) in Numbered(config))
            if (TryInstallRoute(u, prefix)) installed.Add(u.Name);
        foreach (var u in config.Uplinks.Where(u => u.LanPrefix is null))
            RoutingLog.NoPrefix(log, u.Name);
        foreach (var u in config.Uplinks.Where(u => u.LanPrefix is not null && u.Gateway is null))
            RoutingLog.NoGateway(log, u.Name, u.Interface);
        InstallIngressRules(config);
        return installed;
    }

    /// <summary>Undoes every applied step, newest first; a failing step is logged and the rest still undone.</summary>
    public void Revert()
    {
        while (_undo.TryPop(out var step))
        {
            try { step.Undo(); RoutingLog.Reverted(log, step.What); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                RoutingLog.RevertFailed(log, e, step.What);
            }
        }
    }

    /// <summary>The router's own address in each LAN prefix: prefix::1.</summary>
    public static IPAddress RouterAddress(IPNetwork prefix)
    {
        var bytes = prefix.BaseAddress.GetAddressBytes();
        bytes[15] = 1;
        return new IPAddress(bytes);
    }

    /// <summary>The uplinks usable now: with a LAN prefix and a gateway (a delegated prefix or a learnt gateway may not
    /// be there yet: issue 8 counts the uplink down).</summary>
    public static IEnumerable<(UplinkConfig Uplink, IPNetwork Prefix)> Numbered(SiteConfig config) =>
        config.Uplinks.Where(u => u.LanPrefix is not null && u.Gateway is not null).Select(u => (u, u.LanPrefix!.Value));

    private bool TryInstallRoute(UplinkConfig u, IPNetwork prefix)
    {
        var gateway = u.Gateway!;
        string what = $"default from {prefix} via {gateway} dev {u.Interface}";
        try
        {
            Step(what, () => net.AddSourceRoute(prefix, gateway, u.Interface),
                () => net.DeleteSourceRoute(prefix, gateway, u.Interface));
            return true;
        }
        catch (IOException e)
        {
            RoutingLog.UplinkFailed(log, e, what, u.Name);
            return false;
        }
    }

    /// <summary>Rule priorities: after the kernel's "lookup local" (0), before "lookup main" (32766).</summary>
    public const uint FirstRulePriority = 1000;

    private void InstallIngressRules(SiteConfig config)
    {
        var lan = config.Lan.Interface;
        uint priority = FirstRulePriority;
        foreach (var (_, prefix) in Numbered(config))
            AddRule(new IngressRule(lan, prefix, priority++));
        AddRule(new IngressRule(lan, null, FirstRulePriority + 100));
    }

    private void AddRule(IngressRule rule) =>
        Step(rule.ToString(), () => net.AddIngressRule(rule), () => net.DeleteIngressRule(rule));

    /// <summary>Kernel mode: the kernel forwards. Packet mode: the daemon does, and the kernel must not forward a second
    /// copy. In IPv6 only conf/all/forwarding switches forwarding (ip6_forward); the per-interface value selects router
    /// behaviour — the Router flag in Neighbor Advertisements (RFC 4861 §7.2.4; a host seeing it cleared drops the
    /// router from its default router list, §7.2.5), the all-routers group, no SLAAC from others' RAs — so it stays on
    /// for the owned interfaces. Writing "all" resets every interface, hence this order.</summary>
    private void SetForwarding(SiteConfig config)
    {
        if (!config.DataPlane.IsPacket)
        {
            SetSysctl("net/ipv6/conf/all/forwarding", "1");
            return;
        }
        SetSysctl("net/ipv6/conf/all/forwarding", "0");
        foreach (var name in config.Uplinks.Select(u => u.Interface).Prepend(config.Lan.Interface))
            SetSysctl($"net/ipv6/conf/{name}/forwarding", "1");
    }

    private void SetSysctl(string path, string value)
    {
        string previous = net.ReadSysctl(path);
        if (previous == value) return;
        Step($"{path} = {value}", () => net.WriteSysctl(path, value), () => net.WriteSysctl(path, previous));
    }

    private void Step(string what, Action apply, Action undo)
    {
        apply();
        _undo.Push((what, undo));
        RoutingLog.Applied(log, what);
    }
}

using System.Net;
using DualHome.ControlPlane.Routing;
using DualHome.Linux;
using DualHome.Linux.Netlink;

namespace DualHome.Daemon.Platform;

/// <summary><see cref="INetworkSystem"/> on Linux: rtnetlink for addresses and routes, /proc/sys for sysctls.</summary>
public sealed class LinuxNetworkSystem : INetworkSystem
{
    public string ReadSysctl(string path) => Sysctl.Read(Path.Combine(Sysctl.Root, path));

    public void WriteSysctl(string path, string value) => Sysctl.Write(Path.Combine(Sysctl.Root, path), value);

    /// <summary>No DAD for the router's own ::1 (IFA_F_NODAD): the address is configured by the operator, and a
    /// tentative address would hold the RA source and the on-link route back for a second.</summary>
    public void AddAddress(string interfaceName, IPAddress address, int prefixLength)
    {
        using var nl = Rtnetlink.Open();
        nl.AddAddress(Index(nl, interfaceName), address, prefixLength, AddressFlags.NoDad, ignoreExisting: true);
    }

    public void DeleteAddress(string interfaceName, IPAddress address, int prefixLength)
    {
        using var nl = Rtnetlink.Open();
        nl.DeleteAddress(Index(nl, interfaceName), address, prefixLength, ignoreMissing: true);
    }

    public void AddSourceRoute(IPNetwork source, IPAddress gateway, string interfaceName)
    {
        using var nl = Rtnetlink.Open();
        nl.AddRoute(Route(nl, source, gateway, interfaceName), ignoreExisting: true);
    }

    public void DeleteSourceRoute(IPNetwork source, IPAddress gateway, string interfaceName)
    {
        using var nl = Rtnetlink.Open();
        nl.DeleteRoute(Route(nl, source, gateway, interfaceName), ignoreMissing: true);
    }

    public void AddPeerRoute(IPNetwork source, IPAddress via, string interfaceName)
    {
        using var nl = Rtnetlink.Open();
        nl.AddRoute(Route(nl, source, via, interfaceName) with { OnLink = true }, ignoreExisting: true);
    }

    public void DeletePeerRoute(IPNetwork source, IPAddress via, string interfaceName)
    {
        using var nl = Rtnetlink.Open();
        nl.DeleteRoute(Route(nl, source, via, interfaceName), ignoreMissing: true);
    }

    public void AddOnLinkRoute(IPNetwork prefix, string interfaceName)
    {
        using var nl = Rtnetlink.Open();
        nl.AddRoute(new Ipv6Route(prefix) { OutputInterfaceIndex = Index(nl, interfaceName) }, ignoreExisting: true);
    }

    public void DeleteOnLinkRoute(IPNetwork prefix, string interfaceName)
    {
        using var nl = Rtnetlink.Open();
        nl.DeleteRoute(new Ipv6Route(prefix) { OutputInterfaceIndex = Index(nl, interfaceName) }, ignoreMissing: true);
    }

    public void AddRefusal(IPNetwork source)
    {
        using var nl = Rtnetlink.Open();
        nl.AddRoute(Refusal(source), ignoreExisting: true);
    }

    public void DeleteRefusal(IPNetwork source)
    {
        using var nl = Rtnetlink.Open();
        nl.DeleteRoute(Refusal(source), ignoreMissing: true);
    }

    private static Ipv6Route Refusal(IPNetwork source) =>
        new(Ipv6Route.DefaultDestination) { Source = source, Type = RouteType.Prohibit };

    public void AddIngressRule(IngressRule rule)
    {
        using var nl = Rtnetlink.Open();
        nl.AddRule(Rule(rule), ignoreExisting: true);
    }

    public void DeleteIngressRule(IngressRule rule)
    {
        using var nl = Rtnetlink.Open();
        nl.DeleteRule(Rule(rule), ignoreMissing: true);
    }

    private static Ipv6Rule Rule(IngressRule r) => r.Source switch
    {
        null => new Ipv6Rule(r.Priority) { IncomingInterface = r.Interface, Action = RuleAction.Blackhole },
        { } source when r.Refuse => new Ipv6Rule(r.Priority) { IncomingInterface = r.Interface, Source = source, Action = RuleAction.Prohibit },
        { } source => new Ipv6Rule(r.Priority) { IncomingInterface = r.Interface, Source = source, Table = RouteTables.Main },
    };

    private static Ipv6Route Route(Rtnetlink nl, IPNetwork source, IPAddress gateway, string interfaceName) =>
        new(Ipv6Route.DefaultDestination)
        {
            Source = source,
            Gateway = gateway,
            OutputInterfaceIndex = Index(nl, interfaceName),
        };

    private static int Index(Rtnetlink nl, string interfaceName) => nl.GetLink(interfaceName).Index;
}

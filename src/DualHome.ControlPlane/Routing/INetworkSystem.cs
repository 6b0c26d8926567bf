using System.Net;

namespace DualHome.ControlPlane.Routing;

/// <summary>The kernel's network configuration, as far as the router changes it. Linux: rtnetlink and
/// /proc/sys; tests: a recording fake.</summary>
public interface INetworkSystem
{
    /// <summary>Path relative to /proc/sys, e.g. "net/ipv6/conf/lan0/accept_ra".</summary>
    string ReadSysctl(string path);
    void WriteSysctl(string path, string value);
    void AddAddress(string interfaceName, IPAddress address, int prefixLength);
    void DeleteAddress(string interfaceName, IPAddress address, int prefixLength);
    /// <summary>`ip -6 route add default from SOURCE via GATEWAY dev INTERFACE`.</summary>
    void AddSourceRoute(IPNetwork source, IPAddress gateway, string interfaceName);
    void DeleteSourceRoute(IPNetwork source, IPAddress gateway, string interfaceName);
    /// <summary>`ip -6 route add default from SOURCE via ADDRESS dev INTERFACE onlink`: to a peer exit router through its
    /// global address in that prefix (issue 10; onlink, the prefix is not on this router's link).</summary>
    void AddPeerRoute(IPNetwork source, IPAddress via, string interfaceName);
    void DeletePeerRoute(IPNetwork source, IPAddress via, string interfaceName);
    /// <summary>`ip -6 route add PREFIX dev INTERFACE`: a peer's prefix is on the LAN's link (it advertises it with L set),
    /// so this router reaches those hosts directly, e.g. with an ICMPv6 error about their packets.</summary>
    void AddOnLinkRoute(IPNetwork prefix, string interfaceName);
    void DeleteOnLinkRoute(IPNetwork prefix, string interfaceName);
    /// <summary>`ip -6 route add prohibit default from SOURCE`: the kernel answers ICMPv6 Destination Unreachable.</summary>
    void AddRefusal(IPNetwork source);
    void DeleteRefusal(IPNetwork source);
    /// <summary>`ip -6 rule add iif IF from SOURCE lookup main pref P`, or with no source `iif IF blackhole pref P`.</summary>
    void AddIngressRule(IngressRule rule);
    void DeleteIngressRule(IngressRule rule);
}

/// <summary>A policy rule for packets arriving on the LAN: a site prefix is routed (main table); with
/// <see cref="Source"/> null, everything else is dropped silently; with <see cref="Refuse"/>, packets from the prefix are
/// answered with ICMPv6 Destination Unreachable (its uplink is dead).</summary>
public sealed record IngressRule(string Interface, IPNetwork? Source, uint Priority, bool Refuse = false)
{
    public override string ToString() =>
        Source is not { } s ? $"rule iif {Interface} blackhole pref {Priority}"
        : Refuse ? $"rule iif {Interface} from {s} prohibit pref {Priority}"
        : $"rule iif {Interface} from {s} lookup main pref {Priority}";
}

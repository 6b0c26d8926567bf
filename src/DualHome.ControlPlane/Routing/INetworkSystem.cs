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
}

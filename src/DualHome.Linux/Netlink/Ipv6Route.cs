using System.Net;
using System.Net.Sockets;

namespace DualHome.Linux.Netlink;

/// <summary>
/// One IPv6 route as the kernel keys it: destination, optional source prefix (a source-specific route,
/// CONFIG_IPV6_SUBTREES: <c>ip -6 route add default from 2001:db8:a:1::/64 via fe80::1 dev wana</c>),
/// metric and table. A delete matches on the same fields, plus protocol, so it removes only our route.
/// </summary>
/// <param name="Destination">The destination prefix; <c>::/0</c> for a default route.</param>
public sealed record Ipv6Route(IPNetwork Destination)
{
    /// <summary>RTA_SRC + rtm_src_len: only packets from this prefix use the route.</summary>
    public IPNetwork? Source { get; init; }

    /// <summary>RTA_GATEWAY: the next hop, usually the ISP's link-local address (needs an output interface).</summary>
    public IPAddress? Gateway { get; init; }

    /// <summary>RTA_OIF: the output interface index, 0 for none.</summary>
    public int OutputInterfaceIndex { get; init; }

    /// <summary>RTA_PRIORITY: the metric, lower wins; null lets the kernel use 1024 (IP6_RT_PRIO_USER).</summary>
    public uint? Metric { get; init; }

    /// <summary>The routing table; ids above 255 go in RTA_TABLE.</summary>
    public uint Table { get; init; } = RouteTables.Main;

    /// <summary>rtm_protocol; <see cref="RouteProtocols.DualHome"/> marks our routes.</summary>
    public byte Protocol { get; init; } = RouteProtocols.DualHome;

    public RouteType Type { get; init; } = RouteType.Unicast;

    /// <summary>RTNH_F_ONLINK in rtm_flags: the gateway is on the output interface's link even though no prefix
    /// there covers it (<c>ip route add … onlink</c>).</summary>
    public bool OnLink { get; init; }

    /// <summary>The default route <c>::/0</c>.</summary>
    public static IPNetwork DefaultDestination { get; } = new(IPAddress.IPv6Any, 0);

    /// <summary>Throws <see cref="ArgumentException"/> for combinations the kernel would reject or misread.</summary>
    public void Validate()
    {
        RequireIpv6(Destination.BaseAddress, nameof(Destination));
        if (Source is { } source)
        {
            RequireIpv6(source.BaseAddress, nameof(Source));
        }

        if (Gateway is { } gateway)
        {
            RequireIpv6(gateway, nameof(Gateway));
            if (Type != RouteType.Unicast)
            {
                throw new ArgumentException($"a {Type} route has no gateway", nameof(Gateway));
            }
        }

        if (OutputInterfaceIndex < 0)
        {
            throw new ArgumentException("interface index must not be negative", nameof(OutputInterfaceIndex));
        }
    }

    private static void RequireIpv6(IPAddress address, string name)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"{address} is not an IPv6 address", name);
        }
    }
}

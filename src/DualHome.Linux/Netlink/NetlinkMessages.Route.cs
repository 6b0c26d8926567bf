using System.Net;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>RTM_NEWROUTE / RTM_DELROUTE with struct rtmsg (rtnetlink(7)).</summary>
public static partial class NetlinkMessages
{
    /// <summary>
    /// RTM_NEWROUTE. <paramref name="replace"/> false: NLM_F_CREATE|NLM_F_EXCL (EEXIST if the route exists,
    /// like <c>ip route add</c>); true: NLM_F_CREATE|NLM_F_REPLACE (like <c>ip route replace</c>).
    /// </summary>
    public static byte[] BuildNewRoute(Ipv6Route route, uint sequence, bool replace = false)
    {
        var flags = (ushort)(NewFlags | (replace ? NetlinkConstants.NLM_F_REPLACE : NetlinkConstants.NLM_F_EXCL));
        return BuildRoute(RTM_NEWROUTE, flags, route, (byte)route.Type, sequence);
    }

    /// <summary>
    /// RTM_DELROUTE. A unicast delete sends rtm_type RTN_UNSPEC as iproute2 does; the kernel matches
    /// destination, source, table and, when given, gateway, interface, metric and protocol.
    /// </summary>
    public static byte[] BuildDeleteRoute(Ipv6Route route, uint sequence)
    {
        var type = route.Type == RouteType.Unicast ? RTN_UNSPEC : (byte)route.Type;
        return BuildRoute(RTM_DELROUTE, DeleteFlags, route, type, sequence);
    }

    /// <summary>RTM_GETROUTE dump of every IPv6 route in every table (like <c>ip -6 route show table all</c>).</summary>
    public static byte[] BuildGetRoutes(uint sequence)
    {
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(RTM_GETROUTE, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence);
        writer.Reserve(RtMsgSize)[0] = AF_INET6;
        return writer.ToArray();
    }

    private static byte[] BuildRoute(ushort messageType, ushort flags, Ipv6Route route, byte routeType, uint sequence)
    {
        route.Validate();
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(messageType, flags, sequence);
        WriteRtMsg(writer.Reserve(RtMsgSize), route, routeType);
        WriteRouteAttributes(ref writer, route);
        return writer.ToArray();
    }

    /// <summary>struct rtmsg. Tables above 255 do not fit rtm_table: it says RT_TABLE_UNSPEC and RTA_TABLE carries the id.</summary>
    private static void WriteRtMsg(Span<byte> rtmsg, Ipv6Route route, byte routeType)
    {
        rtmsg[0] = AF_INET6;
        rtmsg[1] = (byte)route.Destination.PrefixLength;
        rtmsg[2] = (byte)(route.Source?.PrefixLength ?? 0);
        rtmsg[3] = 0; // rtm_tos: unused for IPv6
        rtmsg[4] = route.Table <= byte.MaxValue ? (byte)route.Table : RT_TABLE_UNSPEC;
        rtmsg[5] = route.Protocol;
        rtmsg[6] = RT_SCOPE_UNIVERSE; // iproute2 sends universe for every IPv6 route
        rtmsg[7] = routeType;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(rtmsg[8..], route.OnLink ? RTNH_F_ONLINK : 0u); // rtm_flags, host order
    }

    /// <summary>Attribute order as iproute2 emits it: DST, SRC, GATEWAY, TABLE, PRIORITY, OIF.</summary>
    private static void WriteRouteAttributes(ref NetlinkWriter writer, Ipv6Route route)
    {
        writer.WriteAddress(RTA_DST, route.Destination.BaseAddress); // iproute2 sends it even for ::/0
        if (route.Source is { } source)
        {
            writer.WriteAddress(RTA_SRC, source.BaseAddress);
        }

        if (route.Gateway is { } gateway)
        {
            writer.WriteAddress(RTA_GATEWAY, gateway); // bytes only: a scope id is expressed by RTA_OIF
        }

        if (route.Table > byte.MaxValue)
        {
            writer.WriteUInt32(RTA_TABLE, route.Table);
        }

        if (route.Metric is { } metric)
        {
            writer.WriteUInt32(RTA_PRIORITY, metric);
        }

        if (route.OutputInterfaceIndex > 0)
        {
            writer.WriteUInt32(RTA_OIF, (uint)route.OutputInterfaceIndex);
        }
    }
}

using System.Buffers.Binary;
using System.Net;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>
/// Turns an RTM_NEWROUTE payload (struct rtmsg + RTA_* attributes) into an <see cref="Ipv6Route"/>, the
/// inverse of <see cref="NetlinkMessages.BuildNewRoute"/>: a dumped route equals the one that was added.
/// Gateways carry no scope id (the interface is <see cref="Ipv6Route.OutputInterfaceIndex"/>); multipath
/// routes (RTA_MULTIPATH) come back without a gateway.
/// </summary>
internal static class RouteParser
{
    /// <summary>False for non-IPv6 routes and for types DualHome does not install (local, multicast …).</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out Ipv6Route? route)
    {
        route = null;
        if (payload.Length < RtMsgSize || payload[0] != AF_INET6 || !Enum.IsDefined((RouteType)payload[7]))
        {
            return false;
        }

        var fields = new Fields { Table = payload[4] };
        var offset = 0;
        while (NetlinkReader.TryReadAttribute(payload[RtMsgSize..], ref offset, out var type, out var value))
        {
            Apply(ref fields, type, value);
        }

        route = new Ipv6Route(Prefix(fields.Destination, payload[1]))
        {
            Source = fields.Source is null ? null : Prefix(fields.Source, payload[2]),
            Gateway = fields.Gateway,
            OutputInterfaceIndex = fields.OutputInterfaceIndex,
            Metric = fields.Metric,
            Table = fields.Table, // RTA_TABLE when present; rtm_table alone says RT_TABLE_COMPAT (252) above 255
            Protocol = payload[5],
            Type = (RouteType)payload[7],
        };
        return true;
    }

    private static void Apply(ref Fields fields, ushort type, ReadOnlySpan<byte> value)
    {
        switch (type)
        {
            case RTA_DST when value.Length == 16:
                fields.Destination = value.ToArray();
                break;
            case RTA_SRC when value.Length == 16:
                fields.Source = value.ToArray();
                break;
            case RTA_GATEWAY when value.Length == 16:
                fields.Gateway = new IPAddress(value);
                break;
            case RTA_OIF when value.Length >= 4:
                fields.OutputInterfaceIndex = BinaryPrimitives.ReadInt32LittleEndian(value);
                break;
            case RTA_PRIORITY when value.Length >= 4:
                fields.Metric = BinaryPrimitives.ReadUInt32LittleEndian(value);
                break;
            case RTA_TABLE when value.Length >= 4:
                fields.Table = BinaryPrimitives.ReadUInt32LittleEndian(value);
                break;
        }
    }

    /// <summary>An absent RTA_DST/RTA_SRC means the zero-length prefix ::/0.</summary>
    private static IPNetwork Prefix(byte[]? address, int length) =>
        new(address is null ? IPAddress.IPv6Any : new IPAddress(address), length);

    private struct Fields
    {
        public byte[]? Destination;
        public byte[]? Source;
        public IPAddress? Gateway;
        public int OutputInterfaceIndex;
        public uint? Metric;
        public uint Table;
    }
}

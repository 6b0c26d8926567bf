using System.Buffers.Binary;
using System.Net;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>RTM_DELNEIGH with struct ndmsg (rtnetlink(7)): forget a neighbour cache entry.</summary>
public static partial class NetlinkMessages
{
    /// <summary>struct ndmsg: family, 3 pad bytes, ifindex, state, flags, type.</summary>
    public const int NdMsgSize = 12;
    public const ushort RTM_DELNEIGH = 29;
    public const ushort NDA_DST = 1;

    /// <summary>Like <c>ip -6 neigh del ADDRESS dev IF</c>.</summary>
    public static byte[] BuildDeleteNeighbor(int interfaceIndex, IPAddress address, uint sequence)
    {
        if (interfaceIndex <= 0)
            throw new ArgumentOutOfRangeException(nameof(interfaceIndex), interfaceIndex, "must be a real interface index");
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            throw new ArgumentException($"{address} is not an IPv6 address", nameof(address));
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(RTM_DELNEIGH, (ushort)DeleteFlags, sequence);
        var ndmsg = writer.Reserve(NdMsgSize);
        ndmsg[0] = AF_INET6;
        BinaryPrimitives.WriteInt32LittleEndian(ndmsg[4..], interfaceIndex);
        // ndm_state: the kernel ignores it on delete; iproute2 sends NUD_PERMANENT (0x80), and so do we.
        BinaryPrimitives.WriteUInt16LittleEndian(ndmsg[8..], 0x80);
        writer.WriteAddress(NDA_DST, address);
        return writer.ToArray();
    }
}

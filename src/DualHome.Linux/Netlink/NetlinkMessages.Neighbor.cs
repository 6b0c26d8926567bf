using System.Buffers.Binary;
using System.Net;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>RTM_DELNEIGH and RTM_GETNEIGH with struct ndmsg (rtnetlink(7)): one neighbour cache entry.</summary>
public static partial class NetlinkMessages
{
    /// <summary>Like <c>ip -6 neigh del ADDRESS dev IF</c>.</summary>
    public static byte[] BuildDeleteNeighbor(int interfaceIndex, IPAddress address, uint sequence) =>
        // ndm_state: the kernel ignores it on delete; iproute2 sends NUD_PERMANENT (0x80), and so do we.
        BuildNeighbor(RTM_DELNEIGH, DeleteFlags, interfaceIndex, address, (ushort)NeighborState.Permanent, sequence);

    /// <summary>Like <c>ip -6 neigh get ADDRESS dev IF</c> (Linux 5.0+): the one entry, or ENOENT.</summary>
    public static byte[] BuildGetNeighbor(int interfaceIndex, IPAddress address, uint sequence) =>
        BuildNeighbor(RTM_GETNEIGH, NetlinkConstants.NLM_F_REQUEST, interfaceIndex, address, state: 0, sequence);

    /// <summary>
    /// RTM_NEWNEIGH with ndm_flags NTF_USE: the kernel creates the entry if needed (NLM_F_CREATE) and runs
    /// neigh_event_send on it, i.e. starts address resolution (RFC 4861 §7.2.2) exactly as if it had a packet to
    /// send there, or re-confirms a STALE entry (§7.3.3). The kernel keeps the cache, its timers and its limits
    /// (gc_thresh3); a forwarder outside the kernel only asks. Linux 3.x+ (neigh_add).
    /// </summary>
    public static byte[] BuildResolveNeighbor(int interfaceIndex, IPAddress address, uint sequence) =>
        BuildNeighbor(RTM_NEWNEIGH, NewFlags, interfaceIndex, address, state: 0, sequence, NTF_USE);

    /// <summary>RTM_GETNEIGH dump of every IPv6 neighbour entry (like <c>ip -6 neigh show</c>).</summary>
    public static byte[] BuildGetNeighbors(uint sequence)
    {
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(RTM_GETNEIGH, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence);
        writer.Reserve(NdMsgSize)[0] = AF_INET6;
        return writer.ToArray();
    }

    private static byte[] BuildNeighbor(
        ushort type, ushort flags, int interfaceIndex, IPAddress address, ushort state, uint sequence, byte ndmFlags = 0)
    {
        if (interfaceIndex <= 0)
            throw new ArgumentOutOfRangeException(nameof(interfaceIndex), interfaceIndex, "must be a real interface index");
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            throw new ArgumentException($"{address} is not an IPv6 address", nameof(address));
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(type, flags, sequence);
        var ndmsg = writer.Reserve(NdMsgSize);
        ndmsg[0] = AF_INET6;
        BinaryPrimitives.WriteInt32LittleEndian(ndmsg[4..], interfaceIndex);
        BinaryPrimitives.WriteUInt16LittleEndian(ndmsg[8..], state);
        ndmsg[10] = ndmFlags;
        writer.WriteAddress(NDA_DST, address);
        return writer.ToArray();
    }
}

using System.Buffers.Binary;
using System.Net;

namespace DualHome.Linux.Netlink.Mptcp;

/// <summary>Requests of the "mptcp_pm" generic netlink family (linux/mptcp_pm.h, version 1), byte for byte as
/// iproute2's <c>ip mptcp</c> sends them.</summary>
internal static class MptcpMessages
{
    public const string Family = "mptcp_pm";
    private const byte Version = 1;
    private const byte CMD_ADD_ADDR = 1, CMD_DEL_ADDR = 2, CMD_SET_LIMITS = 5, CMD_GET_LIMITS = 6, CMD_SET_FLAGS = 7;
    private const ushort ATTR_ADDR = 1, ATTR_RCV_ADD_ADDRS = 2, ATTR_SUBFLOWS = 3;
    private const ushort ADDR_ATTR_FAMILY = 1, ADDR_ATTR_ID = 2, ADDR_ATTR_ADDR6 = 4, ADDR_ATTR_FLAGS = 6, ADDR_ATTR_IF_IDX = 7;
    private const ushort AF_INET6 = 10;
    private const int MaxRequestSize = 256;
    private const ushort RequestAck = NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK;

    /// <summary><c>ip mptcp endpoint add ADDRESS dev IF id ID FLAGS</c>: attributes in iproute2's order.</summary>
    public static byte[] BuildAddEndpoint(ushort familyId, MptcpEndpoint endpoint, uint sequence)
    {
        var writer = GenericNetlinkMessages.Begin(stackalloc byte[MaxRequestSize], familyId, RequestAck, CMD_ADD_ADDR, Version, sequence);
        int nest = writer.BeginNested(ATTR_ADDR);
        writer.WriteByte(ADDR_ATTR_ID, endpoint.Id);
        writer.WriteUInt32(ADDR_ATTR_FLAGS, (uint)endpoint.Flags);
        writer.WriteUInt32(ADDR_ATTR_IF_IDX, (uint)endpoint.InterfaceIndex);
        writer.WriteUInt16(ADDR_ATTR_FAMILY, AF_INET6);
        writer.WriteAddress(ADDR_ATTR_ADDR6, endpoint.Address);
        writer.EndNested(nest);
        return writer.ToArray();
    }

    /// <summary><c>ip mptcp endpoint delete id ID</c>: the kernel closes the subflows using that address.</summary>
    public static byte[] BuildDeleteEndpoint(ushort familyId, byte id, uint sequence)
    {
        var writer = GenericNetlinkMessages.Begin(stackalloc byte[MaxRequestSize], familyId, RequestAck, CMD_DEL_ADDR, Version, sequence);
        int nest = writer.BeginNested(ATTR_ADDR);
        writer.WriteByte(ADDR_ATTR_ID, id);
        writer.EndNested(nest);
        return writer.ToArray();
    }

    /// <summary><c>ip mptcp endpoint change id ID backup|nobackup</c>: the kernel switches the endpoint's existing
    /// subflows too (MP_PRIO, RFC 8684 §3.3.8) without closing them. "nobackup" sends no flags attribute.</summary>
    public static byte[] BuildSetBackup(ushort familyId, byte id, bool backup, uint sequence)
    {
        var writer = GenericNetlinkMessages.Begin(stackalloc byte[MaxRequestSize], familyId, RequestAck, CMD_SET_FLAGS, Version, sequence);
        int nest = writer.BeginNested(ATTR_ADDR);
        writer.WriteByte(ADDR_ATTR_ID, id);
        if (backup) writer.WriteUInt32(ADDR_ATTR_FLAGS, (uint)MptcpEndpointFlags.Backup);
        writer.EndNested(nest);
        return writer.ToArray();
    }

    /// <summary><c>ip mptcp limits set subflow N add_addr_accepted M</c>.</summary>
    public static byte[] BuildSetLimits(ushort familyId, MptcpLimits limits, uint sequence)
    {
        var writer = GenericNetlinkMessages.Begin(stackalloc byte[MaxRequestSize], familyId, RequestAck, CMD_SET_LIMITS, Version, sequence);
        writer.WriteUInt32(ATTR_RCV_ADD_ADDRS, limits.AcceptedAddAddrs);
        writer.WriteUInt32(ATTR_SUBFLOWS, limits.Subflows);
        return writer.ToArray();
    }

    /// <summary><c>ip mptcp limits show</c>: no ACK flag, the answer is the reply.</summary>
    public static byte[] BuildGetLimits(ushort familyId, uint sequence) =>
        GenericNetlinkMessages.Begin(stackalloc byte[MaxRequestSize], familyId, NetlinkConstants.NLM_F_REQUEST, CMD_GET_LIMITS, Version, sequence).ToArray();

    public static MptcpLimits ReadLimits(in NetlinkMessage reply)
    {
        uint accepted = 0, subflows = 0;
        var attributes = GenericNetlinkMessages.Attributes(reply);
        int offset = 0;
        while (NetlinkReader.TryReadAttribute(attributes, ref offset, out var type, out var value))
        {
            if (value.Length < 4) continue;
            if (type == ATTR_RCV_ADD_ADDRS) accepted = BinaryPrimitives.ReadUInt32LittleEndian(value);
            else if (type == ATTR_SUBFLOWS) subflows = BinaryPrimitives.ReadUInt32LittleEndian(value);
        }
        return new MptcpLimits(accepted, subflows);
    }
}

using System.Buffers.Binary;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>RTM_GETLINK with struct ifinfomsg (rtnetlink(7)).</summary>
public static partial class NetlinkMessages
{
    /// <summary>RTM_GETLINK for one interface by name (like <c>ip link show NAME</c>); ENODEV if absent.</summary>
    public static byte[] BuildGetLink(string interfaceName, uint sequence)
    {
        var writer = StartGetLink(interfaceIndex: 0, sequence);
        writer.WriteString(IFLA_IFNAME, interfaceName);
        return writer.ToArray();
    }

    /// <summary>RTM_GETLINK for one interface by index.</summary>
    public static byte[] BuildGetLink(int interfaceIndex, uint sequence) =>
        StartGetLink(interfaceIndex, sequence).ToArray();

    private static NetlinkWriter StartGetLink(int interfaceIndex, uint sequence)
    {
        var writer = new NetlinkWriter(new byte[MaxRequestSize]);
        writer.WriteHeader(RTM_GETLINK, NetlinkConstants.NLM_F_REQUEST, sequence);
        var ifinfomsg = writer.Reserve(IfInfoMsgSize); // family AF_UNSPEC, type, flags, change all 0
        BinaryPrimitives.WriteInt32LittleEndian(ifinfomsg[4..], interfaceIndex);
        writer.WriteUInt32(IFLA_EXT_MASK, ExtMaskVfSkipStats);
        return writer;
    }
}

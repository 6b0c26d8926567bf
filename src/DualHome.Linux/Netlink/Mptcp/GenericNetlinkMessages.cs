using System.Buffers.Binary;
using DualHome.Linux.Netlink;

namespace DualHome.Linux.Netlink.Mptcp;

/// <summary>Generic netlink (linux/genetlink.h): the controller resolves a family's name to the message type its
/// requests use; every message carries struct genlmsghdr { u8 cmd; u8 version; u16 reserved; } after nlmsghdr.</summary>
internal static class GenericNetlinkMessages
{
    public const ushort GENL_ID_CTRL = 0x10;
    public const byte CTRL_CMD_GETFAMILY = 3;
    public const ushort CTRL_ATTR_FAMILY_ID = 1;
    public const ushort CTRL_ATTR_FAMILY_NAME = 2;
    public const int GenlHeaderSize = 4;
    private const int MaxRequestSize = 256;

    /// <summary>CTRL_CMD_GETFAMILY for <paramref name="family"/>, as iproute2 sends it (version 0, no ACK flag: the
    /// answer is the reply).</summary>
    public static byte[] BuildGetFamily(string family, uint sequence)
    {
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(GENL_ID_CTRL, NetlinkConstants.NLM_F_REQUEST, sequence);
        writer.Reserve(GenlHeaderSize)[0] = CTRL_CMD_GETFAMILY;
        writer.WriteString(CTRL_ATTR_FAMILY_NAME, family);
        return writer.ToArray();
    }

    /// <summary>Starts a request of <paramref name="familyId"/>: header and genlmsghdr.</summary>
    public static NetlinkWriter Begin(Span<byte> buffer, ushort familyId, ushort flags, byte command, byte version, uint sequence)
    {
        var writer = new NetlinkWriter(buffer);
        writer.WriteHeader(familyId, flags, sequence);
        var genl = writer.Reserve(GenlHeaderSize);
        genl[0] = command;
        genl[1] = version;
        return writer;
    }

    /// <summary>The family id in a CTRL_CMD_NEWFAMILY reply; 0 when it is missing.</summary>
    public static ushort ReadFamilyId(in NetlinkMessage reply)
    {
        var attributes = Attributes(reply);
        int offset = 0;
        while (NetlinkReader.TryReadAttribute(attributes, ref offset, out var type, out var value))
            if (type == CTRL_ATTR_FAMILY_ID && value.Length >= 2) return BinaryPrimitives.ReadUInt16LittleEndian(value);
        return 0;
    }

    /// <summary>The attribute area after genlmsghdr (empty when the payload is shorter than it).</summary>
    public static ReadOnlySpan<byte> Attributes(in NetlinkMessage reply) =>
        reply.Payload.Length < GenlHeaderSize ? default : reply.Payload[GenlHeaderSize..];
}

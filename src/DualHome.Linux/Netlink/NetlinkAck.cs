using System.Buffers.Binary;
using System.Text;

namespace DualHome.Linux.Netlink;

/// <summary>
/// Reads NLMSG_ERROR (an ACK when error is 0) and NLMSG_DONE. NLMSG_ERROR's payload is
/// struct nlmsgerr { int error; struct nlmsghdr msg; } followed by the rest of the request unless
/// NLM_F_CAPPED, then extended-ACK attributes if NLM_F_ACK_TLVS (linux/netlink.h, netlink(7)).
/// </summary>
internal static class NetlinkAck
{
    private const int ErrorFieldSize = 4;

    /// <summary>The positive errno of an NLMSG_ERROR (0 for a plain ACK) and the kernel's explanation.</summary>
    public static int ReadError(in NetlinkMessage message, out string? detail)
    {
        detail = null;
        var payload = message.Payload;
        if (payload.Length < ErrorFieldSize + NetlinkConstants.HeaderSize)
        {
            throw new InvalidDataException($"netlink: NLMSG_ERROR payload of {payload.Length} bytes");
        }

        var errno = -BinaryPrimitives.ReadInt32LittleEndian(payload);
        if ((message.Flags & NetlinkConstants.NLM_F_ACK_TLVS) != 0)
        {
            detail = ReadDetail(payload[EchoEnd(payload, message.Flags)..]);
        }

        return errno;
    }

    /// <summary>NLMSG_DONE ends a dump; its optional int is a negative errno if the dump failed.</summary>
    public static int ReadDoneError(in NetlinkMessage message) =>
        message.Payload.Length >= ErrorFieldSize ? -BinaryPrimitives.ReadInt32LittleEndian(message.Payload) : 0;

    /// <summary>Where the echoed request ends: after its header if capped, else after its whole length.</summary>
    private static int EchoEnd(ReadOnlySpan<byte> payload, ushort flags)
    {
        var echoedLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(payload[ErrorFieldSize..]);
        var echoed = (flags & NetlinkConstants.NLM_F_CAPPED) != 0 ? NetlinkConstants.HeaderSize : echoedLength;
        return Math.Min(ErrorFieldSize + NetlinkConstants.Align(echoed), payload.Length);
    }

    private static string? ReadDetail(ReadOnlySpan<byte> attributes)
    {
        var offset = 0;
        while (NetlinkReader.TryReadAttribute(attributes, ref offset, out var type, out var value))
        {
            if (type == NetlinkConstants.NLMSGERR_ATTR_MSG)
            {
                return Encoding.UTF8.GetString(value.TrimEnd((byte)0));
            }
        }

        return null;
    }
}

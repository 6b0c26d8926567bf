using System.Buffers.Binary;

namespace DualHome.Linux.Netlink;

/// <summary>
/// Walks the messages of one netlink datagram and the attributes of one message (NLMSG_OK/NLMSG_NEXT,
/// RTA_OK/RTA_NEXT in netlink(3), rtnetlink(3)). Lengths are checked before any field is read; framing
/// the kernel could never send throws <see cref="InvalidDataException"/>; a reader that must never throw
/// (the event stream) checks a datagram or attribute area with <see cref="MessagesFit"/> / <see cref="AttributesFit"/> first.
/// </summary>
internal static class NetlinkReader
{
    /// <summary>True if <see cref="TryReadMessage"/> can walk the whole datagram without throwing.</summary>
    public static bool MessagesFit(ReadOnlySpan<byte> datagram) => Fits(datagram, NetlinkConstants.HeaderSize, lengthIs32Bits: true);

    /// <summary>True if <see cref="TryReadAttribute"/> can walk the whole attribute area without throwing.</summary>
    public static bool AttributesFit(ReadOnlySpan<byte> attributes) => Fits(attributes, 4, lengthIs32Bits: false);

    /// <summary>Walks length-prefixed, 4-aligned records: each needs its header and must end inside the area.</summary>
    private static bool Fits(ReadOnlySpan<byte> area, int headerSize, bool lengthIs32Bits)
    {
        var offset = 0;
        while (offset < area.Length)
        {
            var rest = area[offset..];
            if (rest.Length < headerSize)
            {
                return false;
            }

            var length = lengthIs32Bits ? BinaryPrimitives.ReadUInt32LittleEndian(rest) : BinaryPrimitives.ReadUInt16LittleEndian(rest);
            if (length < headerSize || length > rest.Length)
            {
                return false;
            }

            offset += NetlinkConstants.Align((int)length);
        }

        return true;
    }

    /// <summary>Reads the message at <paramref name="offset"/>; false at the end of the datagram.</summary>
    public static bool TryReadMessage(ReadOnlySpan<byte> datagram, scoped ref int offset, out NetlinkMessage message)
    {
        message = default;
        if (offset >= datagram.Length)
        {
            return false;
        }

        var rest = datagram[offset..];
        if (rest.Length < NetlinkConstants.HeaderSize)
        {
            throw new InvalidDataException($"netlink: {rest.Length} trailing bytes, shorter than a header");
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(rest);
        if (length < NetlinkConstants.HeaderSize || length > rest.Length)
        {
            throw new InvalidDataException($"netlink: nlmsg_len {length} outside 16..{rest.Length}");
        }

        message = new NetlinkMessage(
            type: BinaryPrimitives.ReadUInt16LittleEndian(rest[4..]),
            flags: BinaryPrimitives.ReadUInt16LittleEndian(rest[6..]),
            sequence: BinaryPrimitives.ReadUInt32LittleEndian(rest[8..]),
            payload: rest[NetlinkConstants.HeaderSize..(int)length],
            portId: BinaryPrimitives.ReadUInt32LittleEndian(rest[12..]));
        offset += Math.Min(NetlinkConstants.Align((int)length), rest.Length);
        return true;
    }

    /// <summary>Reads the attribute at <paramref name="offset"/> in an attribute area; false at its end.</summary>
    public static bool TryReadAttribute(
        ReadOnlySpan<byte> attributes, scoped ref int offset, out ushort type, out ReadOnlySpan<byte> value)
    {
        type = 0;
        value = default;
        if (offset >= attributes.Length)
        {
            return false;
        }

        var rest = attributes[offset..];
        var length = rest.Length >= 4 ? BinaryPrimitives.ReadUInt16LittleEndian(rest) : 0;
        if (length < 4 || length > rest.Length)
        {
            throw new InvalidDataException($"netlink: nla_len {length} outside 4..{rest.Length}");
        }

        type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(rest[2..]) & NetlinkConstants.NLA_TYPE_MASK);
        value = rest[4..length];
        offset += Math.Min(NetlinkConstants.Align(length), rest.Length);
        return true;
    }
}

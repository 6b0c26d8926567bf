using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.NetworkInformation;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>
/// Turns an RTM_NEWNEIGH / RTM_DELNEIGH payload (struct ndmsg + NDA_* attributes, rtnetlink(7)) into a
/// <see cref="NeighborEvent"/>. Never throws: anything else is false.
/// </summary>
internal static class NeighborParser
{
    /// <summary>
    /// False for other families (IPv4 ARP, bridge FDB entries share the group), for a payload shorter than
    /// struct ndmsg, for attributes that overrun it, and for an entry without a 16-byte NDA_DST.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> payload, bool deleted, [NotNullWhen(true)] out NeighborEvent? neighbor, uint requestedBy = 0)
    {
        neighbor = null;
        if (payload.Length < NdMsgSize || payload[0] != AF_INET6 || !NetlinkReader.AttributesFit(payload[NdMsgSize..]))
        {
            return false;
        }

        var index = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        var state = (NeighborState)BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]);
        var (destination, linkLayer) = ReadAttributes(payload[NdMsgSize..]);
        if (destination is null)
        {
            return false;
        }

        var address = new IPAddress(destination, 0);
        var scoped = address.IsIPv6LinkLocal ? new IPAddress(destination, index) : address;
        neighbor = new NeighborEvent(index, scoped, state, linkLayer, deleted, requestedBy);
        return true;
    }

    private static (byte[]? Destination, PhysicalAddress LinkLayer) ReadAttributes(ReadOnlySpan<byte> attributes)
    {
        byte[]? destination = null;
        var linkLayer = PhysicalAddress.None;
        var offset = 0;
        while (NetlinkReader.TryReadAttribute(attributes, ref offset, out var type, out var value))
        {
            if (type == NDA_DST && value.Length == 16)
            {
                destination = value.ToArray();
            }
            else if (type == NDA_LLADDR && value.Length > 0)
            {
                linkLayer = new PhysicalAddress(value.ToArray());
            }
        }

        return (destination, linkLayer);
    }
}

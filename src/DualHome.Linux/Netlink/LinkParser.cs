using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net.NetworkInformation;
using System.Text;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>Turns an RTM_NEWLINK payload (struct ifinfomsg + IFLA_* attributes) into a <see cref="LinkInfo"/>.</summary>
internal static class LinkParser
{
    /// <summary>Like <see cref="Parse"/>, but false instead of throwing for a payload shorter than struct ifinfomsg
    /// or attributes that overrun it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out LinkInfo? link)
    {
        var fits = payload.Length >= IfInfoMsgSize && NetlinkReader.AttributesFit(payload[IfInfoMsgSize..]);
        link = fits ? Parse(payload) : null;
        return fits;
    }

    public static LinkInfo Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < IfInfoMsgSize)
        {
            throw new InvalidDataException($"RTM_NEWLINK payload of {payload.Length} bytes");
        }

        var link = new LinkInfo(
            Name: string.Empty,
            Index: BinaryPrimitives.ReadInt32LittleEndian(payload[4..]),
            MacAddress: PhysicalAddress.None,
            Mtu: 0,
            OperState: LinkOperState.Unknown,
            Flags: BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]));
        var attributes = payload[IfInfoMsgSize..];
        var offset = 0;
        while (NetlinkReader.TryReadAttribute(attributes, ref offset, out var type, out var value))
        {
            link = Apply(link, type, value);
        }

        return link;
    }

    private static LinkInfo Apply(LinkInfo link, ushort type, ReadOnlySpan<byte> value) => type switch
    {
        IFLA_IFNAME => link with { Name = Encoding.UTF8.GetString(value.TrimEnd((byte)0)) },
        IFLA_ADDRESS => link with { MacAddress = new PhysicalAddress(value.ToArray()) },
        IFLA_MTU when value.Length >= 4 => link with { Mtu = BinaryPrimitives.ReadInt32LittleEndian(value) },
        IFLA_OPERSTATE when value.Length >= 1 => link with { OperState = (LinkOperState)value[0] },
        _ => link,
    };
}

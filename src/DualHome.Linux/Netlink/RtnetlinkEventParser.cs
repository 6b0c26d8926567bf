using System.Diagnostics.CodeAnalysis;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>Turns one notification of the RTNLGRP_LINK / RTNLGRP_NEIGH / RTNLGRP_IPV6_IFADDR groups into an event.
/// Never throws.</summary>
internal static class RtnetlinkEventParser
{
    /// <summary>False for other message types, non-IPv6 neighbours and malformed payloads.</summary>
    public static bool TryParse(in NetlinkMessage message, [NotNullWhen(true)] out RtnetlinkEvent? ev)
    {
        ev = message.Type switch
        {
            RTM_NEWLINK or RTM_DELLINK => Link(message.Payload, deleted: message.Type == RTM_DELLINK),
            RTM_NEWNEIGH or RTM_DELNEIGH => NeighborParser.TryParse(
                message.Payload, deleted: message.Type == RTM_DELNEIGH, out var neighbor, message.PortId) ? neighbor : null,
            RTM_NEWADDR or RTM_DELADDR => AddressParser.TryParse(message.Payload, out var address)
                ? new AddressEvent(address!, Deleted: message.Type == RTM_DELADDR) : null,
            _ => null,
        };
        return ev is not null;
    }

    private static LinkEvent? Link(ReadOnlySpan<byte> payload, bool deleted) =>
        LinkParser.TryParse(payload, out var link)
            ? new LinkEvent(link.Index, link.Name, HasCarrier: !deleted && link.HasCarrier, link.IsUp, deleted)
            : null;
}

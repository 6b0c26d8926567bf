namespace DualHome.DataPlane.Counters;

/// <summary>Stable snake_case names for counters and logs, independent of <c>Enum.ToString</c>.</summary>
public static class DropReasonNames
{
    public static string ToStableName(this DropReason reason) => reason switch
    {
        DropReason.None => "none",
        DropReason.TooShortForEthernet => "too_short_for_ethernet",
        DropReason.VlanTagged => "vlan_tagged",
        DropReason.NotIpv6 => "not_ipv6",
        DropReason.TooShortForIpv6 => "too_short_for_ipv6",
        DropReason.BadVersion => "bad_version",
        DropReason.PayloadLengthTooLong => "payload_length_too_long",
        DropReason.PayloadLengthTooShort => "payload_length_too_short",
        DropReason.OtherHost => "other_host",
        DropReason.Martian => "martian",
        DropReason.NoRoute => "no_route",
        DropReason.SourceNotInSite => "source_not_in_site",
        DropReason.UplinkDown => "uplink_down",
        DropReason.HopLimitExceeded => "hop_limit_exceeded",
        DropReason.TooBig => "too_big",
        DropReason.NoNeighbor => "no_neighbor",
        DropReason.RingFull => "ring_full",
        DropReason.ReceiveRingFull => "rx_ring_full",
        DropReason.PeerDown => "peer_down",
        DropReason.PeerLoop => "peer_loop",
        _ => "unknown",
    };

    /// <summary>The coarse groups, for a short summary: malformed, no_route, policy, hop_limit, too_big, no_neighbor, ring_full.</summary>
    public static string ToGroup(this DropReason reason) => reason switch
    {
        DropReason.None => "none",
        <= DropReason.PayloadLengthTooShort => "malformed",
        DropReason.OtherHost or DropReason.Martian or DropReason.NoRoute => "no_route",
        DropReason.SourceNotInSite or DropReason.UplinkDown or DropReason.PeerDown or DropReason.PeerLoop => "policy",
        DropReason.HopLimitExceeded => "hop_limit",
        DropReason.TooBig => "too_big",
        DropReason.NoNeighbor => "no_neighbor",
        _ => "ring_full",
    };
}

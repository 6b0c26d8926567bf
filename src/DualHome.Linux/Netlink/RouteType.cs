namespace DualHome.Linux.Netlink;

/// <summary>rtm_type values this firmware installs (linux/rtnetlink.h, enum RTN_*).</summary>
public enum RouteType : byte
{
    /// <summary>RTN_UNICAST: a gateway or directly connected route.</summary>
    Unicast = 1,
    /// <summary>RTN_BLACKHOLE: silently discard.</summary>
    Blackhole = 6,
    /// <summary>RTN_UNREACHABLE: discard and answer ICMPv6 Destination Unreachable (no route, code 0).</summary>
    Unreachable = 7,
    /// <summary>RTN_PROHIBIT: discard and answer ICMPv6 Destination Unreachable (administratively prohibited, code 1).</summary>
    Prohibit = 8,
}

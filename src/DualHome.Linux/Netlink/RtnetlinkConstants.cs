namespace DualHome.Linux.Netlink;

/// <summary>rtnetlink message types, attributes and values (linux/rtnetlink.h, if_addr.h, if_link.h, fib_rules.h, rtnetlink(7)).</summary>
internal static class RtnetlinkConstants
{
    public const byte AF_UNSPEC = 0;
    public const byte AF_INET6 = 10;

    public const ushort RTM_NEWLINK = 16;
    public const ushort RTM_DELLINK = 17;
    public const ushort RTM_GETLINK = 18;
    public const ushort RTM_NEWADDR = 20;
    public const ushort RTM_DELADDR = 21;
    public const ushort RTM_GETADDR = 22;
    public const ushort RTM_NEWROUTE = 24;
    public const ushort RTM_DELROUTE = 25;
    public const ushort RTM_GETROUTE = 26;
    public const ushort RTM_NEWRULE = 32;
    public const ushort RTM_DELRULE = 33;
    public const ushort RTM_GETRULE = 34;
    public const ushort RTM_NEWNEIGH = 28;
    public const ushort RTM_DELNEIGH = 29;
    public const ushort RTM_GETNEIGH = 30;

    /// <summary>Multicast groups (enum rtnetlink_groups); sockaddr_nl.nl_groups holds bit (group − 1).</summary>
    public const int RTNLGRP_LINK = 1;
    public const int RTNLGRP_NEIGH = 3;
    public const int RTNLGRP_IPV6_IFADDR = 9;

    /// <summary>sizeof(struct rtmsg): family, dst_len, src_len, tos, table, protocol, scope, type (u8 each), flags u32.</summary>
    public const int RtMsgSize = 12;
    /// <summary>rtm_flags: the gateway is on-link even without a covering prefix (linux/rtnetlink.h, RTNH_F_ONLINK).</summary>
    public const uint RTNH_F_ONLINK = 4;
    /// <summary>sizeof(struct ifaddrmsg): family, prefixlen, flags, scope (u8 each), index u32.</summary>
    public const int IfAddrMsgSize = 8;
    /// <summary>sizeof(struct ifinfomsg): family u8, pad u8, type u16, index s32, flags u32, change u32.</summary>
    public const int IfInfoMsgSize = 16;
    /// <summary>sizeof(struct ndmsg): family u8, 3 pad bytes, ifindex s32, state u16, flags u8, type u8.</summary>
    public const int NdMsgSize = 12;
    /// <summary>sizeof(struct fib_rule_hdr): family, dst_len, src_len, tos, table, res1, res2, action (u8 each), flags u32.</summary>
    public const int FibRuleHdrSize = 12;

    public const ushort RTA_DST = 1;
    public const ushort RTA_SRC = 2;
    public const ushort RTA_OIF = 4;
    public const ushort RTA_GATEWAY = 5;
    public const ushort RTA_PRIORITY = 6;
    public const ushort RTA_TABLE = 15;

    public const byte RT_SCOPE_UNIVERSE = 0;
    public const byte RT_TABLE_UNSPEC = 0;
    public const byte RTN_UNSPEC = 0;

    public const ushort IFA_ADDRESS = 1;
    public const ushort IFA_LOCAL = 2;
    public const ushort IFA_CACHEINFO = 6;
    /// <summary>u32 flags; supersedes ifa_flags, which holds only the low 8 bits.</summary>
    public const ushort IFA_FLAGS = 8;

    // Neighbour attributes (linux/neighbour.h, enum NDA_*).
    public const ushort NDA_DST = 1;
    public const ushort NDA_LLADDR = 2;

    /// <summary>ndm_flags: act as if a packet were sent to the neighbour (neigh_event_send), linux/neighbour.h.</summary>
    public const byte NTF_USE = 0x01;

    public const ushort IFLA_ADDRESS = 1;
    public const ushort IFLA_IFNAME = 3;
    public const ushort IFLA_MTU = 4;
    public const ushort IFLA_OPERSTATE = 16;
    public const ushort IFLA_EXT_MASK = 29;

    // FIB rule attributes (linux/fib_rules.h, enum FRA_*).
    public const ushort FRA_DST = 1;
    public const ushort FRA_SRC = 2;
    public const ushort FRA_IIFNAME = 3;
    public const ushort FRA_PRIORITY = 6;
    /// <summary>s32, -1 when unset; dumped only when set.</summary>
    public const ushort FRA_SUPPRESS_IFGROUP = 13;
    /// <summary>s32, -1 when unset; the kernel puts it into every dumped rule.</summary>
    public const ushort FRA_SUPPRESS_PREFIXLEN = 14;
    public const ushort FRA_TABLE = 15;
    public const ushort FRA_OIFNAME = 17;
    public const ushort FRA_PAD = 18;
    /// <summary>u8 rtm_protocol-style originator of the rule (Linux 4.17+).</summary>
    public const ushort FRA_PROTOCOL = 21;

    /// <summary>fib_rule_hdr.action on a delete: match any action.</summary>
    public const byte FR_ACT_UNSPEC = 0;

    /// <summary>fib_rule_hdr.flags: the selector is negated (<c>ip rule add not …</c>).</summary>
    public const uint FIB_RULE_INVERT = 0x2;

    /// <summary>RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS: what iproute2 asks for; keeps the reply small.</summary>
    public const uint ExtMaskVfSkipStats = 0x1 | 0x8;
}

namespace DualHome.Linux.Netlink;

/// <summary>rtnetlink message types, attributes and values (linux/rtnetlink.h, if_addr.h, if_link.h, rtnetlink(7)).</summary>
internal static class RtnetlinkConstants
{
    public const byte AF_UNSPEC = 0;
    public const byte AF_INET6 = 10;

    public const ushort RTM_NEWLINK = 16;
    public const ushort RTM_GETLINK = 18;
    public const ushort RTM_NEWADDR = 20;
    public const ushort RTM_DELADDR = 21;
    public const ushort RTM_GETADDR = 22;
    public const ushort RTM_NEWROUTE = 24;
    public const ushort RTM_DELROUTE = 25;
    public const ushort RTM_GETROUTE = 26;

    /// <summary>sizeof(struct rtmsg): family, dst_len, src_len, tos, table, protocol, scope, type (u8 each), flags u32.</summary>
    public const int RtMsgSize = 12;
    /// <summary>sizeof(struct ifaddrmsg): family, prefixlen, flags, scope (u8 each), index u32.</summary>
    public const int IfAddrMsgSize = 8;
    /// <summary>sizeof(struct ifinfomsg): family u8, pad u8, type u16, index s32, flags u32, change u32.</summary>
    public const int IfInfoMsgSize = 16;

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

    public const ushort IFLA_ADDRESS = 1;
    public const ushort IFLA_IFNAME = 3;
    public const ushort IFLA_MTU = 4;
    public const ushort IFLA_OPERSTATE = 16;
    public const ushort IFLA_EXT_MASK = 29;

    /// <summary>RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS: what iproute2 asks for; keeps the reply small.</summary>
    public const uint ExtMaskVfSkipStats = 0x1 | 0x8;
}

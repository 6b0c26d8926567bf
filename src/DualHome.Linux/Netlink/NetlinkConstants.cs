namespace DualHome.Linux.Netlink;

/// <summary>Netlink framing (linux/netlink.h, netlink(7)).</summary>
internal static class NetlinkConstants
{
    public const int NETLINK_ROUTE = 0;
    /// <summary>Generic netlink (linux/netlink.h): families such as "mptcp_pm" resolved by name.</summary>
    public const int NETLINK_GENERIC = 16;
    public const int SOL_NETLINK = 270;
    /// <summary>Error ACKs echo only the request header, not the whole request.</summary>
    public const int NETLINK_CAP_ACK = 10;
    /// <summary>Error ACKs carry the kernel's explanation as NLMSGERR_ATTR_MSG.</summary>
    public const int NETLINK_EXT_ACK = 11;

    /// <summary>sizeof(struct nlmsghdr): len u32, type u16, flags u16, seq u32, pid u32.</summary>
    public const int HeaderSize = 16;
    /// <summary>NLMSG_ALIGNTO and NLA_ALIGNTO.</summary>
    public const int Alignment = 4;

    public const ushort NLMSG_NOOP = 1;
    public const ushort NLMSG_ERROR = 2;
    public const ushort NLMSG_DONE = 3;

    public const ushort NLM_F_REQUEST = 0x01;
    public const ushort NLM_F_MULTI = 0x02;
    public const ushort NLM_F_ACK = 0x04;
    /// <summary>GET: NLM_F_ROOT | NLM_F_MATCH, a dump of every object.</summary>
    public const ushort NLM_F_DUMP = 0x300;
    /// <summary>NEW: replace an existing object.</summary>
    public const ushort NLM_F_REPLACE = 0x100;
    /// <summary>NEW: fail with EEXIST if the object exists.</summary>
    public const ushort NLM_F_EXCL = 0x200;
    /// <summary>NEW: create the object if it does not exist.</summary>
    public const ushort NLM_F_CREATE = 0x400;

    /// <summary>ACK flags: only the request header was echoed (NETLINK_CAP_ACK, or always on success).</summary>
    public const ushort NLM_F_CAPPED = 0x100;
    /// <summary>ACK flags: extended-ACK attributes follow the echoed request.</summary>
    public const ushort NLM_F_ACK_TLVS = 0x200;

    /// <summary>enum nlmsgerr_attrs: a NUL-terminated explanation string.</summary>
    public const ushort NLMSGERR_ATTR_MSG = 1;

    /// <summary>nla_type carries NLA_F_NESTED and NLA_F_NET_BYTEORDER in its two top bits.</summary>
    public const ushort NLA_TYPE_MASK = 0x3fff;

    /// <summary>Set in nla_type of an attribute that holds attributes (linux/netlink.h).</summary>
    public const ushort NLA_F_NESTED = 0x8000;

    public static int Align(int length) => (length + Alignment - 1) & ~(Alignment - 1);
}

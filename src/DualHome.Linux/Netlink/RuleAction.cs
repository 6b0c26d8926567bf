namespace DualHome.Linux.Netlink;

/// <summary>fib_rule_hdr.action values DualHome installs (linux/fib_rules.h, enum FR_ACT_*).</summary>
public enum RuleAction : byte
{
    /// <summary>FR_ACT_TO_TBL: look the destination up in <see cref="Ipv6Rule.Table"/>; if nothing matches there, go on with the next rule.</summary>
    ToTable = 1,
    /// <summary>FR_ACT_BLACKHOLE: drop silently, no ICMPv6 error.</summary>
    Blackhole = 6,
    /// <summary>FR_ACT_UNREACHABLE: drop; a forwarded packet gets ICMPv6 Destination Unreachable code 0, a local sender ENETUNREACH.</summary>
    Unreachable = 7,
    /// <summary>FR_ACT_PROHIBIT: drop; ICMPv6 Destination Unreachable code 1 (administratively prohibited), a local sender EACCES.</summary>
    Prohibit = 8,
}

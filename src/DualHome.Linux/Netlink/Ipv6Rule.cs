using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DualHome.Linux.Netlink;

/// <summary>
/// One IPv6 policy routing rule (FIB rule, <c>ip -6 rule</c>, CONFIG_IPV6_MULTIPLE_TABLES). The kernel tries
/// rules in ascending <see cref="Priority"/> (0 looks up table local, 32766 table main by default); the first
/// whose selectors all match decides: look up a table (and fall through to the next rule if nothing there
/// matches) or drop. For DualHome: <c>pref 1000 iif lan0 from 2001:db8:a:1::/64 lookup main</c> per site
/// prefix, then <c>pref 1010 iif lan0 blackhole</c> drops forwarded packets from any other source (BCP 38).
/// Null selectors match everything (<c>from all</c>).
/// </summary>
/// <param name="Priority">FRA_PRIORITY (<c>pref</c>): always sent, so the kernel never picks one itself.</param>
public sealed record Ipv6Rule(uint Priority)
{
    /// <summary>IFNAMSIZ − 1: the longest interface name the kernel accepts.</summary>
    public const int MaxInterfaceNameLength = 15;

    /// <summary>FRA_IIFNAME: only packets received on this interface (<c>lo</c> = locally generated).</summary>
    public string? IncomingInterface { get; init; }

    /// <summary>FRA_OIFNAME: only packets whose socket is bound to this interface (locally generated).</summary>
    public string? OutgoingInterface { get; init; }

    /// <summary>FRA_SRC + src_len: only packets from this prefix; null for any (a /0 prefix is not accepted).</summary>
    public IPNetwork? Source { get; init; }

    /// <summary>FRA_DST + dst_len: only packets to this prefix; null for any.</summary>
    public IPNetwork? Destination { get; init; }

    public RuleAction Action { get; init; } = RuleAction.ToTable;

    /// <summary>
    /// The table a <see cref="RuleAction.ToTable"/> rule looks up (required; ids above 255 go in FRA_TABLE);
    /// null for the dropping actions, which look nothing up.
    /// </summary>
    public uint? Table { get; init; }

    /// <summary>FRA_PROTOCOL; <see cref="RouteProtocols.DualHome"/> marks our rules, <see cref="RouteProtocols.Unspecified"/> sends none.</summary>
    public byte Protocol { get; init; } = RouteProtocols.DualHome;

    /// <summary>FIB_RULE_INVERT (<c>ip rule add not …</c>): the rule applies to packets its selectors do not match.</summary>
    public bool Invert { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for rules the kernel would reject or store differently.</summary>
    public void Validate()
    {
        ValidatePrefix(Source, nameof(Source));
        ValidatePrefix(Destination, nameof(Destination));
        ValidateInterfaceName(IncomingInterface, nameof(IncomingInterface));
        ValidateInterfaceName(OutgoingInterface, nameof(OutgoingInterface));
        if (!Enum.IsDefined(Action))
        {
            throw new ArgumentException($"unknown rule action {(byte)Action}", nameof(Action));
        }

        if (Action == RuleAction.ToTable && Table is null or 0)
        {
            // RT_TABLE_UNSPEC: the kernel answers EINVAL "Invalid table".
            throw new ArgumentException("a table lookup rule needs a table other than 0", nameof(Table));
        }

        if (Action != RuleAction.ToTable && Table is not null)
        {
            throw new ArgumentException($"a {Action} rule looks up no table", nameof(Table));
        }
    }

    private static void ValidatePrefix(IPNetwork? prefix, string name)
    {
        if (prefix is not { } network)
        {
            return;
        }

        if (network.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"{network} is not an IPv6 prefix", name);
        }

        if (network.PrefixLength == 0)
        {
            // The kernel ignores FRA_SRC/FRA_DST with length 0 and dumps no prefix: leave it null ("all").
            throw new ArgumentException($"{network} matches everything: leave {name} null", name);
        }
    }

    /// <summary>The kernel copies the name with nla_strscpy into char[IFNAMSIZ]; longer names would be cut.</summary>
    private static void ValidateInterfaceName(string? interfaceName, string name)
    {
        if (interfaceName is null)
        {
            return;
        }

        var length = Encoding.UTF8.GetByteCount(interfaceName);
        if (length is 0 or > MaxInterfaceNameLength || interfaceName.Any(c => c is '\0' or '/' || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException($"'{interfaceName}' is not a valid interface name", name);
        }
    }
}

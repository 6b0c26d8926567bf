using System.Buffers.Binary;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>RTM_NEWRULE / RTM_DELRULE / RTM_GETRULE with struct fib_rule_hdr (linux/fib_rules.h).</summary>
public static partial class NetlinkMessages
{
    /// <summary>RTM_NEWRULE with NLM_F_CREATE|NLM_F_EXCL (like <c>ip -6 rule add</c>): EEXIST if an identical rule exists.</summary>
    public static byte[] BuildNewRule(Ipv6Rule rule, uint sequence) =>
        BuildRule(RTM_NEWRULE, NewFlags | NetlinkConstants.NLM_F_EXCL, rule, (byte)rule.Action, sequence);

    /// <summary>
    /// RTM_DELRULE (like <c>ip -6 rule del</c>). The kernel deletes the first rule that matches every field
    /// given; a lookup rule is sent with FR_ACT_UNSPEC as iproute2 does (its table identifies it), a dropping
    /// rule with its action and table 0. FRA_PROTOCOL keeps a delete from touching other owners' rules.
    /// </summary>
    public static byte[] BuildDeleteRule(Ipv6Rule rule, uint sequence)
    {
        var action = rule.Action == RuleAction.ToTable ? FR_ACT_UNSPEC : (byte)rule.Action;
        return BuildRule(RTM_DELRULE, DeleteFlags, rule, action, sequence);
    }

    /// <summary>RTM_GETRULE dump of every IPv6 rule (like <c>ip -6 rule show</c>).</summary>
    public static byte[] BuildGetRules(uint sequence)
    {
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(RTM_GETRULE, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence);
        writer.Reserve(FibRuleHdrSize)[0] = AF_INET6;
        return writer.ToArray();
    }

    private static byte[] BuildRule(ushort messageType, ushort flags, Ipv6Rule rule, byte action, uint sequence)
    {
        rule.Validate();
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(messageType, flags, sequence);
        WriteFibRuleHdr(writer.Reserve(FibRuleHdrSize), rule, action);
        WriteRuleAttributes(ref writer, rule);
        return writer.ToArray();
    }

    /// <summary>struct fib_rule_hdr. Tables above 255 do not fit the u8: it says RT_TABLE_UNSPEC and FRA_TABLE carries the id.</summary>
    private static void WriteFibRuleHdr(Span<byte> header, Ipv6Rule rule, byte action)
    {
        var table = rule.Table ?? RT_TABLE_UNSPEC;
        header[0] = AF_INET6;
        header[1] = (byte)(rule.Destination?.PrefixLength ?? 0);
        header[2] = (byte)(rule.Source?.PrefixLength ?? 0);
        header[3] = 0; // tos: not used by DualHome
        header[4] = table <= byte.MaxValue ? (byte)table : RT_TABLE_UNSPEC;
        // res1, res2 stay 0
        header[7] = action;
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], rule.Invert ? FIB_RULE_INVERT : 0);
    }

    /// <summary>
    /// iproute2 writes attributes in command-line order; this is the order of
    /// <c>ip -6 rule add [not] iif IF oif IF from P to P lookup T pref N proto P</c>.
    /// </summary>
    private static void WriteRuleAttributes(ref NetlinkWriter writer, Ipv6Rule rule)
    {
        if (rule.IncomingInterface is { } incoming)
        {
            writer.WriteString(FRA_IIFNAME, incoming);
        }

        if (rule.OutgoingInterface is { } outgoing)
        {
            writer.WriteString(FRA_OIFNAME, outgoing);
        }

        if (rule.Source is { } source)
        {
            writer.WriteAddress(FRA_SRC, source.BaseAddress);
        }

        if (rule.Destination is { } destination)
        {
            writer.WriteAddress(FRA_DST, destination.BaseAddress);
        }

        if (rule.Table is { } table && table > byte.MaxValue)
        {
            writer.WriteUInt32(FRA_TABLE, table);
        }

        writer.WriteUInt32(FRA_PRIORITY, rule.Priority);
        if (rule.Protocol != RouteProtocols.Unspecified)
        {
            writer.WriteByte(FRA_PROTOCOL, rule.Protocol);
        }
    }
}

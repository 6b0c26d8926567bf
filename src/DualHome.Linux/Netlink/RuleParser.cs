using System.Buffers.Binary;
using System.Net;
using System.Text;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>
/// Turns an RTM_NEWRULE payload (struct fib_rule_hdr + FRA_* attributes) into an <see cref="Ipv6Rule"/>, the
/// inverse of <see cref="NetlinkMessages.BuildNewRule"/>: a dumped rule equals the one that was added.
/// A rule the model cannot state exactly is skipped (false), never reported as a broader rule: goto/nop
/// actions, tos, a set suppress_prefixlen/suppress_ifgroup, a prefix with host bits (the kernel keeps them),
/// and every selector not read here (fwmark, uid range, ports, ip proto, l3mdev, tunnel id, and those of
/// kernels newer than these constants: the kernel dumps such attributes only when they are set).
/// </summary>
internal static class RuleParser
{
    /// <summary>The s32 value of an unset FRA_SUPPRESS_PREFIXLEN / FRA_SUPPRESS_IFGROUP.</summary>
    private const int Unset = -1;

    public static bool TryParse(ReadOnlySpan<byte> payload, out Ipv6Rule? rule)
    {
        rule = null;
        if (payload.Length < FibRuleHdrSize || payload[0] != AF_INET6 || payload[3] != 0
            || !Enum.IsDefined((RuleAction)payload[7]))
        {
            return false;
        }

        var fields = new Fields { Table = payload[4] }; // FRA_TABLE, always dumped, overrides the u8
        var offset = 0;
        while (NetlinkReader.TryReadAttribute(payload[FibRuleHdrSize..], ref offset, out var type, out var value))
        {
            if (!Apply(ref fields, type, value))
            {
                return false;
            }
        }

        if (!TryPrefix(fields.Source, payload[2], out var source) || !TryPrefix(fields.Destination, payload[1], out var destination))
        {
            return false;
        }

        rule = new Ipv6Rule(fields.Priority)
        {
            IncomingInterface = fields.IncomingInterface,
            OutgoingInterface = fields.OutgoingInterface,
            Source = source,
            Destination = destination,
            Action = (RuleAction)payload[7],
            Table = fields.Table == RT_TABLE_UNSPEC ? null : fields.Table, // a dropping rule dumps table 0
            Protocol = fields.Protocol,
            // The other flags are state (FIB_RULE_IIF_DETACHED: no such interface yet), not part of the rule.
            Invert = (BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]) & FIB_RULE_INVERT) != 0,
        };
        return true;
    }

    /// <summary>False for an attribute that makes the rule narrower than the model can say.</summary>
    private static bool Apply(ref Fields fields, ushort type, ReadOnlySpan<byte> value)
    {
        switch (type)
        {
            case FRA_SRC when value.Length == 16:
                fields.Source = value.ToArray();
                return true;
            case FRA_DST when value.Length == 16:
                fields.Destination = value.ToArray();
                return true;
            case FRA_IIFNAME:
                fields.IncomingInterface = InterfaceName(value);
                return true;
            case FRA_OIFNAME:
                fields.OutgoingInterface = InterfaceName(value);
                return true;
            case FRA_PRIORITY when value.Length >= 4:
                fields.Priority = BinaryPrimitives.ReadUInt32LittleEndian(value);
                return true;
            case FRA_TABLE when value.Length >= 4:
                fields.Table = BinaryPrimitives.ReadUInt32LittleEndian(value);
                return true;
            case FRA_PROTOCOL when value.Length >= 1:
                fields.Protocol = value[0];
                return true;
            case FRA_SUPPRESS_PREFIXLEN or FRA_SUPPRESS_IFGROUP when value.Length >= 4:
                return BinaryPrimitives.ReadInt32LittleEndian(value) == Unset;
            case FRA_PAD:
                return true;
            default:
                return false;
        }
    }

    /// <summary>A NUL-terminated name (nla_put_string).</summary>
    private static string InterfaceName(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? value : value[..end]);
    }

    /// <summary>Length 0 is "all" (null); otherwise the address must be there and have no bits past the length.</summary>
    private static bool TryPrefix(byte[]? address, int length, out IPNetwork? prefix)
    {
        prefix = null;
        if (length == 0)
        {
            return true;
        }

        if (address is null || length > 128 || !HostBitsAreZero(address, length))
        {
            return false;
        }

        prefix = new IPNetwork(new IPAddress(address), length);
        return true;
    }

    private static bool HostBitsAreZero(byte[] address, int length)
    {
        for (var i = 0; i < address.Length; i++)
        {
            var networkBits = Math.Clamp(length - (8 * i), 0, 8);
            var hostMask = (byte)(0xff >> networkBits);
            if ((address[i] & hostMask) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private struct Fields
    {
        public byte[]? Source;
        public byte[]? Destination;
        public string? IncomingInterface;
        public string? OutgoingInterface;
        public uint Priority;
        public uint Table;
        public byte Protocol;
    }
}

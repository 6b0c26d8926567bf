using System.Net;
using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>
/// RTM_NEWRULE replies. rtm_newrule_dump.hex is the whole 580-byte datagram Linux 6.18 answered to
/// <c>ip -6 rule show</c> (strace -e read=3), one message per line, after the rules of
/// <see cref="RuleMessageGoldenTests"/> were added with iproute2 (lan0 and wana existing).
/// </summary>
public sealed class RuleParserTests
{
    /// <summary>The 1000 rule of the dump, as the kernel sends it.</summary>
    private const string LookupMainReply =
        """
        0a 00 40 00 fe 00 00 01 00000000
        0800 0f00 fe000000
        0800 0e00 ffffffff
        0500 1500 64 000000
        0900 0300 6c616e30 00 000000
        0800 0600 e8030000
        1400 0200 20010db8000a00010000000000000000
        """;
    // fib_rule_hdr: AF_INET6, dst_len 0, src_len 64, tos 0, table main, FR_ACT_TO_TBL, flags 0
    // FRA_TABLE 254 (always dumped), FRA_SUPPRESS_PREFIXLEN -1 (always dumped, unset),
    // FRA_PROTOCOL 100, FRA_IIFNAME "lan0", FRA_PRIORITY 1000, FRA_SRC 2001:db8:a:1::

    private static readonly Ipv6Rule LookupMainFromA = new(1000)
    {
        IncomingInterface = "lan0",
        Source = IPNetwork.Parse("2001:db8:a:1::/64"),
        Table = RouteTables.Main,
    };

    /// <summary>Every rule of the dump, in the kernel's (priority) order.</summary>
    private static readonly Ipv6Rule[] DumpedRules =
    [
        new(0) { Table = RouteTables.Local, Protocol = 2 }, // kernel default, RTPROT_KERNEL
        LookupMainFromA,
        new(1010) { IncomingInterface = "lan0", Action = RuleAction.Blackhole },
        new(1020) { Source = IPNetwork.Parse("2001:db8:c::/48"), Action = RuleAction.Unreachable },
        new(1030) { Destination = IPNetwork.Parse("2001:db8:d::/48"), Action = RuleAction.Prohibit },
        new(2000)
        {
            IncomingInterface = "lan0",
            OutgoingInterface = "wana",
            Source = IPNetwork.Parse("2001:db8:a::/48"),
            Destination = IPNetwork.Parse("2001:db8:b::/48"),
            Table = 1000,
            Invert = true,
        },
        new(32766) { Table = RouteTables.Main, Protocol = 2 },
    ];

    [Fact]
    public void LookupRule_ParsesToTheRuleThatWasAdded()
    {
        Assert.True(RuleParser.TryParse(Hex.Parse(LookupMainReply), out var rule));

        Assert.Equal(LookupMainFromA, rule);
    }

    [Fact]
    public void Dump_ParsesEveryRuleThenDone()
    {
        var bytes = Hex.Load("rtm_newrule_dump.hex");
        var offset = 0;
        var rules = new List<Ipv6Rule>();
        NetlinkMessage message;
        while (NetlinkReader.TryReadMessage(bytes, ref offset, out message) && message.Type == RtnetlinkConstants.RTM_NEWRULE)
        {
            Assert.Equal(NetlinkConstants.NLM_F_MULTI, message.Flags);
            Assert.True(RuleParser.TryParse(message.Payload, out var rule));
            rules.Add(rule!);
        }

        Assert.Equal(DumpedRules, rules);
        Assert.Equal((NetlinkConstants.NLMSG_DONE, 0), (message.Type, NetlinkAck.ReadDoneError(message)));
        Assert.Equal(580, bytes.Length);
        Assert.Equal(bytes.Length, offset);
    }

    /// <summary>Each dumped rule is valid, and building it again and parsing the request gives it back.</summary>
    [Fact]
    public void Dump_RulesRoundTripThroughTheBuilder()
    {
        foreach (var rule in DumpedRules)
        {
            rule.Validate();
            var built = NetlinkMessages.BuildNewRule(rule, 1);
            Assert.True(RuleParser.TryParse(built.AsSpan(NetlinkConstants.HeaderSize), out var reparsed));
            Assert.Equal(rule, reparsed);
        }
    }

    [Fact]
    public void DetachedInterfaceFlag_IsStateNotPartOfTheRule()
    {
        // FIB_RULE_IIF_DETACHED (8): rule for "lan0" added before lan0 existed.
        var payload = Hex.Parse("0a 00 00 00 00 00 00 06 08000000  0900 0300 6c616e30 00 000000  0800 0600 f2030000");

        Assert.True(RuleParser.TryParse(payload, out var rule));
        Assert.Equal(new Ipv6Rule(1010) { IncomingInterface = "lan0", Action = RuleAction.Blackhole, Protocol = 0 }, rule);
    }

    /// <summary>Rules the model cannot state exactly are skipped rather than reported as broader ones.</summary>
    [Theory]
    [InlineData("TooShort", "0a 00 00 00 fe 00 00")]
    [InlineData("Ipv4", "02 00 00 00 fe 00 00 01 00000000  0800 0600 e8030000")]
    [InlineData("GotoAction", "0a 00 00 00 00 00 00 02 00000000  0800 0400 d0070000  0800 0600 e8030000")]
    [InlineData("NopAction", "0a 00 00 00 00 00 00 03 00000000  0800 0600 e8030000")]
    [InlineData("Tos", "0a 00 00 10 fe 00 00 01 00000000  0800 0600 e8030000")]
    [InlineData("Fwmark", "0a 00 00 00 fe 00 00 01 00000000  0800 0a00 01000000  0800 0600 e8030000")]
    [InlineData("SuppressPrefixLengthSet", "0a 00 00 00 fe 00 00 01 00000000  0800 0e00 00000000  0800 0600 e8030000")]
    [InlineData("NewerSelector", "0a 00 00 00 fe 00 00 01 00000000  0500 1900 2e 000000  0800 0600 e8030000")]
    [InlineData("SourceWithHostBits", "0a 00 40 00 fe 00 00 01 00000000  1400 0200 20010db8000a00010000000000000005")]
    [InlineData("SourceLengthWithoutAddress", "0a 00 40 00 fe 00 00 01 00000000  0800 0600 e8030000")]
    [InlineData("SourceLengthAbove128", "0a 00 81 00 fe 00 00 01 00000000  1400 0200 20010db8000a00010000000000000000")]
    [InlineData("ShortSourceAddress", "0a 00 40 00 fe 00 00 01 00000000  0800 0200 20010db8")]
    public void Rule_NotRepresentable_ReturnsFalse(string name, string hex)
    {
        Assert.NotEmpty(name);
        Assert.False(RuleParser.TryParse(Hex.Parse(hex), out var rule));
        Assert.Null(rule);
    }

    [Fact]
    public void Rule_AttributeLongerThanPayload_Throws()
    {
        Assert.Throws<InvalidDataException>(
            () => RuleParser.TryParse(Hex.Parse("0a 00 00 00 fe 00 00 01 00000000  1000 0600 e8030000"), out _));
    }
}

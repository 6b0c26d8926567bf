using System.Net;
using System.Net.NetworkInformation;
using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>RTM_NEWADDR / RTM_NEWLINK replies captured from Linux 6.18 (strace -e read=3 of <c>ip -6 addr show dev v1</c>).</summary>
public sealed class ReplyParserTests
{
    /// <summary>One RTM_NEWADDR of a dump and the NLMSG_DONE that ends it, in one datagram.</summary>
    private const string AddressDump =
        """
        50000000 1400 2200 38e70b6b 621f0000
        0a 40 80 fd 02000000
        1400 0100 fe80000000000000c8f54afffe7f2c86
        1400 0600 ffffffff ffffffff 926d0000 926d0000
        0800 0800 80000000
        0500 0b00 03000000
        14000000 0300 2200 38e70b6b 621f0000 00000000
        """;
    // RTM_NEWADDR (20), NLM_F_MULTI|NLM_F_DUMP_FILTERED
    // ifaddrmsg: AF_INET6, /64, IFA_F_PERMANENT (0x80), scope link (253), ifindex 2
    // IFA_ADDRESS fe80::c8f5:4aff:fe7f:2c86
    // IFA_CACHEINFO preferred/valid forever, cstamp, tstamp
    // IFA_FLAGS 0x80; IFA_PROTO (11) 3 = kernel link-local (not read)
    // NLMSG_DONE, error 0

    [Fact]
    public void AddressDump_ParsesLinkLocalWithScopeAndLifetimes()
    {
        var bytes = Hex.Parse(AddressDump);
        var offset = 0;
        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var newAddress));

        Assert.True(AddressParser.TryParse(newAddress.Payload, out var address));
        Assert.Equal(
            new InterfaceAddress(IPAddress.Parse("fe80::c8f5:4aff:fe7f:2c86%2"), 64, 2, 253, 0x80, uint.MaxValue, uint.MaxValue),
            address);
        Assert.Equal(2, address!.Address.ScopeId);
        Assert.True(address.IsUsable);

        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var done));
        Assert.Equal((NetlinkConstants.NLMSG_DONE, 0), (done.Type, NetlinkAck.ReadDoneError(done)));
    }

    [Fact]
    public void Address_IfaFlagsAttribute_OverridesByteFlags()
    {
        // ifa_flags byte says 0, IFA_FLAGS says tentative (0x40).
        var payload = Hex.Parse("0a 40 00 00 05000000  1400 0100 20010db8000000000000000000000001  0800 0800 40000000");

        Assert.True(AddressParser.TryParse(payload, out var address));
        Assert.True(address!.IsTentative);
        Assert.False(address.IsUsable);
        Assert.Equal(0, address.Address.ScopeId); // a global address carries no scope id
    }

    [Theory]
    [InlineData("Ipv4", "02 18 00 00 05000000 0800 0100 c0000201")]
    [InlineData("NoAddressAttribute", "0a 40 00 00 05000000")]
    [InlineData("TooShort", "0a 40 00")]
    public void Address_NotUsable_ReturnsFalse(string name, string hex)
    {
        Assert.NotEmpty(name);
        Assert.False(AddressParser.TryParse(Hex.Parse(hex), out _));
    }

    /// <summary>A full 1124-byte RTM_NEWLINK for veth "v1" (ifindex 2, mtu 1500, up with carrier).</summary>
    [Fact]
    public void NewLink_Veth_ParsesNameIndexMacMtuState()
    {
        var bytes = Hex.Load("rtm_newlink_veth.hex");
        var offset = 0;
        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var message));
        Assert.Equal(RtnetlinkConstants.RTM_NEWLINK, message.Type);

        var link = LinkParser.Parse(message.Payload);

        Assert.Equal("v1", link.Name);
        Assert.Equal(2, link.Index);
        Assert.Equal(PhysicalAddress.Parse("ca-f5-4a-7f-2c-86"), link.MacAddress);
        Assert.Equal(1500, link.Mtu);
        Assert.Equal(LinkOperState.Up, link.OperState);
        Assert.True(link.IsUp);
        Assert.True(link.HasCarrier);
    }

    /// <summary>
    /// The RTM_NEWROUTE Linux 6.18 dumped for <c>ip -6 route add default from 2001:db8:a:1::/64 via fe80::1
    /// dev v0 proto 100 metric 1024 table 1000</c> (v0 = ifindex 3).
    /// </summary>
    private const string RouteReply =
        """
        88000000 1800 2200 7dea0b6b 8c730000
        0a 00 40 00 fc 64 00 01 00000000
        0800 0f00 e8030000
        1400 0200 20010db8000a00010000000000000000
        0800 0600 00040000
        1400 0500 fe800000000000000000000000000001
        0800 0400 03000000
        2400 0c00 0000000000000000000000000000000000000000000000000000000000000000
        0500 1400 00000000
        """;
    // rtmsg: AF_INET6, dst_len 0, src_len 64, tos 0, rtm_table RT_TABLE_COMPAT (252), protocol 100, universe, unicast
    // RTA_TABLE 1000, RTA_SRC, RTA_PRIORITY 1024, RTA_GATEWAY fe80::1, RTA_OIF 3,
    // RTA_CACHEINFO (12) and RTA_PREF (20): not read

    [Fact]
    public void Route_ParsesToTheRouteThatWasAdded()
    {
        var bytes = Hex.Parse(RouteReply);
        var offset = 0;
        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var message));
        Assert.Equal(bytes.Length, offset);

        Assert.True(RouteParser.TryParse(message.Payload, out var route));

        var added = new Ipv6Route(Ipv6Route.DefaultDestination)
        {
            Source = IPNetwork.Parse("2001:db8:a:1::/64"),
            Gateway = IPAddress.Parse("fe80::1"),
            OutputInterfaceIndex = 3,
            Metric = 1024,
            Table = 1000,
            Protocol = 100,
        };
        Assert.Equal(added, route);
    }

    [Theory]
    [InlineData("Ipv4", "02 00 00 00 fe 04 00 01 00000000")]
    [InlineData("LocalType", "0a 80 00 00 ff 02 fe 02 00000000")]
    [InlineData("TooShort", "0a 00 00 00 fe 04 00")]
    public void Route_NotOurKind_ReturnsFalse(string name, string hex)
    {
        Assert.NotEmpty(name);
        Assert.False(RouteParser.TryParse(Hex.Parse(hex), out _));
    }

    [Fact]
    public void NewLink_TooShort_Throws()
    {
        Assert.Throws<InvalidDataException>(() => LinkParser.Parse(new byte[8]));
    }
}

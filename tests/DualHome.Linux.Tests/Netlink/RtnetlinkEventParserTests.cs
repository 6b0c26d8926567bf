using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>RTNLGRP_LINK notifications captured from Linux 6.18 (see <see cref="NeighborParserTests"/> for the setup).</summary>
public sealed class RtnetlinkEventParserTests
{
    /// <summary><c>ip link set y down</c>: its peer x (ifindex 3) stays up but loses IFF_LOWER_UP (flags 0x1003).</summary>
    [Fact]
    public void NewLink_PeerDown_IsCarrierLost()
    {
        Assert.Equal(new LinkEvent(3, "x", HasCarrier: false, IsUp: true, Deleted: false), ParseOne("rtm_newlink_carrier_lost.hex"));
    }

    /// <summary><c>ip link del vp0</c> (ifindex 7, already down: flags 0x1002).</summary>
    [Fact]
    public void DelLink_IsDeleted_WithoutCarrier()
    {
        Assert.Equal(new LinkEvent(7, "vp0", HasCarrier: false, IsUp: false, Deleted: true), ParseOne("rtm_dellink_veth.hex"));
    }

    /// <summary>The RTM_NEWLINK of <see cref="ReplyParserTests"/>: up with carrier.</summary>
    [Fact]
    public void NewLink_UpWithCarrier()
    {
        Assert.Equal(new LinkEvent(2, "v1", HasCarrier: true, IsUp: true, Deleted: false), ParseOne("rtm_newlink_veth.hex"));
    }

    [Theory]
    [InlineData("Address", "18000000 1400 0000 00000000 00000000  0a 40 80 fd 02000000")]
    [InlineData("Noop", "10000000 0100 0000 00000000 00000000")]
    [InlineData("LinkTooShort", "18000000 1000 0000 00000000 00000000  00 00 0100 03000000")]
    [InlineData("LinkAttributeOverrun", "25000000 1000 0000 00000000 00000000  00 00 0100 03000000 03100000 00000000  0800 0300 78")]
    public void NotAnEvent_ReturnsFalse_WithoutThrowing(string name, string hex)
    {
        Assert.NotEmpty(name);
        var bytes = Hex.Parse(hex);
        var offset = 0;
        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var message));

        Assert.False(RtnetlinkEventParser.TryParse(message, out var ev));
        Assert.Null(ev);
    }

    private static RtnetlinkEvent ParseOne(string testDataFile)
    {
        var bytes = Hex.Load(testDataFile);
        var offset = 0;
        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var message));
        Assert.Equal(bytes.Length, offset);
        Assert.True(RtnetlinkEventParser.TryParse(message, out var ev));
        return ev;
    }
}

using System.Net;
using DualHome.Linux.Icmpv6;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Icmpv6;

/// <summary>cmsghdr chains as the 64-bit kernel lays them out: size_t cmsg_len, int level, int type, data, 8-byte padding.</summary>
public sealed class ControlMessagesTests
{
    /// <summary>IPV6_HOPLIMIT 255 then IPV6_PKTINFO ff02::2 on ifindex 7, as recvmsg returns them.</summary>
    private const string HopLimitAndPacketInfo =
        """
        1400000000000000 29000000 34000000 ff000000 00000000
        2400000000000000 29000000 32000000 ff020000000000000000000000000002 07000000 00000000
        """;
    // cmsg_len 20 = CMSG_LEN(4), IPPROTO_IPV6 (41), IPV6_HOPLIMIT (52), int 255, padding to 24
    // cmsg_len 36 = CMSG_LEN(20), IPPROTO_IPV6, IPV6_PKTINFO (50), in6_pktinfo { ff02::2, 7 }, padding to 40

    [Fact]
    public void Parse_HopLimitAndPacketInfo()
    {
        Assert.SkipUnless(nint.Size == 8, "the capture is laid out for a 64-bit size_t");

        var ancillary = ControlMessages.Parse(Hex.Parse(HopLimitAndPacketInfo));

        Assert.Equal(255, ancillary.HopLimit);
        Assert.True(ancillary.HasPacketInfo);
        Assert.Equal(7, ancillary.InterfaceIndex);
        Assert.Equal(IPAddress.Parse("ff02::2"), ancillary.Destination.ToAddress(0));
    }

    [Theory]
    [InlineData("Empty", "")]
    [InlineData("TooShortForHeader", "1400000000000000 29000000")]
    [InlineData("LengthBelowHeader", "0800000000000000 29000000 34000000")]
    [InlineData("LengthBeyondBuffer", "3000000000000000 29000000 34000000 ff000000")]
    [InlineData("OtherLevel", "1400000000000000 01000000 34000000 ff000000 00000000")]
    [InlineData("HopLimitTooShort", "1200000000000000 29000000 34000000 ff00 0000 00000000")]
    public void Parse_Malformed_LeavesFieldsAbsent(string name, string hex)
    {
        Assert.NotEmpty(name);
        Assert.SkipUnless(nint.Size == 8, "the cases are laid out for a 64-bit size_t");

        var ancillary = ControlMessages.Parse(Hex.Parse(hex));

        Assert.Equal(-1, ancillary.HopLimit);
        Assert.False(ancillary.HasPacketInfo);
    }

    [Fact]
    public void WritePacketInfo_LaysOutOneElement()
    {
        Assert.SkipUnless(nint.Size == 8, "the layout is for a 64-bit size_t");
        var buffer = new byte[64];

        var space = ControlMessages.WritePacketInfo(buffer, IPAddress.Parse("fe80::1").GetAddressBytes(), 3);

        Assert.Equal(40, space); // CMSG_SPACE(20)
        Hex.Equal(
            "2400000000000000 29000000 32000000 fe800000000000000000000000000001 03000000 00000000",
            buffer.AsSpan(0, space));
    }

    [Fact]
    public void WritePacketInfo_BufferTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => ControlMessages.WritePacketInfo(new byte[16], IPAddress.IPv6Loopback.GetAddressBytes(), 1));
    }
}

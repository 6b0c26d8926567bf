using DualHome.Wire.Ethernet;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Ethernet;

public class EthernetFrameTests
{
    private static readonly byte[] Header = Hex.Parse("""
        00005e005301 # destination: the router
        00005e005302 # source: the host
        86dd         # EtherType IPv6 (RFC 2464 §3)
        """);

    [Fact]
    public void TryRead_ReadsTheHeader()
    {
        byte[] frame = [.. Header, 0x60, 0x00];

        Assert.Equal(EthernetReadResult.Ok, EthernetFrame.TryRead(frame, out EthernetFrame ethernet));
        Assert.Equal(Mac.Parse("00:00:5e:00:53:01"), ethernet.Destination);
        Assert.Equal(Mac.Parse("00:00:5e:00:53:02"), ethernet.Source);
        Assert.Equal(EtherTypes.Ipv6, ethernet.EtherType);
        Assert.Equal([0x60, 0x00], ethernet.Payload.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(13)]
    public void TryRead_TooShort(int length)
    {
        Assert.Equal(EthernetReadResult.TooShort, EthernetFrame.TryRead(Header.AsSpan(0, length), out EthernetFrame ethernet));
        Assert.Equal(0, ethernet.Length);
    }

    [Fact]
    public void TryRead_HeaderOnly_IsAnEmptyPayload()
    {
        Assert.Equal(EthernetReadResult.Ok, EthernetFrame.TryRead(Header, out EthernetFrame ethernet));
        Assert.True(ethernet.Payload.IsEmpty);
    }

    [Theory]
    [InlineData("8100")] // IEEE 802.1Q C-TAG
    [InlineData("88a8")] // IEEE 802.1ad S-TAG
    [InlineData("9100")] // pre-standard QinQ
    public void TryRead_VlanTagged_IsReported(string tpid)
    {
        byte[] frame = Hex.Parse($"00005e005301 00005e005302 {tpid} 0064 86dd 6000");

        Assert.Equal(EthernetReadResult.VlanTagged, EthernetFrame.TryRead(frame, out _));
    }

    [Theory]
    [InlineData(54, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    [InlineData(1514, false)]
    public void MayBePadded_OnlyAtOrBelowTheMinimumFrame(int length, bool padded)
    {
        byte[] frame = new byte[length];
        Header.CopyTo(frame, 0);

        EthernetFrame.TryRead(frame, out EthernetFrame ethernet);

        Assert.Equal(padded, ethernet.MayBePadded);
    }

    [Fact]
    public void TryWriteHeader_MatchesTheGoldenBytes()
    {
        byte[] frame = new byte[14];

        Assert.True(EthernetFrame.TryWriteHeader(frame, Mac.Parse("00:00:5e:00:53:01"), Mac.Parse("00:00:5e:00:53:02"), EtherTypes.Ipv6));

        Assert.Equal(Hex.Format(Header), Hex.Format(frame));
    }

    [Fact]
    public void TryWrite_TooSmall_WritesNothing()
    {
        byte[] frame = new byte[13];

        Assert.False(EthernetFrame.TryWriteHeader(frame, Mac.Broadcast, Mac.Broadcast, EtherTypes.Ipv6));
        Assert.False(EthernetFrame.TryWriteAddresses(frame, Mac.Broadcast, Mac.Broadcast));
        Assert.All(frame, b => Assert.Equal(0, b));
    }
}

using DualHome.Wire.Ethernet;

namespace DualHome.Wire.Tests.Ethernet;

public class MacTests
{
    [Fact]
    public void ReadWrite_RoundTrips_InWireOrder()
    {
        byte[] bytes = [0x00, 0x00, 0x5e, 0x00, 0x53, 0x01, 0xee];
        Mac mac = Mac.Read(bytes);

        Assert.Equal(0x00005e005301UL, mac.Value);
        byte[] written = new byte[7];
        mac.Write(written);
        Assert.Equal(bytes[..6], written[..6]);
        Assert.Equal(0, written[6]); // nothing past the six octets
    }

    [Theory]
    [InlineData("00:00:5e:00:53:01", false, false)]
    [InlineData("33:33:00:00:00:01", true, false)]  // RFC 2464 §7: IPv6 multicast mapping
    [InlineData("01:00:5e:00:00:01", true, false)]
    [InlineData("ff:ff:ff:ff:ff:ff", true, true)]
    [InlineData("02:00:00:00:00:00", false, false)] // locally administered, still unicast
    public void GroupBits(string text, bool multicast, bool broadcast)
    {
        Mac mac = Mac.Parse(text);

        Assert.Equal(multicast, mac.IsMulticast);
        Assert.Equal(broadcast, mac.IsBroadcast);
        Assert.Equal(text, mac.ToString());
    }

    [Theory]
    [InlineData("00:00:5e:00:53")]
    [InlineData("00:00:5e:00:53:01:02")]
    [InlineData("00:00:5e:00:53:zz")]
    [InlineData("00:00:5e:00:53:123")]
    [InlineData("00:00:5e:00:53:1")]
    [InlineData("00:00:5e:00:53:+1")]
    public void Parse_RejectsNonMacs(string text)
    {
        Assert.Throws<FormatException>(() => Mac.Parse(text));
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(Mac.Parse("00-00-5e-00-53-01"), Mac.FromValue(0x00005e005301));
        Assert.True(Mac.Parse("00:00:5e:00:53:01") != Mac.Parse("00:00:5e:00:53:02"));
        Assert.Equal(Mac.Broadcast, Mac.FromValue(ulong.MaxValue)); // only 48 bits kept
    }
}

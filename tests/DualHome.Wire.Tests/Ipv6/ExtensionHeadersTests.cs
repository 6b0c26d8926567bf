using DualHome.Wire.Ipv6;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Ipv6;

public class ExtensionHeadersTests
{
    private const string Addresses = "20010db8000a0001 0000000000001234 20010db8ffff0000 0000000000000001";

    [Theory]
    [InlineData("11", "", IpProtocols.Udp, 40)]
    [InlineData("00", "3a 00 0000 00000000", IpProtocols.Icmpv6, 48)]                        // HBH, 8 bytes (RFC 8200 §4.3)
    [InlineData("3c", "3a 01 0000 00000000 0000000000000000", IpProtocols.Icmpv6, 56)]      // DestOpts, Hdr Ext Len 1: 16 bytes
    [InlineData("00", "2b 00 0000 00000000 11 00 0000 00000000", IpProtocols.Udp, 56)]       // HBH then Routing
    [InlineData("2c", "3a 00 0000 00000001", IpProtocols.Icmpv6, 48)]                        // first fragment (offset 0), id 1
    [InlineData("33", "3a 01 0000 00000000 00000000", IpProtocols.Icmpv6, 52)]               // AH, length 1: (1+2)*4 = 12 bytes (RFC 4302 §2.2)
    [InlineData("32", "abcdef01", IpProtocols.EncapsulatingSecurityPayload, 40)]            // ESP is opaque
    [InlineData("3b", "", IpProtocols.NoNextHeader, 40)]
    public void Found(string nextHeader, string chain, byte protocol, int offset)
    {
        Assert.Equal(UpperLayerResult.Found, Walk(nextHeader, chain, out byte p, out int o));
        Assert.Equal(protocol, p);
        Assert.Equal(offset, o);
    }

    [Theory]
    [InlineData("00", "")]                                  // HBH announced, nothing there
    [InlineData("00", "3a")]                                // one byte of it
    [InlineData("00", "3a 01 0000 00000000")]               // says 16 bytes, has 8
    [InlineData("2c", "3a 00 00")]                          // Fragment header cut short
    [InlineData("33", "3a 04 0000 00000000")]               // AH says 24 bytes
    public void Truncated(string nextHeader, string chain)
    {
        Assert.Equal(UpperLayerResult.Truncated, Walk(nextHeader, chain, out _, out _));
    }

    [Fact]
    public void NotFirstFragment_ReportsTheFragmentedProtocol()
    {
        Assert.Equal(UpperLayerResult.NotFirstFragment, Walk("2c", "3a 00 05a8 00000001 0000000000000000", out byte protocol, out _));
        Assert.Equal(IpProtocols.Icmpv6, protocol);
    }

    private static UpperLayerResult Walk(string nextHeader, string chain, out byte protocol, out int offset)
    {
        byte[] payload = Hex.Parse(chain);
        byte[] packet = Hex.Parse($"60000000 {payload.Length:x4} {nextHeader} 40 {Addresses}");
        packet = [.. packet, .. payload];
        Assert.Equal(Ipv6ReadResult.Ok, Ipv6Header.TryRead(packet, out Ipv6Header ip));
        return ExtensionHeaders.FindUpperLayer(ip, out protocol, out offset);
    }
}

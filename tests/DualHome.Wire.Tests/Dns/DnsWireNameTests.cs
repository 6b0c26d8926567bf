using DualHome.Wire.Dns;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Dns;

public class DnsWireNameTests
{
    [Theory]
    [InlineData("lan.example", "03 6c616e 07 6578616d706c65 00")]
    [InlineData("lan.example.", "03 6c616e 07 6578616d706c65 00")] // one trailing dot means the same name
    [InlineData("_srv-1.x", "06 5f7372762d31 01 78 00")]
    public void Write(string name, string hex)
    {
        byte[] expected = Hex.Parse(hex);
        byte[] buffer = new byte[64];
        Assert.Equal(expected.Length, DnsWireName.Measure(name));
        Assert.Equal(Hex.Format(expected), Hex.Format(buffer.AsSpan(0, DnsWireName.Write(name, buffer))));
    }

    [Fact]
    public void ReadList_StopsAtPadding()
    {
        var names = new List<string>();
        Assert.True(DnsWireName.TryReadList(Hex.Parse("01 61 00 01 62 01 63 00 0000"), names));
        Assert.Equal(["a", "b.c"], names);
    }

    [Fact]
    public void LongestLegalName_RoundTrips()
    {
        // RFC 1035 §2.3.4: 255 octets: 3 x (1 + 63) + (1 + 61) + 1.
        string name = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 61));
        byte[] buffer = new byte[255];
        Assert.Equal(255, DnsWireName.Write(name, buffer));
        var names = new List<string>();
        Assert.True(DnsWireName.TryReadList(buffer, names));
        Assert.Equal(name, names.Single());
        Assert.Throws<ArgumentException>(() => DnsWireName.Measure(name + "d"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a b")]
    [InlineData("ü.example")]
    public void Invalid_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => DnsWireName.Measure(name));
    }
}

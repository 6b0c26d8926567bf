using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Options;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>Each option writer against field-commented bytes (radvd test/send.c style), and read back.</summary>
public class OptionGoldenTests
{
    [Fact]
    public void SourceLinkLayerAddress()
    {
        AssertWritten("""
            01                # type 1 SLLA (RFC 4861 §4.6.1)
            01                # length 1 x 8 (Ethernet, RFC 2464 §6)
            00 00 5e 00 53 01 # MAC
            """, span => LinkLayerAddressOption.Write(NdOptionType.SourceLinkLayerAddress, RouterMac, span));
    }

    [Fact]
    public void TargetLinkLayerAddress()
    {
        AssertWritten("""
            02 01 00005e005302 # type 2 TLLA, length 1, MAC
            """, span => LinkLayerAddressOption.Write(NdOptionType.TargetLinkLayerAddress, HostMac, span));
    }

    [Fact]
    public void PrefixInformation()
    {
        var pio = new PrefixInformation(Net("2001:db8:a:1::/64"), OnLink: true, Autonomous: true, 86400, 14400);
        byte[] expected = AssertWritten("""
            03                                  # type 3 PIO (RFC 4861 §4.6.2)
            04                                  # length 4 x 8
            40                                  # prefix length 64
            c0                                  # L=1 A=1, reserved1 0
            00015180                            # valid lifetime 86400
            00003840                            # preferred lifetime 14400
            00000000                            # reserved2
            20010db8 000a0001 00000000 00000000 # prefix 2001:db8:a:1::
            """, span => PrefixInformationOption.Write(pio, span));
        Assert.Equal(pio, ReadOne(expected, PrefixInformationOption.Read).Prefixes.Single());
    }

    [Fact]
    public void PrefixInformation_DeprecatedOffLink()
    {
        var pio = new PrefixInformation(Net("2001:db8:b:1::/64"), OnLink: false, Autonomous: true, 7200, 0);
        AssertWritten("""
            03 04 40 40                         # PIO, length 4, /64, L=0 A=1
            00001c20                            # valid lifetime 7200
            00000000                            # preferred lifetime 0: deprecated (RFC 4862 §5.5.3)
            00000000                            # reserved2
            20010db8 000b0001 00000000 00000000 # prefix
            """, span => PrefixInformationOption.Write(pio, span));
    }

    [Fact]
    public void Mtu()
    {
        byte[] expected = AssertWritten("""
            05       # type 5 MTU (RFC 4861 §4.6.4)
            01       # length 1
            0000     # reserved
            000005dc # 1500
            """, span => MtuOption.Write(1500, span));
        Assert.Equal(1500u, ReadOne(expected, MtuOption.Read).Mtu);
    }

    [Theory]
    [InlineData("::/0", RouterPreference.High, """
        18 01    # type 24 RIO (RFC 4191 §2.3), length 1: /0 carries no prefix octets
        00       # prefix length 0
        08       # Resvd 000 | Prf 01 high | Resvd 000
        00000708 # route lifetime 1800
        """)]
    [InlineData("2001:db8:ffff::/48", RouterPreference.Low, """
        18 02             # RIO, length 2: up to /64 carries 8 prefix octets
        30                # prefix length 48
        18                # Prf 11 low
        00000708          # route lifetime 1800
        20010db8 ffff0000 # prefix, first 8 octets
        """)]
    [InlineData("2001:db8:1:2:3::/80", RouterPreference.Medium, """
        18 03                               # RIO, length 3: above /64 carries 16 prefix octets
        50                                  # prefix length 80
        00                                  # Prf 00 medium
        00000708                            # route lifetime 1800
        20010db8 00010002 00030000 00000000 # prefix
        """)]
    public void RouteInformation(string prefix, RouterPreference preference, string hex)
    {
        var rio = new RouteInformation(Net(prefix), preference, 1800);
        byte[] expected = AssertWritten(hex, span => RouteInformationOption.Write(rio, span));
        Assert.Equal(rio, ReadOne(expected, RouteInformationOption.Read).Routes.Single());
    }

    [Fact]
    public void RecursiveDnsServers()
    {
        var rdnss = new RecursiveDnsServers(600, [Ip("2001:db8:a:1::53"), Ip("2001:db8:b:1::53")]);
        byte[] expected = AssertWritten("""
            19                                  # type 25 RDNSS (RFC 8106 §5.1)
            05                                  # length 1 + 2 x 2 addresses
            0000                                # reserved
            00000258                            # lifetime 600
            20010db8 000a0001 00000000 00000053 # 2001:db8:a:1::53
            20010db8 000b0001 00000000 00000053 # 2001:db8:b:1::53
            """, span => RecursiveDnsServerOption.Write(rdnss, span));
        Assert.Equal(rdnss, ReadOne(expected, RecursiveDnsServerOption.Read).DnsServers.Single());
    }

    [Fact]
    public void DnsSearchList()
    {
        var dnssl = new DnsSearchList(600, ["lan.example", "example.com"]);
        byte[] expected = AssertWritten("""
            1f                           # type 31 DNSSL (RFC 8106 §5.2)
            05                           # length 5 x 8 = 8 fixed + 26 names + 6 padding
            0000                         # reserved
            00000258                     # lifetime 600
            03 6c616e 07 6578616d706c65 00 # 3 "lan" 7 "example" 0
            07 6578616d706c65 03 636f6d 00 # 7 "example" 3 "com" 0
            000000000000                 # zero padding to a multiple of 8 octets
            """, span => DnsSearchListOption.Write(dnssl, span));
        Assert.Equal(dnssl, ReadOne(expected, DnsSearchListOption.Read).SearchLists.Single());
    }

    private static byte[] AssertWritten(string annotatedHex, SpanWriter write)
    {
        byte[] expected = Hex.Parse(annotatedHex);
        byte[] buffer = new byte[expected.Length + 8];
        int written = write(buffer);
        Assert.Equal(Hex.Format(expected), Hex.Format(buffer.AsSpan(0, written)));
        return expected;
    }

    private static NdOptionSet ReadOne(byte[] option, NdOptionReader read)
    {
        var set = new NdOptionSet();
        Assert.Equal(NdOptionFault.None, read(option, set));
        return set;
    }

    private delegate int SpanWriter(Span<byte> destination);
}

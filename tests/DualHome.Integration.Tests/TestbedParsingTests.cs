using System.Buffers.Binary;
using System.Net;
using DualHome.Testbed;
using DualHome.Testbed.Capture;

namespace DualHome.Integration.Tests;

/// <summary>
/// The testbed's own oracles (RA decoder, pcap reader, iproute2/nft JSON parsers) — no root needed. If these
/// are wrong, every scenario's verdict is, so they get golden and malformed cases like the daemon's code.
/// </summary>
public sealed class TestbedParsingTests
{
    // An RA as radvd sends it in the testbed (RFC 4861 §4.2), field by field.
    private const string RadvdRa =
        "86 00 0000" +                                  // type 134, code 0, checksum (not checked here)
        "40 00 001e" +                                  // cur hop limit 64, flags 0, router lifetime 30 s
        "00000000 00000000" +                           // reachable time, retrans timer
        "03 04 40 c0 00015180 00003840 00000000" +      // PIO: /64, L+A, valid 86400, preferred 14400, reserved
        "20010db8000a0001 0000000000000000" +           //      2001:db8:a:1::
        "19 03 0000 0000001e" +                         // RDNSS: len 3, lifetime 30 s
        "20010db8000a0001 0000000000000053" +           //      2001:db8:a:1::53
        "05 01 0000 000005dc" +                         // MTU 1500
        "01 01 060941de65e2";                           // SLLA 06:09:41:de:65:e2

    private static byte[] Hex(string s) => Convert.FromHexString(s.Replace(" ", ""));

    [Fact]
    public void Decodes_a_radvd_router_advertisement()
    {
        var ra = RouterAdvertisement.TryParse(Hex(RadvdRa));

        Assert.NotNull(ra);
        Assert.Equal(64, ra.CurHopLimit);
        Assert.Equal(30, ra.RouterLifetime);
        Assert.Equal("medium", ra.Preference);
        var pio = Assert.Single(ra.Prefixes);
        Assert.Equal(IPNetwork.Parse("2001:db8:a:1::/64"), pio.Prefix);
        Assert.True(pio.OnLink && pio.Autonomous);
        Assert.Equal(86400u, pio.ValidLifetime);
        Assert.Equal(14400u, pio.PreferredLifetime);
        var rdnss = Assert.Single(ra.Rdnss);
        Assert.Equal(30u, rdnss.Lifetime);
        Assert.Equal(IPAddress.Parse("2001:db8:a:1::53"), Assert.Single(rdnss.Servers));
        Assert.Equal(1500u, ra.Mtu);
        Assert.Equal("060941de65e2", ra.SourceLinkLayer);
        Assert.Empty(ra.OtherOptions);
    }

    [Theory]
    [InlineData("TooShort", "86 00 0000 40 00 001e 00000000 000000")]
    [InlineData("NotAnRa", "85 00 0000 00000000")]
    [InlineData("NonZeroCode", "86 01 0000 40 00 001e 00000000 00000000")]
    [InlineData("ZeroLengthOption", "86 00 0000 40 00 001e 00000000 00000000 01 00 000000000000")]
    [InlineData("OptionOverrun", "86 00 0000 40 00 001e 00000000 00000000 03 04 40 c0 0000000000000000")]
    [InlineData("LoneOptionTypeByte", "86 00 0000 40 00 001e 00000000 00000000 01")]
    [InlineData("PrefixLength200", "86 00 0000 40 00 001e 00000000 00000000 03 04 c8 c0 00015180 00003840 00000000 20010db8000a0001 0000000000000000")]
    public void Rejects_malformed_router_advertisements(string name, string hex)
    {
        Assert.True(RouterAdvertisement.TryParse(Hex(hex)) is null, name);
    }

    [Fact]
    public void Reads_icmpv6_from_a_nanosecond_pcap()
    {
        var icmp = Hex(RadvdRa);
        var frame = new byte[14 + 40 + icmp.Length];
        frame[12] = 0x86; frame[13] = 0xdd;                                  // EtherType IPv6
        frame[14] = 0x60;                                                     // version 6
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(18), (ushort)icmp.Length);
        frame[20] = 58; frame[21] = 255;                                      // next header ICMPv6, hop limit 255
        IPAddress.Parse("fe80::1").GetAddressBytes().CopyTo(frame, 22);
        IPAddress.Parse("ff02::1").GetAddressBytes().CopyTo(frame, 38);
        icmp.CopyTo(frame, 54);
        var file = new byte[24 + 16 + frame.Length + 7];                     // 7 bytes of a record still being written
        BinaryPrimitives.WriteUInt32LittleEndian(file, 0xa1b23c4d);         // nanosecond magic
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20), 1);       // LINKTYPE_ETHERNET
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24), 1_700_000_000);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(28), 123_456_789);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(32), (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(36), (uint)frame.Length);
        frame.CopyTo(file, 40);

        var packet = Assert.Single(Pcap.Icmpv6(Pcap.Records(file)));

        Assert.Equal(1_700_000_000_123_456_789L, packet.UnixNanoseconds);
        Assert.Equal(IPAddress.Parse("fe80::1"), packet.Source);
        Assert.Equal(IPAddress.Parse("ff02::1"), packet.Destination);
        Assert.Equal(255, packet.HopLimit);
        Assert.Equal(134, packet.Type);
    }

    [Fact]
    public void Parses_ip_addresses_with_flags_and_skips_filtered_entries()
    {
        const string json = """
            [{"ifindex":3,"ifname":"eth0","addr_info":[{},
              {"family":"inet6","local":"2001:db8:a:1::2","prefixlen":64,"scope":"global","dynamic":true,"deprecated":true,
               "valid_life_time":86400,"preferred_life_time":0},
              {"family":"inet6","local":"fe80::1","prefixlen":64,"scope":"link","tentative":true,
               "valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
            """;

        var addrs = IpJson.Addresses(json);

        Assert.Equal(2, addrs.Count);
        Assert.True(addrs[0].Deprecated && addrs[0].Dynamic && !addrs[0].Preferred);
        Assert.Equal(0, addrs[0].PreferredLifetime);
        Assert.True(addrs[1].Tentative);
        Assert.Equal("eth0", addrs[1].Interface);
    }

    [Fact]
    public void Parses_source_routes()
    {
        const string json = """[{"dst":"default","from":"2001:db8:a:1::/64","gateway":"fe80::1","dev":"wana","metric":1024,"flags":[]}]""";

        var route = Assert.Single(IpJson.Routes(json));

        Assert.Equal("2001:db8:a:1::/64", route.From);
        Assert.Equal(IPAddress.Parse("fe80::1"), route.Gateway);
        Assert.Equal("default from 2001:db8:a:1::/64 via fe80::1 dev wana", route.ToString());
    }

    [Fact]
    public void Parses_isp_counters_and_per_source_counts()
    {
        const string counters = """
            {"nftables":[{"metainfo":{"version":"1.0.6"}},
              {"counter":{"family":"inet","name":"ingress_drop","table":"dualhome_isp","packets":2,"bytes":144}},
              {"counter":{"family":"inet","name":"rtr0_accepted","table":"dualhome_isp","packets":5,"bytes":368}},
              {"counter":{"family":"inet","name":"rtr0_foreign","table":"dualhome_isp","packets":0,"bytes":0}}]}
            """;
        const string set = """
            {"nftables":[{"metainfo":{"version":"1.0.6"}},{"set":{"family":"inet","name":"rtr0_src","table":"dualhome_isp",
              "elem":[{"elem":{"val":"2001:db8:a:1::2","counter":{"packets":5,"bytes":368}}}]}}]}
            """;

        var c = IspFilter.Parse(Isp.A, counters, set);

        Assert.Equal(2, c.IngressDrop);
        Assert.Equal(5, c.Rtr0Accepted);
        Assert.Equal(0, c.Rtr0Foreign);
        Assert.Equal(5, c.From(IPAddress.Parse("2001:db8:a:1::2")));
        Assert.Equal(0, c.From(IPAddress.Parse("2001:db8:b:1::2")));
    }

    [Fact]
    public void Isp_ruleset_filters_on_its_own_delegation()
    {
        var rules = IspFilter.Ruleset(Isp.B);

        Assert.Contains("""iifname "rtr0" ip6 saddr != 2001:db8:b::/48 counter name ingress_drop drop""", rules);
        Assert.DoesNotContain("chain fwd ", rules); // `fwd` is an nft keyword (testbed.md)
    }
}

using DualHome.Wire.Icmpv6;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>An RA sent by a real radvd 2.19 (Debian 12), read by us, and written back by us.</summary>
public class RadvdCaptureTests
{
    // Captured with tests/DualHome.Wire.Tests/TestData/capture-radvd.sh (as root): radvd -C radvd.conf -n -p pid
    // on r0 in netns dhwire-rtr, `tcpdump -i h0 -c 1 -w ra.pcap 'icmp6 and ip6[40] == 134'` in netns dhwire-host,
    // then `tcpdump -r ra.pcap -xx`. IPv6 header: hlim 255, fe80::200:5eff:fe00:5301 > ff02::1, payload 168.
    // Below: the ICMPv6 part (frame bytes 54..221).
    internal static readonly byte[] Captured = Hex.Parse("""
        86 00 6131                          # RA, code 0, checksum 0x6131 (tcpdump: "sum ok")
        40                                  # cur hop limit 64
        08                                  # M=0 O=0, Prf 01 high (AdvDefaultPreference high)
        0708                                # router lifetime 1800
        00000000                            # reachable time 0
        00000000                            # retrans timer 0
        03 04 40 c0 00015180 00003840       # PIO /64 L A, valid 86400, preferred 14400
        00000000                            #   reserved2
        20010db8 000a0001 00000000 00000000 #   2001:db8:a:1::
        03 04 40 c0 00015180 00000000       # PIO /64 L A, valid 86400, preferred 0
        00000000                            #   reserved2
        20010db8 000b0001 00000000 00000000 #   2001:db8:b:1::
        18 03 30 18 00000708                # RIO length 3 (radvd always uses 3), /48, Prf low, 1800
        20010db8 ffff0000 00000000 00000000 #   2001:db8:ffff::
        19 03 0000 00000258                 # RDNSS length 3, lifetime 600
        20010db8 000a0001 00000000 00000053 #   2001:db8:a:1::53
        1f 03 0000 00000258                 # DNSSL length 3, lifetime 600
        03 6c616e 07 6578616d706c65 00      #   "lan" "example"
        000000                              #   padding
        05 01 0000 000005dc                 # MTU 1500
        01 01 00005e005301                  # SLLA 00:00:5e:00:53:01
        """);

    internal static readonly RouterAdvertisement Expected = new()
    {
        CurHopLimit = 64,
        Preference = RouterPreference.High,
        RouterLifetime = 1800,
        SourceLinkLayerAddress = RouterMac,
        Mtu = 1500,
        Prefixes =
        [
            new PrefixInformation(Net("2001:db8:a:1::/64"), OnLink: true, Autonomous: true, 86400, 14400),
            new PrefixInformation(Net("2001:db8:b:1::/64"), OnLink: true, Autonomous: true, 86400, 0),
        ],
        Routes = [new RouteInformation(Net("2001:db8:ffff::/48"), RouterPreference.Low, 1800)],
        DnsServers = [new RecursiveDnsServers(600, [Ip("2001:db8:a:1::53")])],
        SearchLists = [new DnsSearchList(600, ["lan.example"])],
    };

    [Fact]
    public void ChecksumVerifies_WithTheCapturedAddresses()
    {
        Assert.True(Icmpv6Checksum.Verify(RouterLinkLocal, AllNodes, Captured));
        Assert.Equal(0x6131, Icmpv6Checksum.Compute(RouterLinkLocal, AllNodes, Captured));
    }

    [Fact]
    public void ReadsToTheConfiguredModel()
    {
        NdReadResult result = NdReader.TryRead(Captured, Frame(RouterLinkLocal, AllNodes), out RouterAdvertisement? ra, out NdOptionFault ignored);

        Assert.Equal(NdReadResult.Ok, result);
        Assert.Equal(NdOptionFault.None, ignored);
        Assert.Equal(Expected, ra);
    }

    [Fact]
    public void WritingTheModelBack_GivesRadvdsBytes_ExceptTheShorterRio()
    {
        // Same option order as radvd; our RIO for a /48 is Length 2 where radvd sends 3 (RFC 4191 §2.3 allows both).
        byte[] expected = Hex.Parse("86 00 0000")                               // type, code; checksum checked by Verify
            .Concat(Captured[4..80])                                              // rest of the header, both PIOs
            .Concat(Hex.Parse("18 02 30 18 00000708 20010db8 ffff0000"))         // RIO, Length 2
            .Concat(Captured[104..]).ToArray();                                   // RDNSS, DNSSL, MTU, SLLA
        byte[] buffer = new byte[expected.Length];

        int written = RouterAdvertisementWriter.WriteWithChecksum(Expected, buffer, RouterLinkLocal, AllNodes);

        Assert.Equal(expected.Length, written);
        Assert.Equal(Hex.Format(expected[4..]), Hex.Format(buffer.AsSpan(4)));
        Assert.True(Icmpv6Checksum.Verify(RouterLinkLocal, AllNodes, buffer));
    }
}

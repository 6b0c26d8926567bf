using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>Every message writer against field-commented bytes; checksum left 0 for the raw socket to fill.</summary>
public class MessageGoldenTests
{
    [Fact]
    public void RouterSolicitation()
    {
        AssertWritten("""
            85 00 0000         # type 133 RS (RFC 4861 §4.1), code 0, checksum 0
            00000000           # reserved
            01 01 00005e005302 # SLLA
            """, buffer => RouterSolicitationWriter.Write(new RouterSolicitation(HostMac), buffer));
    }

    [Fact]
    public void RouterSolicitation_WithoutSlla()
    {
        AssertWritten("""
            85 00 0000 # RS, code 0, checksum 0
            00000000   # reserved
            """, buffer => RouterSolicitationWriter.Write(new RouterSolicitation(null), buffer));
    }

    [Fact]
    public void RouterAdvertisement()
    {
        var ra = new RouterAdvertisement
        {
            CurHopLimit = 64,
            Managed = true,
            Preference = RouterPreference.High,
            RouterLifetime = 1800,
            ReachableTimeMs = 30000,
            RetransTimerMs = 1000,
            SourceLinkLayerAddress = RouterMac,
            Mtu = 1500,
            Prefixes =
            [
                new PrefixInformation(Net("2001:db8:a:1::/64"), true, true, 86400, 14400),
                new PrefixInformation(Net("2001:db8:b:1::/64"), true, true, 86400, 0),
            ],
            Routes = [new RouteInformation(Net("2001:db8:ffff::/48"), RouterPreference.Low, 1800)],
            DnsServers = [new RecursiveDnsServers(600, [Ip("2001:db8:a:1::53")])],
            SearchLists = [new DnsSearchList(600, ["lan.example"])],
        };
        AssertWritten("""
            86 00 0000                          # type 134 RA (RFC 4861 §4.2), code 0, checksum 0
            40                                  # cur hop limit 64
            88                                  # M=1 O=0 H=0 Prf=01 high (RFC 4191 §2.2)
            0708                                # router lifetime 1800
            00007530                            # reachable time 30000 ms
            000003e8                            # retrans timer 1000 ms
            03 04 40 c0 00015180 00003840       # PIO /64 L A, valid 86400, preferred 14400
            00000000                            #   reserved2
            20010db8 000a0001 00000000 00000000 #   2001:db8:a:1::
            03 04 40 c0 00015180 00000000       # PIO /64 L A, valid 86400, preferred 0 (deprecated)
            00000000                            #   reserved2
            20010db8 000b0001 00000000 00000000 #   2001:db8:b:1::
            18 02 30 18 00000708                # RIO length 2, /48, Prf low, lifetime 1800
            20010db8 ffff0000                   #   2001:db8:ffff::
            19 03 0000 00000258                 # RDNSS length 3, lifetime 600
            20010db8 000a0001 00000000 00000053 #   2001:db8:a:1::53
            1f 03 0000 00000258                 # DNSSL length 3, lifetime 600
            03 6c616e 07 6578616d706c65 00      #   "lan" "example"
            000000                              #   padding
            05 01 0000 000005dc                 # MTU 1500
            01 01 00005e005301                  # SLLA
            """, buffer => RouterAdvertisementWriter.Write(ra, buffer));
    }

    [Fact]
    public void RouterAdvertisement_Leaving()
    {
        // RFC 4861 §6.2.5: a router that stops advertising sends Router Lifetime 0; RFC 4191 §2.2: Prf then 00.
        var ra = new RouterAdvertisement { CurHopLimit = 64, RouterLifetime = 0 };
        AssertWritten("""
            86 00 0000 # RA, code 0, checksum 0
            40         # cur hop limit 64
            00         # no flags, Prf 00
            0000       # router lifetime 0: not a default router
            00000000   # reachable time unspecified
            00000000   # retrans timer unspecified
            """, buffer => RouterAdvertisementWriter.Write(ra, buffer));
    }

    [Fact]
    public void NeighborSolicitation()
    {
        AssertWritten("""
            87 00 0000                          # type 135 NS (RFC 4861 §4.3), code 0, checksum 0
            00000000                            # reserved
            fe800000 00000000 02005eff fe005301 # target
            01 01 00005e005302                  # SLLA
            """, buffer => NeighborSolicitationWriter.Write(new NeighborSolicitation(RouterLinkLocal, HostMac), buffer));
    }

    [Fact]
    public void NeighborAdvertisement()
    {
        var na = new NeighborAdvertisement(Router: true, Solicited: false, Override: true, RouterLinkLocal, RouterMac);
        AssertWritten("""
            88 00 0000                          # type 136 NA (RFC 4861 §4.4), code 0, checksum 0
            a0 000000                           # R=1 S=0 O=1, reserved
            fe800000 00000000 02005eff fe005301 # target
            02 01 00005e005301                  # TLLA
            """, buffer => NeighborAdvertisementWriter.Write(na, buffer));
    }

    private static void AssertWritten(string annotatedHex, SpanWriter write)
    {
        byte[] expected = Hex.Parse(annotatedHex);
        byte[] buffer = new byte[1500];
        int written = write(buffer);
        Assert.Equal(Hex.Format(expected), Hex.Format(buffer.AsSpan(0, written)));
    }

    private delegate int SpanWriter(Span<byte> buffer);
}

using System.Net;
using System.Net.NetworkInformation;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>Models that break a MUST are programming errors: the writers throw ArgumentException, naming the RFC.</summary>
public class WriterRulesTests
{
    private static readonly RouterAdvertisement Good = RadvdCaptureTests.Expected;

    public static TheoryData<string> RaViolationNames => new(RaViolations.Keys);

    private static readonly Dictionary<string, RouterAdvertisement> RaViolations = new()
    {
        ["RouterLifetime9001"] = Good with { RouterLifetime = 9001 },                                  // RFC 4861 §6.2.1
        ["ReservedPreference"] = Good with { Preference = RouterPreference.Reserved },                 // RFC 4191 §2.1
        ["HighPreferenceWithLifetime0"] = Good with { RouterLifetime = 0 },                            // RFC 4191 §2.2
        ["ReachableTimeOverAnHour"] = Good with { ReachableTimeMs = 3_600_001 },                       // RFC 4861 §6.2.1
        ["Mtu1279"] = Good with { Mtu = 1279 },                                                        // RFC 8200 §5
        ["SllaNotEthernet"] = Good with { SourceLinkLayerAddress = new PhysicalAddress(new byte[8]) }, // RFC 2464 §6
        ["PreferredOverValid"] = Good with { Prefixes = [new(Net("2001:db8:a:1::/64"), true, true, 600, 601)] }, // RFC 4861 §4.6.2
        ["Ipv4Prefix"] = Good with { Prefixes = [new(Net("192.0.2.0/24"), true, true, 600, 600)] },
        ["RioReservedPreference"] = Good with { Routes = [new(Net("2001:db8::/32"), RouterPreference.Reserved, 600)] }, // RFC 4191 §2.1
        ["RdnssEmpty"] = Good with { DnsServers = [new(600, [])] },                                    // RFC 8106 §5.1
        ["RdnssIpv4"] = Good with { DnsServers = [new(600, [IPAddress.Parse("192.0.2.53")])] },
        ["RdnssTooMany"] = Good with { DnsServers = [new(600, Enumerable.Repeat(Ip("2001:db8::53"), 128).ToList())] },
        ["DnsslEmpty"] = Good with { SearchLists = [new(600, [])] },                                   // RFC 8106 §5.2
        ["DnsslEmptyLabel"] = Good with { SearchLists = [new(600, ["lan..example"])] },                // RFC 1035 §2.3.4
        ["DnsslLabel64"] = Good with { SearchLists = [new(600, [new string('a', 64) + ".example"])] },
        ["DnsslSpace"] = Good with { SearchLists = [new(600, ["my lan.example"])] },
        ["DnsslOver255Units"] = Good with { SearchLists = [new(600, Enumerable.Repeat(new string('a', 60) + ".example", 40).ToList())] },
    };

    [Theory]
    [MemberData(nameof(RaViolationNames))]
    public void RouterAdvertisement_BreakingAMust_Throws(string name)
    {
        RouterAdvertisement ra = RaViolations[name];
        Assert.ThrowsAny<ArgumentException>(() => RaSizing.Measure(ra));
        Assert.ThrowsAny<ArgumentException>(() => RouterAdvertisementWriter.Write(ra, new byte[2048]));
    }

    [Fact]
    public void RouterAdvertisement_AtTheLimits_IsWritten()
    {
        var ra = Good with { RouterLifetime = 9000, ReachableTimeMs = 3_600_000, Mtu = 1280 };
        Assert.True(RouterAdvertisementWriter.TryWrite(ra, new byte[2048], out int written));
        Assert.Equal(RaSizing.Measure(ra), written);
    }

    [Fact]
    public void RouterAdvertisement_FromAGlobalSource_Throws() // RFC 4861 §4.2
    {
        Assert.Throws<ArgumentException>(() => RouterAdvertisementWriter.WriteWithChecksum(Good, new byte[2048], HostGlobal, AllNodes));
    }

    [Fact]
    public void Solicitations_FromUnspecifiedWithSlla_Throw() // RFC 4861 §4.1, §4.3
    {
        Assert.Throws<ArgumentException>(() =>
            RouterSolicitationWriter.WriteWithChecksum(new RouterSolicitation(HostMac), new byte[64], IPAddress.IPv6Any, AllRouters));
        Assert.Throws<ArgumentException>(() =>
            NeighborSolicitationWriter.WriteWithChecksum(new NeighborSolicitation(RouterLinkLocal, HostMac), new byte[64], IPAddress.IPv6Any, RouterSolicitedNode));
    }

    [Fact]
    public void MulticastTargets_Throw() // RFC 4861 §4.3, §4.4
    {
        Assert.Throws<ArgumentException>(() => NeighborSolicitationWriter.Write(new NeighborSolicitation(AllNodes, null), new byte[64]));
        Assert.Throws<ArgumentException>(() => NeighborAdvertisementWriter.Write(new NeighborAdvertisement(false, false, true, AllNodes, null), new byte[64]));
    }

    [Fact]
    public void SolicitedNeighborAdvertisement_ToMulticast_Throws() // RFC 4861 §4.4
    {
        var na = new NeighborAdvertisement(true, Solicited: true, true, RouterLinkLocal, RouterMac);
        Assert.Throws<ArgumentException>(() => NeighborAdvertisementWriter.WriteWithChecksum(na, new byte[64], RouterLinkLocal, AllNodes));
    }
}

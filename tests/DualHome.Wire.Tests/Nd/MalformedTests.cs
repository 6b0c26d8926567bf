using System.Net;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Nd;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>
/// Named malformed inputs (dotnet/runtime AsnDecoder test style), each with the exact reason it is dropped, or,
/// for a malformed option inside a valid message, the option fault. Unless a case says otherwise the checksum is
/// made valid for its addresses and verified, so each case exercises exactly one defect.
/// </summary>
public class MalformedTests
{
    private const string RaHeader = "86 00 0000 40 00 0708 00000000 00000000"; // RA, hop limit 64, lifetime 1800
    private const string RsHeader = "85 00 0000 00000000";
    private const string NsHeader = "87 00 0000 00000000 fe800000 00000000 02005eff fe005301"; // target router LL
    private const string NaHeader = "88 00 0000 20000000 fe800000 00000000 02005eff fe005301"; // O=1, target router LL
    private const string Slla = "01 01 00005e005302";
    private const string Pio64 = "03 04 40 c0 00015180 00003840 00000000 20010db8 000a0001 00000000 00000000";

    public sealed record Case(
        NdType ReadAs, string Hex, IPAddress Source, IPAddress Destination, NdReadResult Result,
        NdOptionFault Fault = NdOptionFault.None, byte HopLimit = 255, bool FillChecksum = true);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Packet-level drops, RFC 4861 §6.1.1 / §6.1.2 / §7.1.1 / §7.1.2.
        ["TooShort_IcmpHeader"] = Ra("86 00 00", NdReadResult.TooShort) with { FillChecksum = false },
        ["TooShort_RaHeaderTruncated"] = Ra("86 00 0000 40 00 0708 00000000", NdReadResult.TooShort),
        ["TooShort_RsHeaderTruncated"] = new(NdType.RouterSolicitation, "85 00 0000 0000", HostLinkLocal, AllRouters, NdReadResult.TooShort),
        ["TooShort_NaWithoutFullTarget"] = new(NdType.NeighborAdvertisement, "88 00 0000 20000000 fe800000 00000000 02005eff", RouterLinkLocal, HostLinkLocal, NdReadResult.TooShort),
        ["ZeroLengthOption"] = Ra(RaHeader + "01 00 00005e005301", NdReadResult.ZeroLengthOption),
        ["ZeroLengthOption_AfterAValidOne"] = Ra(RaHeader + Slla + "05 00 0000 000005dc", NdReadResult.ZeroLengthOption),
        ["OptionOverrunsPacket"] = Ra(RaHeader + "03 04 40 c0 00015180 00003840", NdReadResult.OptionOverrun),
        ["TrailingByte"] = Ra(RaHeader + Slla + "19", NdReadResult.OptionOverrun),
        ["TrailingBytes_NotAWholeOption"] = Ra(RaHeader + Slla + "19 01 00", NdReadResult.OptionOverrun),
        ["HopLimit254"] = Ra(RaHeader, NdReadResult.BadHopLimit) with { HopLimit = 254 },
        ["HopLimit1"] = Ra(RaHeader, NdReadResult.BadHopLimit) with { HopLimit = 1 },
        ["BadChecksum"] = Ra("86 00 1234 40 00 0708 00000000 00000000", NdReadResult.BadChecksum) with { FillChecksum = false },
        ["BadCode"] = Ra("86 01 0000 40 00 0708 00000000 00000000", NdReadResult.BadCode),
        ["RaFromGlobalSource"] = Ra(RaHeader, NdReadResult.BadSource) with { Source = Ip("2001:db8:a:1::1") },
        ["RaFromUnspecified"] = Ra(RaHeader, NdReadResult.BadSource) with { Source = IPAddress.IPv6Any },
        ["RsFromUnspecifiedWithSlla"] = new(NdType.RouterSolicitation, RsHeader + Slla, IPAddress.IPv6Any, AllRouters, NdReadResult.BadSource),
        ["NsTargetMulticast"] = new(NdType.NeighborSolicitation, "87 00 0000 00000000 ff020000 00000000 00000000 00000001", HostLinkLocal, AllNodes, NdReadResult.TargetMulticast),
        ["NsFromUnspecifiedToUnicast"] = new(NdType.NeighborSolicitation, NsHeader, IPAddress.IPv6Any, RouterLinkLocal, NdReadResult.BadDestination),
        ["NsFromUnspecifiedWithSlla"] = new(NdType.NeighborSolicitation, NsHeader + Slla, IPAddress.IPv6Any, RouterSolicitedNode, NdReadResult.BadSource),
        ["NaTargetMulticast"] = new(NdType.NeighborAdvertisement, "88 00 0000 20000000 ff020000 00000000 00000000 00000001", RouterLinkLocal, HostLinkLocal, NdReadResult.TargetMulticast),
        ["NaSolicitedToMulticast"] = new(NdType.NeighborAdvertisement, "88 00 0000 60000000 fe800000 00000000 02005eff fe005301", RouterLinkLocal, AllNodes, NdReadResult.SolicitedToMulticast),
        ["WrongType_NsReadAsRa"] = Ra(NsHeader, NdReadResult.WrongType),
        ["UnknownType_EchoRequest"] = Ra("80 00 0000 12340001", NdReadResult.UnknownType),
        ["UnknownType_Redirect"] = Ra("89 00 0000 00000000", NdReadResult.UnknownType),

        // Valid messages: the RFC says process them.
        ["Valid_RsFromUnspecifiedWithoutSlla"] = new(NdType.RouterSolicitation, RsHeader, IPAddress.IPv6Any, AllRouters, NdReadResult.Ok),
        ["Valid_UnsolicitedNaToAllNodes"] = new(NdType.NeighborAdvertisement, NaHeader, RouterLinkLocal, AllNodes, NdReadResult.Ok),
        ["Valid_UnknownOptionSkipped"] = Ra(RaHeader + "0e 01 b74a2c288f94", NdReadResult.Ok),
        ["Valid_PioInNsIgnored"] = new(NdType.NeighborSolicitation, NsHeader + Pio64, HostLinkLocal, RouterSolicitedNode, NdReadResult.Ok),
        ["Valid_TllaInRaIgnored"] = Ra(RaHeader + "02 01 00005e005301", NdReadResult.Ok),

        // Malformed known options: the message stays valid, the option is ignored (RFC 4191 §2.3, RFC 8106 §5).
        ["PioPrefixLengthOver128"] = Ra(RaHeader + "03 04 81 c0 00015180 00003840 00000000 20010db8 000a0001 00000000 00000000", NdReadResult.Ok, NdOptionFault.PrefixLengthOver128),
        ["PioLengthThree"] = Ra(RaHeader + "03 03 40 c0 00015180 00003840 00000000 20010db8 000a0001", NdReadResult.Ok, NdOptionFault.BadLength),
        ["MtuLengthTwo"] = Ra(RaHeader + "05 02 0000 000005dc 00000000 00000000", NdReadResult.Ok, NdOptionFault.BadLength),
        ["MtuTwice"] = Ra(RaHeader + "05 01 0000 000005dc 05 01 0000 000005d0", NdReadResult.Ok, NdOptionFault.Duplicate),
        ["SllaLengthTwo_NotEthernet"] = Ra(RaHeader + "01 02 00005e005301 00000000 00000000", NdReadResult.Ok, NdOptionFault.BadLength),
        ["RdnssLengthEven"] = Ra(RaHeader + "19 04 0000 00000258 20010db8 000a0001 00000000 00000053 00000000 00000000", NdReadResult.Ok, NdOptionFault.BadLength),
        ["RdnssTooShort_NoAddress"] = Ra(RaHeader + "19 01 0000 00000258", NdReadResult.Ok, NdOptionFault.BadLength),
        ["RioLengthFour"] = Ra(RaHeader + "18 04 30 18 00000708 20010db8 ffff0000 00000000 00000000 00000000 00000000", NdReadResult.Ok, NdOptionFault.BadLength),
        ["RioPrefixLengthOver128"] = Ra(RaHeader + "18 03 81 18 00000708 20010db8 ffff0000 00000000 00000000", NdReadResult.Ok, NdOptionFault.PrefixLengthOver128),
        ["RioPrefix65InLengthTwo"] = Ra(RaHeader + "18 02 41 18 00000708 20010db8 ffff0000", NdReadResult.Ok, NdOptionFault.PrefixLongerThanOption),
        ["RioPrefix1InLengthOne"] = Ra(RaHeader + "18 01 01 18 00000708", NdReadResult.Ok, NdOptionFault.PrefixLongerThanOption),
        ["RioReservedPreference"] = Ra(RaHeader + "18 02 30 10 00000708 20010db8 ffff0000", NdReadResult.Ok, NdOptionFault.ReservedPreference),
        ["DnsslLengthOne"] = Ra(RaHeader + "1f 01 0000 00000258", NdReadResult.Ok, NdOptionFault.BadLength),
        ["DnsslCompressionPointer"] = Ra(RaHeader + "1f 02 0000 00000258 03 6c616e c0 0c 00 00", NdReadResult.Ok, NdOptionFault.BadDomainName),
        ["DnsslNameWithoutRootLabel"] = Ra(RaHeader + "1f 02 0000 00000258 03 6c616e 03 6c616e", NdReadResult.Ok, NdOptionFault.BadDomainName),
        ["DnsslLabelRunsPastOption"] = Ra(RaHeader + "1f 02 0000 00000258 09 6c616e 00 000000", NdReadResult.Ok, NdOptionFault.BadDomainName),
        ["DnsslNonZeroPadding"] = Ra(RaHeader + "1f 02 0000 00000258 01 61 00 00 00 00 00 01", NdReadResult.Ok, NdOptionFault.BadDomainName),
        ["DnsslOnlyPadding"] = Ra(RaHeader + "1f 02 0000 00000258 00000000 00000000", NdReadResult.Ok, NdOptionFault.BadDomainName),
        ["DnsslSpaceInLabel"] = Ra(RaHeader + "1f 02 0000 00000258 03 6120 62 00 000000", NdReadResult.Ok, NdOptionFault.BadDomainName),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Reason(string name)
    {
        Case c = Cases[name];
        byte[] icmp = Hex.Parse(c.Hex);
        if (c.FillChecksum)
            Icmpv6Checksum.Fill(icmp, c.Source, c.Destination);

        (NdReadResult result, object? message, NdOptionFault fault) = Read(c, icmp);

        Assert.Equal(c.Result, result);
        Assert.Equal(c.Fault, fault);
        Assert.Equal(result == NdReadResult.Ok, message is not null); // nothing comes out of a dropped message
        if (result is not (NdReadResult.Ok or NdReadResult.WrongType))
            Assert.Equal(result, NdReader.Validate(icmp, Context(c))); // the allocation-free path agrees
    }

    [Fact]
    public void IgnoredOptions_AreLeftOutOfTheModel_AndTheRestIsKept()
    {
        byte[] icmp = Hex.Parse(RaHeader + "19 04 0000 00000258 20010db8 000a0001 00000000 00000053 00000000 00000000" + Pio64 + Slla);

        NdReader.TryRead(icmp, Raw(RouterLinkLocal, AllNodes), out RouterAdvertisement? ra, out NdOptionFault fault);

        Assert.Equal(NdOptionFault.BadLength, fault);
        Assert.Empty(ra!.DnsServers);
        Assert.Equal(Net("2001:db8:a:1::/64"), ra.Prefixes.Single().Prefix);
        Assert.Equal(HostMac, ra.SourceLinkLayerAddress);
    }

    [Fact]
    public void PioHostBitsPastThePrefixLength_AreIgnored()
    {
        // RFC 4861 §4.6.2: bits after the prefix length "MUST be initialized to zero by the sender and ignored by the receiver".
        byte[] icmp = Hex.Parse(RaHeader + "03 04 30 c0 00015180 00003840 00000000 20010db8 000a0001 00000000 000000ff");

        NdReader.TryRead(icmp, Raw(RouterLinkLocal, AllNodes), out RouterAdvertisement? ra);

        Assert.Equal(Net("2001:db8:a::/48"), ra!.Prefixes.Single().Prefix);
    }

    [Theory]
    [InlineData("00", 0, RouterPreference.Medium)]  // Prf 00
    [InlineData("08", 1800, RouterPreference.High)] // Prf 01
    [InlineData("18", 1800, RouterPreference.Low)]  // Prf 11
    [InlineData("10", 1800, RouterPreference.Medium)] // Prf 10 reserved: treated as medium (RFC 4191 §2.2)
    [InlineData("08", 0, RouterPreference.Medium)]  // lifetime 0: preference ignored (RFC 4191 §2.2)
    public void RaPreference(string flags, ushort lifetime, RouterPreference expected)
    {
        byte[] icmp = Hex.Parse($"86 00 0000 40 {flags} {lifetime:x4} 00000000 00000000");

        NdReader.TryRead(icmp, Raw(RouterLinkLocal, AllNodes), out RouterAdvertisement? ra);

        Assert.Equal(expected, ra!.Preference);
    }

    [Fact]
    public void Validate_DoesNotAllocate()
    {
        byte[] icmp = RadvdCaptureTests.Captured;
        byte[] source = RouterLinkLocal.GetAddressBytes(), destination = AllNodes.GetAddressBytes();
        NdReader.Validate(icmp, NdPacketContext.FromFrame(255, source, destination));
        int ok = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            ok += NdReader.Validate(icmp, NdPacketContext.FromFrame(255, source, destination)) == NdReadResult.Ok ? 1 : 0;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, ok);
    }

    private static Case Ra(string hex, NdReadResult result, NdOptionFault fault = NdOptionFault.None) =>
        new(NdType.RouterAdvertisement, hex, RouterLinkLocal, AllNodes, result, fault);

    private static NdPacketContext Context(Case c) => new(c.HopLimit, c.Source, c.Destination, verifyChecksum: true);

    private static (NdReadResult, object?, NdOptionFault) Read(Case c, byte[] icmp)
    {
        NdPacketContext context = Context(c);
        switch (c.ReadAs)
        {
            case NdType.RouterSolicitation:
                return (NdReader.TryRead(icmp, context, out RouterSolicitation? rs, out NdOptionFault f1), rs, f1);
            case NdType.RouterAdvertisement:
                return (NdReader.TryRead(icmp, context, out RouterAdvertisement? ra, out NdOptionFault f2), ra, f2);
            case NdType.NeighborSolicitation:
                return (NdReader.TryRead(icmp, context, out NeighborSolicitation? ns, out NdOptionFault f3), ns, f3);
            default:
                return (NdReader.TryRead(icmp, context, out NeighborAdvertisement? na, out NdOptionFault f4), na, f4);
        }
    }
}

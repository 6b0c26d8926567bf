using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Tests.Support;

namespace DualHome.DataPlane.Tests.Forwarding;

/// <summary>
/// Named malformed frames, each with the one reason it is dropped and counted (dotnet/runtime's named-case style).
/// Each differs from <see cref="Valid"/> — a scapy-built UDP frame from 2001:db8:a:1::1234 — in one defect.
/// </summary>
public class MalformedTests
{
    private const string Valid = """
        00005e005301 00005e005302 86dd    # to the router, from the host
        60000000 0010 11 40               # payload 16, UDP, hop limit 64
        20010db8000a0001 0000000000001234 # 2001:db8:a:1::1234
        20010db8ffff0000 0000000000000001 # 2001:db8:ffff::1
        9c40 01bb 0010 586a 6475616c686f6d65
        """;

    private const string Addresses = "20010db8000a0001 0000000000001234 20010db8ffff0000 0000000000000001";

    private static readonly Dictionary<string, (string Hex, DropReason Reason)> Cases = new()
    {
        ["Empty"] = ("", DropReason.TooShortForEthernet),
        ["TooShortForEthernet"] = ("00005e005301 00005e005302 86", DropReason.TooShortForEthernet),
        ["VlanTagged"] = ("00005e005301 00005e005302 8100 0064 86dd 60000000 0000 3b 40" + Addresses, DropReason.VlanTagged),
        ["QinQTagged"] = ("00005e005301 00005e005302 88a8 0064 8100 0065 86dd", DropReason.VlanTagged),
        ["TooShortForIpv6_HeaderOnly"] = ("00005e005301 00005e005302 86dd", DropReason.TooShortForIpv6),
        ["TooShortForIpv6_39Bytes"] = ("00005e005301 00005e005302 86dd 60000000 0000 3b 40 20010db8000a0001 0000000000001234 20010db8ffff0000 00000000000000", DropReason.TooShortForIpv6),
        ["Version4In86dd"] = ("00005e005301 00005e005302 86dd 45000054 00000000 40010000 c0000201 c6336401" + Addresses, DropReason.BadVersion),
        ["Version0"] = ("00005e005301 00005e005302 86dd 00000000 0000 3b 40" + Addresses, DropReason.BadVersion),
        ["PayloadLengthTooLong"] = ("00005e005301 00005e005302 86dd 60000000 0011 11 40" + Addresses + "9c40 01bb 0010 586a 6475616c686f6d65", DropReason.PayloadLengthTooLong),
        ["PayloadLengthTooLong_Max"] = ("00005e005301 00005e005302 86dd 60000000 ffff 11 40" + Addresses + "9c40 01bb", DropReason.PayloadLengthTooLong),
        ["PayloadLengthTooShort_ExtraByte"] = (Valid + "00", DropReason.PayloadLengthTooShort),
        ["PayloadLengthTooShort_ZeroWithData"] = ("00005e005301 00005e005302 86dd 60000000 0000 11 40" + Addresses + "9c40 01bb 0008 0000 00000000", DropReason.PayloadLengthTooShort),
        ["OtherHost"] = ("00005e005399 00005e005302 86dd 60000000 0000 3b 40" + Addresses, DropReason.OtherHost),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Reason(string name)
    {
        var site = new Site();
        (string hex, DropReason reason) = Cases[name];

        ForwardDecision decision = site.Classify(Hex.Parse(hex), Port.Lan);

        Assert.Equal(ForwardDecision.Drop(reason), decision);
        Assert.Equal([new DropCount("lan0", reason, 1)], site.Drops.Snapshot());
    }

    /// <summary>The workers' sockets take every EtherType (ETH_P_ALL, so their tap runs before the ingress drop):
    /// IPv4, ARP and 802.3 frames are the kernel's, which has its own copy; nothing to count.</summary>
    [Theory]
    [InlineData("00005e005301 00005e005302 0800 45000014 00000000 40000000 c0000201 c6336401")]
    [InlineData("00005e005301 00005e005302 0806 0001 0800 0604 0001")]
    [InlineData("00005e005301 00005e005302 0026 aaaa03 000000")]
    public void NotIpv6_IsLeftToTheKernel_Uncounted(string hex)
    {
        var site = new Site();
        Assert.Equal(ForwardDecision.ToKernel, site.Classify(Hex.Parse(hex), Port.Lan));
        Assert.Empty(site.Drops.Snapshot());
    }

    [Fact]
    public void ValidFrame_IsForwarded()
    {
        Assert.Equal(ForwardAction.ForwardToUplink, new Site().Classify(Hex.Parse(Valid), Port.Lan).Action);
    }

    [Theory]
    [InlineData(2)]  // payload 2: 56 bytes + 4 bytes of padding
    [InlineData(6)]  // payload 6: exactly 60
    public void MinimumFramePadding_IsAccepted(int payloadLength)
    {
        byte[] frame = Frames.Ipv6(Site.HostA, Site.Server, payloadLength: payloadLength);
        byte[] padded = [.. frame, .. new byte[60 - frame.Length]];

        Assert.Equal(ForwardAction.ForwardToUplink, new Site().Classify(padded, Port.Lan).Action);
    }

    [Fact]
    public void PaddingPastTheMinimumFrame_IsNot()
    {
        byte[] frame = Frames.Ipv6(Site.HostA, Site.Server, payloadLength: 7); // 61 bytes
        byte[] padded = [.. frame, 0];

        Assert.Equal(ForwardDecision.Drop(DropReason.PayloadLengthTooShort), new Site().Classify(padded, Port.Lan));
    }
}

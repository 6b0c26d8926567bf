using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Tests.Support;

namespace DualHome.DataPlane.Tests.Forwarding;

/// <summary>The rewrite step on golden frames; both the input and the expected output were built by scapy
/// (the output with hop limit 63 and the new MACs: the UDP checksum is the same, as IPv6 needs).</summary>
public class RewriteTests
{
    private const string FromHost = """
        00005e005301 00005e005302 86dd    # to the router's LAN MAC, from the host
        60000000 0010 11 40               # payload 16, UDP, hop limit 64
        20010db8000a0001 0000000000001234 # 2001:db8:a:1::1234
        20010db8ffff0000 0000000000000001 # 2001:db8:ffff::1
        9c40 01bb 0010 586a 6475616c686f6d65
        """;

    private const string ToIspA = """
        00005e0053a0 00005e0053a1 86dd    # to ISP A's gateway, from wana
        60000000 0010 11 3f               # hop limit 63
        20010db8000a0001 0000000000001234
        20010db8ffff0000 0000000000000001
        9c40 01bb 0010 586a 6475616c686f6d65
        """;

    [Fact]
    public void LanToUplinkA_MatchesScapy()
    {
        var site = new Site();
        byte[] frame = Hex.Parse(FromHost);

        ForwardDecision decision = site.Classify(frame, Port.Lan);

        Assert.True(Forwarder.TryRewrite(frame, decision));
        Assert.Equal(Hex.Format(Hex.Parse(ToIspA)), Hex.Format(frame));
    }

    [Fact]
    public void UplinkToLan_SetsTheHostMacAndTheLanPortMac()
    {
        var site = new Site();
        byte[] frame = Frames.FromIspA(Site.Server, Site.HostA, hopLimit: 2);

        ForwardDecision decision = site.Classify(frame, Site.WanA);

        Assert.True(Forwarder.TryRewrite(frame, decision));
        Assert.Equal(Mac.Parse(Site.HostMac), Mac.Read(frame));
        Assert.Equal(Mac.Parse(Site.RouterMac), Mac.Read(frame.AsSpan(6)));
        Assert.Equal(1, frame[14 + 7]);
    }

    [Fact]
    public void NonForwardDecisions_LeaveTheFrameAlone()
    {
        var site = new Site();
        byte[] frame = Frames.Ipv6("2001:db8:c::1", Site.Server);
        byte[] before = (byte[])frame.Clone();

        Assert.False(Forwarder.TryRewrite(frame, site.Classify(frame, Port.Lan)));
        Assert.Equal(before, frame);
    }

    [Fact]
    public void ReleasedPendingFrame_IsRewrittenForItsEgress()
    {
        var site = new Site();
        byte[] frame = Frames.FromIspA(Site.Server, "2001:db8:a:1::9999");
        Assert.Equal(ForwardAction.AwaitNeighbor, site.Classify(frame, Site.WanA).Action);

        Assert.True(site.Forwarder.TryRewriteResolved(frame, Port.Lan, Mac.Parse("00:00:5e:00:53:99")));

        Assert.Equal("00005e00539900005e00530186dd", Hex.Format(frame.AsSpan(0, 14)));
        Assert.Equal(63, frame[14 + 7]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public void FrameRewriter_RefusesWhatIsNotAnIpv6Frame(int length)
    {
        Assert.False(FrameRewriter.TryRewrite(new byte[length], Mac.Broadcast, Mac.Broadcast));
    }
}

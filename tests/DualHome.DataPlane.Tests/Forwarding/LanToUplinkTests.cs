using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Prefixes;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;
using static DualHome.DataPlane.Tests.Support.Site;

namespace DualHome.DataPlane.Tests.Forwarding;

/// <summary>LAN → uplink: the source prefix picks the exit (SADR); policy, hop limit and MTU are answered with
/// ICMPv6 errors.</summary>
public class LanToUplinkTests
{
    private readonly Site _site = new();

    [Theory]
    [InlineData(HostA, 0, GatewayAMac, WanAMac)]
    [InlineData(HostB, 1, GatewayBMac, WanBMac)]
    [InlineData("2001:db8:a:ff::1", 0, GatewayAMac, WanAMac)] // any source in the /48, not only the LAN /64
    public void SourcePrefix_PicksTheUplink(string source, int uplink, string gatewayMac, string egressMac)
    {
        ForwardDecision decision = _site.Classify(Frames.Ipv6(source, Server), Port.Lan);

        Assert.Equal(ForwardAction.ForwardToUplink, decision.Action);
        Assert.Equal(Port.Uplink(uplink), decision.Egress);
        Assert.Equal(Mac.Parse(gatewayMac), decision.NextHop);
        Assert.Equal(Mac.Parse(egressMac), decision.EgressMac);
        Assert.Empty(_site.Drops.Snapshot());
    }

    [Fact]
    public void SourceInNoSitePrefix_IsAnsweredWithCode5_NeverForwarded()
    {
        ForwardDecision decision = _site.Classify(Frames.Ipv6("2001:db8:c:1::1", Server), Port.Lan);

        AssertAnswered(decision, Icmpv6Error.SourceAddressFailedPolicy, DropReason.SourceNotInSite);
        Assert.Equal(1, _site.Drops.Get(Port.Lan, DropReason.SourceNotInSite));
    }

    [Fact]
    public void UplinkDown_SourcesInItsPrefixGetCode5_TheOtherPrefixStillFlows_AndRecoveryRestores()
    {
        _site.SetUp(0, false);

        AssertAnswered(_site.Classify(Frames.Ipv6(HostA, Server), Port.Lan), Icmpv6Error.SourceAddressFailedPolicy, DropReason.UplinkDown);
        Assert.Equal(Port.Uplink(1), _site.Classify(Frames.Ipv6(HostB, Server), Port.Lan).Egress);

        _site.SetUp(0, true);

        Assert.Equal(Port.Uplink(0), _site.Classify(Frames.Ipv6(HostA, Server), Port.Lan).Egress);
        Assert.Equal(1, _site.Drops.Get(Port.Lan, DropReason.UplinkDown));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(255, true)]
    public void HopLimit_AtMostOne_IsTimeExceeded(byte hopLimit, bool forwarded)
    {
        ForwardDecision decision = _site.Classify(Frames.Ipv6(HostA, Server, hopLimit), Port.Lan);

        if (forwarded)
            Assert.Equal(ForwardAction.ForwardToUplink, decision.Action);
        else
            AssertAnswered(decision, Icmpv6Error.HopLimitExceeded, DropReason.HopLimitExceeded);
    }

    [Fact]
    public void UplinkDown_TakesPrecedenceOverHopLimit()
    {
        _site.SetUp(1, false);

        AssertAnswered(_site.Classify(Frames.Ipv6(HostB, Server, hopLimit: 1), Port.Lan), Icmpv6Error.SourceAddressFailedPolicy, DropReason.UplinkDown);
    }

    [Theory]
    [InlineData(WanBMtu, true)]
    [InlineData(WanBMtu + 1, false)]
    public void LargerThanTheEgressMtu_IsPacketTooBig_WithThatMtu(int ipLength, bool forwarded)
    {
        ForwardDecision decision = _site.Classify(Frames.Ipv6(HostB, Server, payloadLength: ipLength - 40), Port.Lan);

        if (forwarded)
            Assert.Equal(Port.Uplink(1), decision.Egress);
        else
            AssertAnswered(decision, Icmpv6Error.PacketTooBig(WanBMtu), DropReason.TooBig);
    }

    [Fact]
    public void HopLimitIsCheckedBeforeTheMtu()
    {
        AssertAnswered(_site.Classify(Frames.Ipv6(HostB, Server, hopLimit: 1, payloadLength: 1500), Port.Lan), Icmpv6Error.HopLimitExceeded, DropReason.HopLimitExceeded);
    }

    [Fact]
    public void GsoSuperFrame_IsCheckedPerSegment()
    {
        byte[] superFrame = Frames.Ipv6(HostB, Server, payloadLength: 9000);

        Assert.Equal(ForwardAction.ForwardToUplink, _site.Forwarder.Classify(superFrame, Port.Lan, largestSegment: 14 + WanBMtu).Action);
        AssertAnswered(_site.Forwarder.Classify(superFrame, Port.Lan, largestSegment: 14 + WanBMtu + 1), Icmpv6Error.PacketTooBig(WanBMtu), DropReason.TooBig);
    }

    [Fact]
    public void DestinationOnTheLan_GoesBackOntoTheLan()
    {
        ForwardDecision decision = _site.Classify(Frames.Ipv6(HostA, HostB), Port.Lan);

        Assert.Equal(ForwardAction.ForwardToLan, decision.Action);
        Assert.Equal(Mac.Parse(HostMac), decision.NextHop);
        Assert.Equal(Mac.Parse(RouterMac), decision.EgressMac);
    }

    [Fact]
    public void DestinationInADelegatedPrefixButOnNoLan_IsDropped_NotSentBackToTheIsp()
    {
        Assert.Equal(ForwardDecision.Drop(DropReason.NoRoute), _site.Classify(Frames.Ipv6(HostA, "2001:db8:b:2::1"), Port.Lan));
    }

    [Fact]
    public void GatewayNotResolved_AwaitsTheNeighbor()
    {
        _site.WanANeighbors.Remove("fe80::1");

        ForwardDecision decision = _site.Classify(Frames.Ipv6(HostA, Server), Port.Lan);

        Assert.Equal(ForwardAction.AwaitNeighbor, decision.Action);
        Assert.Equal(Port.Uplink(0), decision.Egress);
        Assert.Equal(Ipv6Key.From(System.Net.IPAddress.Parse("fe80::1")), decision.NextHopAddress);
    }

    private static void AssertAnswered(ForwardDecision decision, Icmpv6Error error, DropReason reason)
    {
        Assert.Equal(ForwardAction.IcmpError, decision.Action);
        Assert.Equal(error, decision.Error);
        Assert.Equal(reason, decision.Reason);
    }
}

using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Prefixes;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;
using static DualHome.DataPlane.Tests.Support.Site;

namespace DualHome.DataPlane.Tests.Forwarding;

/// <summary>Uplink → LAN: by destination prefix, host MAC from the neighbor table.</summary>
public class UplinkToLanTests
{
    private readonly Site _site = new();

    [Theory]
    [InlineData(HostA)]
    [InlineData(HostB)] // B's prefix arriving on A's uplink is delivered too: inbound asymmetry is harmless
    public void LanDestination_IsForwardedToTheHost(string destination)
    {
        ForwardDecision decision = _site.Classify(Frames.FromIspA(Server, destination), WanA);

        Assert.Equal(ForwardAction.ForwardToLan, decision.Action);
        Assert.Equal(Port.Lan, decision.Egress);
        Assert.Equal(Mac.Parse(HostMac), decision.NextHop);
        Assert.Equal(Mac.Parse(RouterMac), decision.EgressMac);
    }

    [Fact]
    public void UnknownHost_AwaitsItsNeighborEntry()
    {
        ForwardDecision decision = _site.Classify(Frames.FromIspA(Server, "2001:db8:a:1::9999"), WanA);

        Assert.Equal(ForwardAction.AwaitNeighbor, decision.Action);
        Assert.Equal(Port.Lan, decision.Egress);
        Assert.Equal(Ipv6Key.From(System.Net.IPAddress.Parse("2001:db8:a:1::9999")), decision.NextHopAddress);
    }

    [Theory]
    [InlineData("2001:db8:ffff::2")] // transit to elsewhere on the Internet
    [InlineData("2001:db8:a:2::1")]  // inside the delegated /48, on no LAN
    public void NonLanDestination_IsDroppedSilently(string destination)
    {
        Assert.Equal(ForwardDecision.Drop(DropReason.NoRoute), _site.Classify(Frames.FromIspA(Server, destination), WanA));
        Assert.Equal(1, _site.Drops.Get(WanA, DropReason.NoRoute));
    }

    [Fact]
    public void HopLimitOne_IsTimeExceeded()
    {
        ForwardDecision decision = _site.Classify(Frames.FromIspA(Server, HostA, hopLimit: 1), WanA);

        Assert.Equal(ForwardDecision.Answer(Icmpv6Error.HopLimitExceeded, DropReason.HopLimitExceeded), decision);
        Assert.Equal(1, _site.Drops.Get(WanA, DropReason.HopLimitExceeded));
    }

    [Fact]
    public void GsoSegmentsLargerThanTheLanMtu_ArePacketTooBig()
    {
        byte[] frame = Frames.FromIspA(Server, HostA, payloadLength: 3000);

        Assert.Equal(Icmpv6Error.PacketTooBig(1500), _site.Forwarder.Classify(frame, WanA, largestSegment: 1515).Error);
    }

    [Fact]
    public void FrameForTheOtherUplinksMac_IsNotOurs()
    {
        Assert.Equal(ForwardDecision.Drop(DropReason.OtherHost), _site.Classify(Frames.FromIspA(Server, HostA), WanB));
    }
}

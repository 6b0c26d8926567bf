using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Tests.Support;
using static DualHome.DataPlane.Tests.Support.Site;

namespace DualHome.DataPlane.Tests.Forwarding;

/// <summary>What the forwarder leaves to the kernel (which has its own copy of every AF_PACKET frame), and the
/// addresses no router forwards.</summary>
public class LocalTrafficTests
{
    private readonly Site _site = new();

    private static readonly Dictionary<string, byte[]> ForTheKernel = new()
    {
        ["LinkLocalSource"] = Frames.Ipv6("fe80::200:5eff:fe00:5302", Server),
        ["LinkLocalDestination"] = Frames.Ipv6(HostA, "fe80::1"),
        ["RouterOwnAddress"] = Frames.Ipv6(HostA, RouterA),
        ["RouterOwnAddress_HopLimit1"] = Frames.Ipv6(HostA, RouterB, hopLimit: 1),
        ["MulticastDestination"] = Frames.Ipv6(HostA, "ff0e::101"),
        ["AllNodesMulticastMac"] = Frames.Ipv6(HostA, "ff02::1", dstMac: "33:33:00:00:00:01"),
        ["BroadcastMac"] = Frames.Ipv6(HostA, Server, dstMac: "ff:ff:ff:ff:ff:ff"),
        ["RouterSolicitation"] = Frames.Icmpv6("fe80::200:5eff:fe00:5302", "ff02::2", 133, 255, "33:33:00:00:00:02"),
        ["NeighborSolicitation_ToAGlobalAddress"] = Frames.Icmpv6(HostA, "2001:db8:a:1::5", 135, 255),
        ["NeighborAdvertisement"] = Frames.Icmpv6(HostA, "2001:db8:a:1::5", 136, 255),
        ["Redirect"] = Frames.Icmpv6(HostA, Server, 137, 255),
    };

    public static TheoryData<string> KernelCases => new(ForTheKernel.Keys);

    [Theory]
    [MemberData(nameof(KernelCases))]
    public void IsLeftToTheKernel_AndNotCounted(string name)
    {
        Assert.Equal(ForwardDecision.ToKernel, _site.Classify(ForTheKernel[name], Port.Lan));
        Assert.Empty(_site.Drops.Snapshot());
    }

    [Fact]
    public void EchoRequest_IsForwarded_NotMistakenForNd()
    {
        Assert.Equal(ForwardAction.ForwardToUplink, _site.Classify(Frames.Icmpv6(HostA, Server, 128), Port.Lan).Action);
    }

    private static readonly Dictionary<string, byte[]> Martians = new()
    {
        ["UnspecifiedSource"] = Frames.Ipv6("::", Server),
        ["MulticastSource"] = Frames.Ipv6("ff02::1", Server),
        ["LoopbackSource"] = Frames.Ipv6("::1", Server),
        ["LoopbackDestination"] = Frames.Ipv6(HostA, "::1"),
    };

    public static TheoryData<string> MartianCases => new(Martians.Keys);

    [Theory]
    [MemberData(nameof(MartianCases))]
    public void Martian_IsDropped(string name)
    {
        Assert.Equal(ForwardDecision.Drop(DropReason.Martian), _site.Classify(Martians[name], Port.Lan));
        Assert.Equal(1, _site.Drops.Get(Port.Lan, DropReason.Martian));
    }
}

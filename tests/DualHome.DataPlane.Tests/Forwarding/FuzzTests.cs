using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Ipv6;
using DualHome.Wire.Tests.Support;

namespace DualHome.DataPlane.Tests.Forwarding;

/// <summary>20 000 seeded mutations of valid frames on both sides: nothing throws, every refusal is counted, and
/// whatever is forwarded or answered is well formed.</summary>
public class FuzzTests
{
    [Fact]
    public void RandomFrames_NeverThrow_AndEveryDropIsCounted()
    {
        var random = new Random(8200);
        var site = new Site();
        (byte[] Frame, Port Ingress)[] seeds =
        [
            (Frames.Ipv6(Site.HostA, Site.Server), Port.Lan), (Frames.Ipv6(Site.HostB, Site.Server, hopLimit: 1), Port.Lan),
            (Frames.Icmpv6(Site.HostA, Site.Server, 128), Port.Lan), (Frames.Ipv6(Site.HostA, Site.Server, payloadLength: 1500), Port.Lan),
            (Frames.Ipv6(Site.HostA, Site.HostB, payloadLength: 2), Port.Lan), (Frames.FromIspA(Site.Server, Site.HostA), Site.WanA),
            (Frames.Ipv6(Site.Server, Site.HostB, 2, 40, Site.WanBMac, Site.GatewayBMac), Site.WanB),
        ];
        byte[] output = new byte[Icmpv6ErrorBuilder.MaxFrameLength];
        long counted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            (byte[] seed, Port ingress) = seeds[i % seeds.Length];
            byte[] frame = Fuzz.Mutate(random, seed);
            if (random.Next(10) == 0)
                ingress = random.Next(3) switch { 0 => Port.Lan, 1 => Site.WanA, _ => Site.WanB };
            ForwardDecision decision = site.Forwarder.Classify(frame, ingress);
            counted += decision.Action is ForwardAction.Drop or ForwardAction.IcmpError ? 1 : 0;
            Check(site, frame, ingress, decision, output);
        }
        Assert.Equal(counted, site.Drops.Snapshot().Sum(c => c.Count));
    }

    private static void Check(Site site, byte[] frame, Port ingress, ForwardDecision decision, byte[] output)
    {
        if (decision.Action is ForwardAction.Drop or ForwardAction.IcmpError)
            Assert.NotEqual(DropReason.None, decision.Reason);
        if (decision.IsForward)
        {
            Assert.True(Forwarder.TryRewrite(frame, decision));
            Assert.Equal(EthernetReadResult.Ok, EthernetFrame.TryRead(frame, out EthernetFrame ethernet));
            Assert.Equal(Ipv6ReadResult.Ok, Ipv6Header.TryRead(ethernet.Payload, ethernet.MayBePadded, out Ipv6Header ip));
            Assert.True(ip.HopLimit >= 1);
        }
        int length = site.Forwarder.TryWriteIcmpError(frame, ingress, decision, 0, output);
        if (length > 0)
        {
            Assert.Equal(ForwardAction.IcmpError, decision.Action);
            Assert.Equal(EthernetReadResult.Ok, EthernetFrame.TryRead(output.AsSpan(0, length), out EthernetFrame error));
            Assert.Equal(Ipv6ReadResult.Ok, Ipv6Header.TryRead(error.Payload, out Ipv6Header ip));
            Assert.True(Icmpv6Checksum.Verify(ip.Source, ip.Destination, ip.Payload));
        }
    }
}

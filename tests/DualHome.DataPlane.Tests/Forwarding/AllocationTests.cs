using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Icmpv6;

namespace DualHome.DataPlane.Tests.Forwarding;

/// <summary>The per-packet path — classify, rewrite, and the ICMPv6 error when there is one — allocates nothing.</summary>
public class AllocationTests
{
    [Fact]
    public void ClassifyRewriteAndErrors_Allocate0Bytes_Over100kIterations()
    {
        var site = new Site(icmpRate: 1000, icmpBurst: 10);
        site.Forwarder.Reconfigure(site.Forwarder.Config.WithPeers( // issue 10: a live and a dead peer prefix
            [new PeerNextHop(System.Net.IPNetwork.Parse("2001:db8:d:1::/64"), DualHome.Wire.Ethernet.Mac.Parse("00:00:5e:00:53:d1")),
             new PeerNextHop(System.Net.IPNetwork.Parse("2001:db8:e:1::/64"), null)],
            [DualHome.Wire.Ethernet.Mac.Parse("00:00:5e:00:53:d1")]));
        (byte[] Frame, Port Ingress)[] golden = Golden();
        byte[] work = new byte[2048], output = new byte[Icmpv6ErrorBuilder.MaxFrameLength];
        // Warm up with as many iterations as are measured: static constructors, and the tiered JIT's re-compiles
        // of the hot loop (on-stack replacement), which may allocate and are not the data plane's doing.
        for (int i = 0; i < 100_000; i++)
            RunOnce(site, golden, work, output, now: -100_000_000L + i * 1000L);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
            RunOnce(site, golden, work, output, now: i * 1000L);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(site.Forwarder.IcmpErrors.Sent > 0 && site.Forwarder.IcmpErrors.RateLimited > 0); // both paths ran
    }

    private static void RunOnce(Site site, (byte[] Frame, Port Ingress)[] golden, byte[] work, byte[] output, long now)
    {
        foreach ((byte[] frame, Port ingress) in golden)
        {
            ForwardDecision decision = site.Forwarder.Classify(frame, ingress);
            if (decision.IsForward)
            {
                Span<byte> copy = work.AsSpan(0, frame.Length);
                frame.CopyTo(copy);
                Forwarder.TryRewrite(copy, decision);
            }
            else if (decision.Action == ForwardAction.IcmpError)
                site.Forwarder.TryWriteIcmpError(frame, ingress, decision, now, output);
        }
    }

    /// <summary>One frame per kind of decision.</summary>
    private static (byte[], Port)[] Golden() =>
    [
        (Frames.Ipv6(Site.HostA, Site.Server), Port.Lan),                        // forward to uplink A
        (Frames.Ipv6("2001:db8:d:1::1", Site.Server), Port.Lan),                 // to a live peer
        (Frames.Ipv6("2001:db8:e:1::1", Site.Server), Port.Lan),                 // a dead peer's: code 5
        (Frames.Ipv6("2001:db8:d:1::1", Site.Server, srcMac: "00:00:5e:00:53:d1"), Port.Lan), // from a peer: dropped
        (Frames.Ipv6(Site.HostB, Site.Server, payloadLength: 1400), Port.Lan),   // forward to uplink B
        (Frames.Ipv6("2001:db8:c::1", Site.Server), Port.Lan),                   // code 5
        (Frames.Ipv6(Site.HostA, Site.Server, hopLimit: 1), Port.Lan),           // time exceeded
        (Frames.Ipv6(Site.HostB, Site.Server, payloadLength: 1460), Port.Lan),   // packet too big
        (Frames.Ipv6(Site.HostA, Site.RouterA), Port.Lan),                       // to the kernel
        (Frames.Icmpv6(Site.HostA, "ff02::1", 135, 255, "33:33:00:00:00:01"), Port.Lan),
        (Frames.Ipv6(Site.HostA, "2001:db8:a:2::1"), Port.Lan),                  // no route
        (Frames.FromIspA(Site.Server, Site.HostA), Site.WanA),                   // forward to the LAN
        (Frames.FromIspA(Site.Server, "2001:db8:a:1::9999"), Site.WanA),         // await neighbor
        (Frames.FromIspA(Site.Server, "2001:db8:ffff::2"), Site.WanA),           // no route
        ([0x00, 0x00, 0x5e, 0x00, 0x53, 0x01, 0x00], Port.Lan),                  // malformed
    ];
}

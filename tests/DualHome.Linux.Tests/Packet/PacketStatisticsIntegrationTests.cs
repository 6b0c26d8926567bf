using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>A 16-frame ring that nobody reads overflows; PACKET_STATISTICS and TP_STATUS_LOSING say so.</summary>
public sealed class PacketStatisticsIntegrationTests
{
    private static readonly RingLayout Tiny = new(FrameSize: 2048, FrameCount: 16, BlockSize: 4096);

    [Fact]
    public void FullRing_CountsDrops_FlagsLosingUntilStatisticsAreRead_AndTotalsAccumulate()
    {
        Root.Require();
        using var link = new PacketLink();
        link.SilenceRight();
        using var receiver = link.OpenLeft(PacketSocketOptions.Receiver(Tiny) with { Protocol = PacketProtocol.Ipv6 });
        using var sender = link.OpenSender();
        PacketRxRingIntegrationTests.DrainQuietly(receiver.Rx);
        var settled = receiver.ReadStatistics();
        var nonce = TestFrames.NewNonce();

        SendUdp(link, sender, nonce, 0, 100);
        var firstLap = PacketLink.Collect(receiver.Rx, nonce, 100, TimeSpan.FromMilliseconds(300));
        Assert.Equal(Tiny.FrameCount, firstLap.Count);
        Assert.All(firstLap, r => Assert.False(r.Meta.Status.HasFlag(RxFrameStatus.Losing))); // written before any drop

        SendUdp(link, sender, nonce, 100, 1);
        var afterDrops = PacketLink.Collect(receiver.Rx, nonce, 1).Single();
        Assert.True(afterDrops.Meta.Status.HasFlag(RxFrameStatus.Losing));

        var stats = receiver.ReadStatistics();
        Assert.Equal(101ul, stats.Received - settled.Received);
        Assert.Equal(100ul - (ulong)Tiny.FrameCount, stats.Dropped - settled.Dropped);

        SendUdp(link, sender, nonce, 101, 1);
        var afterRead = PacketLink.Collect(receiver.Rx, nonce, 1).Single();
        Assert.False(afterRead.Meta.Status.HasFlag(RxFrameStatus.Losing)); // reading reset the kernel's drop count
        var totals = receiver.ReadStatistics();
        Assert.Equal(stats.Received + 1, totals.Received); // running totals, not the kernel's reset counters
        Assert.Equal(stats.Dropped, totals.Dropped);
    }

    private static void SendUdp(PacketLink link, PacketSocket sender, ulong nonce, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            Assert.True(sender.Send(TestFrames.Udp(link.LeftMac, link.RightMac, nonce, i, 7000)));
        }
    }
}

using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>A TX ring on "b" sends; the RX ring on "a" (and tcpdump) sees every frame, in order.</summary>
public sealed class PacketTxRingIntegrationTests
{
    private static readonly RingLayout SmallTx = new(FrameSize: 2048, FrameCount: 64, BlockSize: 4096);

    [Fact]
    public void TxRing_SendsNFrames_AcrossManyWraps_ReceiverSeesAllInOrder()
    {
        Root.Require();
        using var link = new PacketLink();
        using var receiver = link.OpenLeft(PacketSocketOptions.Receiver() with { Protocol = PacketProtocol.Ipv6 });
        using var sender = link.OpenRight(PacketSocketOptions.Transmitter(SmallTx));
        var nonce = TestFrames.NewNonce();
        const int Count = 500; // ~8 laps of the 64-slot ring, in batches of 32

        for (var i = 0; i < Count; i++)
        {
            WriteOrFlush(sender.Tx, TestFrames.Udp(link.LeftMac, link.RightMac, nonce, i, (ushort)(1000 + i), 80 + (i % 1400)));
            if (i % 32 == 31)
            {
                Assert.True(sender.Tx.Flush());
            }
        }

        Assert.True(sender.Tx.Flush());
        var received = PacketLink.Collect(receiver.Rx, nonce, Count);

        Assert.Equal(Enumerable.Range(0, Count), received.Select(r => TestFrames.SequenceOf(r.Frame, nonce)));
        Assert.All(received, r => Assert.Equal(80 + (TestFrames.SequenceOf(r.Frame, nonce) % 1400), r.Frame.Length));
        Assert.Equal(0ul, sender.Tx.FailedFlushes);
    }

    [Fact]
    public void TxRing_FramesSeenByTcpdump()
    {
        Root.Require();
        using var link = new PacketLink();
        using var sender = link.OpenRight(PacketSocketOptions.Transmitter(SmallTx));
        var nonce = TestFrames.NewNonce();
        const int Count = 20;
        using var capture = TcpdumpCapture.Start(link.Left.Name, VethPair.LeftInterface, Count, "ether proto 0x88b5");

        for (var i = 0; i < Count; i++)
        {
            Assert.True(sender.Tx.TryWrite(TestFrames.Marked(link.LeftMac, link.RightMac, nonce, i, 100)));
        }

        Assert.Equal(Count, sender.Tx.Pending);
        Assert.True(sender.Tx.Flush());
        Assert.Equal(0, sender.Tx.Pending);

        Assert.Equal(Count, capture.WaitForPackets());
    }

    [Fact]
    public void TxRing_FrameLongerThanTheMtu_IsSkipped_AndTheRingKeepsSending()
    {
        Root.Require();
        using var link = new PacketLink();
        using var receiver = link.OpenLeft(PacketSocketOptions.Receiver() with { Protocol = PacketProtocol.Ipv6 });
        using var sender = link.OpenRight(PacketSocketOptions.Transmitter(SmallTx));
        var nonce = TestFrames.NewNonce();

        Assert.True(sender.Tx.TryWrite(TestFrames.Udp(link.LeftMac, link.RightMac, nonce, 0, 4000, 1600))); // MTU 1500
        Assert.True(sender.Tx.TryWrite(TestFrames.Udp(link.LeftMac, link.RightMac, nonce, 1, 4000)));
        sender.Tx.Flush();
        Assert.True(sender.Tx.TryWrite(TestFrames.Udp(link.LeftMac, link.RightMac, nonce, 2, 4000)));
        sender.Tx.Flush();

        var received = PacketLink.Collect(receiver.Rx, nonce, 2);
        Assert.Equal([1, 2], received.Select(r => TestFrames.SequenceOf(r.Frame, nonce)));
    }

    [Fact]
    public void Commit_RejectsLengthsOutsideTheSlot_AndCommitWithoutSlot()
    {
        Root.Require();
        using var link = new PacketLink();
        using var sender = link.OpenRight(PacketSocketOptions.Transmitter(SmallTx));

        Assert.Throws<InvalidOperationException>(() => sender.Tx.Commit(60));
        Assert.True(sender.Tx.TryGetSlot(out var slot));
        Assert.Equal(SmallTx.FrameSize - 32, slot.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => sender.Tx.Commit(13));
        Assert.Throws<ArgumentOutOfRangeException>(() => sender.Tx.Commit(sender.Tx.MaxFrameLength + 1));
        Assert.Throws<InvalidOperationException>(() => sender.Send(new byte[60]));
    }

    [Fact]
    public void TryGetSlot_FullRingWithoutFlush_ReturnsFalse_ThenFlushFreesIt()
    {
        Root.Require();
        using var link = new PacketLink();
        using var sender = link.OpenRight(PacketSocketOptions.Transmitter(SmallTx));
        var frame = TestFrames.Marked(link.LeftMac, link.RightMac, 0, 0, 64);

        for (var i = 0; i < SmallTx.FrameCount; i++)
        {
            Assert.True(sender.Tx.TryWrite(frame));
        }

        Assert.False(sender.Tx.TryWrite(frame));
        Assert.True(sender.Tx.Flush());
        Assert.True(SpinUntil(() => sender.Tx.TryWrite(frame)));
    }

    /// <summary>Writes a frame, flushing and retrying while the ring is full (the kernel frees slots as veth takes them).</summary>
    private static void WriteOrFlush(PacketTxRing ring, byte[] frame) =>
        Assert.True(SpinUntil(() =>
        {
            if (ring.TryWrite(frame))
            {
                return true;
            }

            ring.Flush();
            return false;
        }));

    private static bool SpinUntil(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > PacketLink.Patience)
            {
                return false;
            }

            Thread.Yield();
        }

        return true;
    }
}

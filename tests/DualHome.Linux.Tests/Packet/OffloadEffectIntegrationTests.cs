using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>
/// What an RX ring on "a" sees of a TCP transfer from "b" (fd00::2 → fd00::1), by offload setting. On veth
/// the sender's skb crosses the pair as it is, so the sender's TSO/GSO/tx-checksum decide whether the
/// receiver's taps see super-frames and unfilled checksums; the receiver's own GRO can merge them again.
/// </summary>
public sealed class OffloadEffectIntegrationTests
{
    private const int TransferBytes = 4 << 20;

    [Fact]
    public void TcpTransfer_WithSenderTxOffloadsAndReceiverGroOff_ArrivesAsWireFrames_WithChecksums()
    {
        Root.Require();
        using var link = new PacketLink();
        link.Right.Run(() => Offloads.Disable(VethPair.RightInterface));
        link.Left.Run(() => Offloads.Disable(VethPair.LeftInterface));

        var seen = Observe(link);

        Log($"sender and receiver offloads off: {seen}");
        Assert.True(seen.Frames > 100, $"saw only {seen.Frames} frames");
        Assert.InRange(seen.Longest, 1, 1514);
        Assert.Equal(0, seen.ChecksumNotReady);
    }

    [Fact]
    public void TcpTransfer_WithOnlyTheReceiversOffloadsOff_StillShowsWhatTheSenderOffloaded()
    {
        Root.Require();
        using var link = new PacketLink();
        var defaults = Observe(link);
        link.Left.Run(() => Offloads.Disable(VethPair.LeftInterface));

        var receiverOff = Observe(link);

        Log($"defaults: {defaults}");
        Log($"receiver (a) offloads off, sender (b) defaults: {receiverOff}");
        Assert.True(receiverOff.ChecksumNotReady > 0 || receiverOff.Longest > 1514,
            "the sender's offloads reach the receiver's taps through veth");
    }

    /// <summary>Runs one transfer while a thread drains the RX ring and tallies what it sees.</summary>
    private static Seen Observe(PacketLink link)
    {
        using var ring = link.OpenLeft(PacketSocketOptions.Receiver() with { Protocol = PacketProtocol.Ipv6 });
        var tally = new Seen();
        TcpTransfer.RunWhile(link, TransferBytes, stop => Drain(ring.Rx, tally, stop));
        return tally;
    }

    private static void Drain(PacketRxRing ring, Seen tally, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            ring.Wait(TimeSpan.FromMilliseconds(20));
            while (ring.TryNext(out var frame, out var meta))
            {
                if (frame.Length > 14 + 40 && frame[14 + 6] == 6) // IPv6 next header TCP
                {
                    tally.Add(meta);
                }

                ring.Release();
            }
        }
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private sealed class Seen
    {
        public int Frames { get; private set; }

        public int Longest { get; private set; }

        public int ChecksumNotReady { get; private set; }

        public void Add(PacketMeta meta)
        {
            Frames++;
            Longest = Math.Max(Longest, meta.Length);
            ChecksumNotReady += meta.Status.HasFlag(RxFrameStatus.ChecksumNotReady) ? 1 : 0;
        }

        public override string ToString() =>
            $"{Frames} TCP frames, longest {Longest} B, {ChecksumNotReady} with TP_STATUS_CSUMNOTREADY";
    }
}

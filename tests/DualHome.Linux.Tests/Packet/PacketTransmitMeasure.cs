using System.Diagnostics;
using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>
/// A micro-measure, printed and not asserted: the cost of the three ways to send 64-byte frames from one
/// thread (TX ring flushed per 64, sendmmsg per 64, sendto per frame), as CPU time of the sending thread
/// per frame (/proc/thread-self/schedstat; the veth peer's receive runs in the same thread, and the
/// experimental EtherType makes it a cheap drop) and wall-clock rate. Rounds alternate the methods so
/// that load from other processes spreads over all of them. Bounded: 2 sizes × 3 methods × 2 rounds × 200 000 frames.
/// </summary>
[Collection(SerialPacketTests.Name)]
public sealed class PacketTransmitMeasure
{
    private const int Frames = 200_000;
    private const int Batch = 64;

    [Theory]
    [Trait("Kind", "Measure")]
    [InlineData(64)]
    [InlineData(1514)]
    public void TransmitPaths_CpuPerFrame(int frameLength)
    {
        Root.Require();
        using var link = new PacketLink();
        link.Left.Run(() => Offloads.Disable(VethPair.LeftInterface));
        link.Right.Run(() => Offloads.Disable(VethPair.RightInterface));
        var frame = TestFrames.Marked(link.LeftMac, link.RightMac, 0, 0, frameLength);
        var options = new PacketSocketOptions { Protocol = PacketProtocol.None, QdiscBypass = true };
        using var ringSocket = link.OpenRight(options with { TxRing = RingLayout.Default });
        using var plainSocket = link.OpenRight(options);
        using var batch = new PacketBatchSender(plainSocket, Batch);
        var methods = new (string Name, Func<long> Send)[]
        {
            ("TX ring, flush per 64", () => ViaRing(ringSocket.Tx, frame)),
            ("sendmmsg per 64", () => ViaSendmmsg(batch, frame)),
            ("sendto per frame", () => ViaSendto(plainSocket, frame)),
        };

        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, send) in methods)
            {
                var line = $"{frameLength,4} B, " + Measure(link, name, send);
                TestContext.Current.TestOutputHelper?.WriteLine(line);
                Console.WriteLine(line);
            }
        }
    }

    private static string Measure(PacketLink link, string name, Func<long> send)
    {
        var arrivedBefore = RxPackets(link);
        var (wall, cpu, failed) = OnOneThread(send);
        var arrived = RxPackets(link) - arrivedBefore;
        return $"{name,-22}: {cpu * 1e9 / Frames,6:F0} ns CPU/frame, {Frames / wall / 1000,5:F0} kpps wall, "
            + $"{arrived} of {Frames} arrived, {failed} refused";
    }

    private static (double Wall, double Cpu, long Failed) OnOneThread(Func<long> send)
    {
        (double, double, long) result = default;
        var thread = new Thread(() =>
        {
            var cpuBefore = ForwardingWorker.ThreadCpuSeconds();
            var clock = Stopwatch.StartNew();
            var failed = send();
            result = (clock.Elapsed.TotalSeconds, ForwardingWorker.ThreadCpuSeconds() - cpuBefore, failed);
        });
        thread.Start();
        thread.Join();
        return result;
    }

    private static long ViaRing(PacketTxRing ring, byte[] frame)
    {
        long failed = 0;
        for (var i = 0; i < Frames; i++)
        {
            if (!ring.TryWrite(frame))
            {
                ring.Flush();
                failed += ring.TryWrite(frame) ? 0 : 1;
            }

            if (ring.Pending == Batch)
            {
                ring.Flush();
            }
        }

        ring.Flush();
        return failed;
    }

    private static long ViaSendmmsg(PacketBatchSender sender, byte[] frame)
    {
        long failed = 0;
        for (var i = 0; i < Frames; i++)
        {
            sender.TryWrite(frame);
            if (sender.Pending == Batch && !sender.Flush())
            {
                failed += Batch;
            }
        }

        sender.Flush();
        return failed;
    }

    private static long ViaSendto(PacketSocket socket, byte[] frame)
    {
        long failed = 0;
        for (var i = 0; i < Frames; i++)
        {
            failed += socket.Send(frame) ? 0 : 1;
        }

        return failed;
    }

    private static long RxPackets(PacketLink link) =>
        long.Parse(link.Left.Ip("-s", "-j", "link", "show", "dev", VethPair.LeftInterface)
            .Split("\"rx\":{")[1].Split("\"packets\":")[1].Split(',')[0]);
}

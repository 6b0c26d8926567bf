using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>Dispose unmaps the rings and closes the descriptor; the receive path allocates nothing.</summary>
[Collection(SerialPacketTests.Name)]
public sealed class PacketSocketLifetimeTests
{
    private static readonly RingLayout Small = new(FrameSize: 2048, FrameCount: 32, BlockSize: 8192);

    /// <summary>
    /// Each close costs the kernel one or more RCU grace periods (synchronize_net in packet_release and in
    /// ring teardown: ~15–50 ms here), so the 1000 opens run on 20 threads whose waits overlap. The
    /// checks are specific to packet sockets: the namespace's /proc/net/packet and the process's
    /// socket mappings; the descriptor count is exact because this class runs alone (see the collection).
    /// </summary>
    [Fact]
    public void OpenAndDispose_1000Times_LeavesNoSocketDescriptorOrMappingBehind()
    {
        Root.Require();
        using var netns = new TestNetns("dhpkt");
        netns.AddVethPair("a", "b");
        var options = PacketSocketOptions.Receiver(Small) with { TxRing = Small, Fanout = new PacketFanout(77, FanoutMode.Hash) };
        // Warm up the same way the measurement runs: the runtime opens descriptors of its own on first use (a CI run
        // once saw 2 more after a first 20-thread burst), which must not count as ours.
        OpenAndDispose(netns, options, timesPerThread: 1);
        var before = (Sockets: netns.Run(PacketSocketsInNamespace), Descriptors: Descriptors(), Mappings: SocketMappings());

        OpenAndDispose(netns, options, timesPerThread: 50);

        Assert.Equal(0, before.Sockets);
        Assert.Equal(0, netns.Run(PacketSocketsInNamespace));
        Assert.Equal(before.Mappings, SocketMappings());
        Assert.Equal(before.Descriptors, Descriptors());
    }

    [Fact]
    public void AfterDispose_RingsAndSendThrowObjectDisposed()
    {
        Root.Require();
        using var netns = new TestNetns("dhpkt");
        netns.AddVethPair("a", "b");
        var socket = netns.Run(() => PacketSocket.Open("a", PacketSocketOptions.Receiver(Small) with { TxRing = Small }));
        var rx = socket.Rx;
        var tx = socket.Tx;

        socket.Dispose();
        socket.Dispose(); // idempotent

        Assert.Throws<ObjectDisposedException>(() => rx.TryNext(out _, out _));
        Assert.Throws<ObjectDisposedException>(() => rx.Wait(TimeSpan.Zero));
        Assert.Throws<ObjectDisposedException>(() => rx.HasFrame);
        Assert.Throws<ObjectDisposedException>(() => tx.TryGetSlot(out _));
        Assert.Throws<ObjectDisposedException>(() => tx.Flush());
        Assert.Throws<ObjectDisposedException>(() => socket.ReadStatistics());
    }

    [Fact]
    public void ReceiveLoop_AllocatesNothingPerFrame()
    {
        Root.Require();
        using var link = new PacketLink();
        using var receiver = link.OpenLeft(PacketSocketOptions.Receiver() with { Protocol = PacketProtocol.Ipv6 });
        using var forwarder = link.OpenLeft(PacketSocketOptions.Transmitter());
        using var sender = link.OpenSender();
        var nonce = TestFrames.NewNonce();
        var frames = Enumerable.Range(0, 300).Select(i => TestFrames.Udp(link.LeftMac, link.RightMac, nonce, i, 9000)).ToList();
        frames.ForEach(frame => sender.Send(frame));
        Thread.Sleep(100); // let veth deliver them all into the ring: the loop below then never blocks
        ReceiveAndEcho(receiver, forwarder, 10); // JIT and first-call work outside the measured part

        var before = GC.GetAllocatedBytesForCurrentThread();
        var handled = ReceiveAndEcho(receiver, forwarder, 280);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(280, handled);
        Assert.Equal(0, allocated);
    }

    /// <summary>The forwarder's inner loop in miniature: wait, read, copy to a TX slot, release, flush, stats.</summary>
    private static int ReceiveAndEcho(PacketSocket receiver, PacketSocket transmitter, int count)
    {
        var handled = 0;
        while (handled < count && receiver.Rx.Wait(TimeSpan.FromSeconds(1)))
        {
            while (handled < count && receiver.Rx.TryNext(out var frame, out _))
            {
                transmitter.Tx.TryWrite(frame);
                receiver.Rx.Release();
                handled++;
            }

            transmitter.Tx.Flush();
            receiver.ReadStatistics();
        }

        return handled;
    }

    private static void OpenAndDispose(TestNetns netns, PacketSocketOptions options, int timesPerThread) =>
        Parallel.For(0, 20, new ParallelOptions { MaxDegreeOfParallelism = 20 }, _ => netns.Run(() =>
        {
            for (var i = 0; i < timesPerThread; i++)
            {
                using var socket = PacketSocket.Open("a", options);
            }
        }));

    /// <summary>Socket descriptors of this process: what a leaked packet socket would leave. The runtime's own
    /// descriptors (epoll, eventfd and pipes it opens lazily as threads first use them; two CI runs saw +2) are not
    /// sockets and do not count.</summary>
    private static int Descriptors() => Directory.GetFiles("/proc/self/fd").Count(IsSocket);

    private static bool IsSocket(string fd)
    {
        try { return new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true; }
        catch (IOException) { return false; } // closed while listed
    }

    /// <summary>Packet rings mapped by this process: they show as "socket:[inode]" in /proc/self/maps.</summary>
    private static int SocketMappings() => File.ReadAllLines("/proc/self/maps").Count(line => line.EndsWith(']') && line.Contains("socket:["));

    /// <summary>AF_PACKET sockets alive in the calling thread's namespace (header line excluded).</summary>
    private static int PacketSocketsInNamespace() => File.ReadAllLines("/proc/thread-self/net/packet").Length - 1;
}

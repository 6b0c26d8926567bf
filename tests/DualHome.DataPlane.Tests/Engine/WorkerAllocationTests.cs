using DualHome.DataPlane.Engine;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Offload;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.DataPlane.Tests.Engine;

/// <summary>The whole worker pass — receive, classify, rewrite into the transmit slot, answer with an error, hold and
/// release a frame for an unresolved neighbour — allocates nothing once warm.</summary>
public sealed class WorkerAllocationTests
{
    [Fact]
    public void RunOnce_Allocates0Bytes_Over20kPasses()
    {
        var site = new Site(icmpRate: 1000, icmpBurst: 10);
        byte[][] frames =
        [
            Frames.Ipv6(Site.HostA, Site.Server),                         // forward to uplink A
            Frames.Ipv6(Site.HostB, Site.Server, hopLimit: 1),            // Time Exceeded
            Frames.FromIspA(Site.Server, Site.HostA),                     // forward to the LAN
            Frames.FromIspA(Site.Server, "2001:db8:a:1::77"),             // waits for a neighbour, then expires
        ];
        var lan = new ReplayPort(frames[0], frames[1]);
        var wanA = new ReplayPort(frames[2], frames[3]);
        var time = new FakeTimeProvider();
        var worker = new ForwardingWorker(site.Forwarder, new ReplayIo(lan, wanA, new ReplayPort()), new CountingResolver(), time);

        for (int i = 0; i < 20_000; i++)
            Pass(worker, time);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20_000; i++)
            Pass(worker, time);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(lan.Sent > 0 && wanA.Sent > 0);
        Assert.True(site.Drops.Get(Port.Lan, DualHome.DataPlane.Counters.DropReason.NoNeighbor) > 0); // the held frames did expire
    }

    private static void Pass(ForwardingWorker worker, FakeTimeProvider time)
    {
        worker.RunOnce(TimeSpan.Zero);
        time.Advance(TimeSpan.FromMilliseconds(10));
    }

    /// <summary>Serves its frames once per pass, forever; counts what is sent without keeping it.</summary>
    private sealed class ReplayPort(params byte[][] frames) : IPacketPort
    {
        private readonly byte[] _slot = new byte[2048];
        private int _next;

        public long Sent { get; private set; }

        public bool TryReceive(Span<byte> large, out ReadOnlySpan<byte> frame, out VirtioNetHeader offload)
        {
            offload = VirtioNetHeader.None;
            frame = _next < frames.Length ? frames[_next] : default;
            return _next < frames.Length;
        }

        public void ReleaseReceived() => _next++;
        public bool TryGetTransmitSlot(out Span<byte> slot) { slot = _slot; return true; }
        public void CommitTransmit(int length, in VirtioNetHeader offload) => Sent++;
        public bool TrySendLarge(Span<byte> headroomAndFrame, in VirtioNetHeader offload) => false;
        public void FlushTransmit() => _next = 0;
        public long TakeReceiveDrops() => 0;
    }

    private sealed class ReplayIo(params ReplayPort[] ports) : IWorkerIo
    {
        public IReadOnlyList<IPacketPort> Ports { get; } = ports;
        public void Wait(TimeSpan timeout) { }
        public bool AnyReady() => true;
        public void Nap(TimeSpan duration) { }
    }

    private sealed class CountingResolver : INeighborResolver
    {
        public long Requests { get; private set; }
        public void Request(Port egress, UInt128 nextHop) => Requests++;
    }
}

using DualHome.DataPlane.Engine;
using DualHome.DataPlane.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.DataPlane.Tests.Engine;

/// <summary>DataPlane.CoalesceMicroseconds: while frames flow the worker naps on a timer between drained passes
/// instead of asking poll(2) to wake it per frame; idle, or with frames still waiting, it never naps.</summary>
public sealed class WorkerCoalescingTests
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMicroseconds(50);
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(100);
    private readonly Site _site = new();
    private readonly FakePort _lan = new(), _wanA = new(), _wanB = new();
    private readonly FakeIo _io;
    private readonly ForwardingWorker _worker;

    public WorkerCoalescingTests()
    {
        _io = new FakeIo(_lan, _wanA, _wanB);
        _worker = new ForwardingWorker(_site.Forwarder, _io, new FakeResolver(), new FakeTimeProvider(), nap: Coalesce);
    }

    [Fact]
    public void AfterAPassWithFrames_DrainedRings_NapThenPassWithoutPoll()
    {
        _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostA, Site.Server));
        Assert.Equal(1, _worker.Step(0));
        _io.DuringNap = () => _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostA, Site.Server));

        Assert.Equal(1, _worker.Step(1));

        Assert.Equal([Coalesce], _io.Naps);
        Assert.Equal([IdleWait, TimeSpan.Zero], _io.Waits);
        Assert.Equal(2, _wanA.Sent.Count);
    }

    [Fact]
    public void FramesStillInTheRing_NoNap()
    {
        for (int i = 0; i < ForwardingWorker.Batch + 3; i++)
            _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostA, Site.Server));

        Assert.Equal(ForwardingWorker.Batch, _worker.Step(0));
        Assert.Equal(3, _worker.Step(ForwardingWorker.Batch));

        Assert.Empty(_io.Naps);
        Assert.Equal(ForwardingWorker.Batch + 3, _wanA.Sent.Count);
    }

    [Fact]
    public void NothingAfterTheNap_NextStepSleepsInPoll()
    {
        Assert.Equal(0, _worker.Step(1));
        Assert.Equal(0, _worker.Step(0));

        Assert.Equal([Coalesce], _io.Naps);
        Assert.Equal([TimeSpan.Zero, IdleWait], _io.Waits);
    }

    [Fact]
    public void CoalescingOff_WaitsInPollAfterEveryPass()
    {
        var worker = new ForwardingWorker(_site.Forwarder, _io, new FakeResolver(), new FakeTimeProvider());
        _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostA, Site.Server));

        Assert.Equal(1, worker.Step(0));
        Assert.Equal(0, worker.Step(1));

        Assert.Empty(_io.Naps);
        Assert.Equal([IdleWait, IdleWait], _io.Waits);
    }
}

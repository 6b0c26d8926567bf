using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Engine;
using DualHome.DataPlane.Prefixes;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Ethernet;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.DataPlane.Tests.Engine;

/// <summary>The worker loop over fake ports: what goes out where, what waits for a neighbour, what is counted.</summary>
public sealed class ForwardingWorkerTests
{
    private const int HopLimitOffset = 14 + 7;
    private readonly Site _site = new();
    private readonly FakePort _lan = new(), _wanA = new(), _wanB = new();
    private readonly FakeResolver _resolver = new();
    private readonly FakeTimeProvider _time = new();
    private readonly ForwardingWorker _worker;

    public ForwardingWorkerTests() =>
        _worker = new ForwardingWorker(_site.Forwarder, new FakeIo(_lan, _wanA, _wanB), _resolver, _time);

    [Fact]
    public void LanFrame_LeavesByItsSourcesUplink_Rewritten()
    {
        _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostB, Site.Server));

        Assert.Equal(1, _worker.RunOnce(TimeSpan.Zero));

        byte[] sent = Assert.Single(_wanB.Sent);
        Assert.Equal(Mac.Parse(Site.GatewayBMac), Mac.Read(sent.AsSpan(0, 6)));
        Assert.Equal(Mac.Parse(Site.WanBMac), Mac.Read(sent.AsSpan(6, 6)));
        Assert.Equal(63, sent[HopLimitOffset]);
        Assert.Empty(_wanA.Sent);
        Assert.Equal(1, _worker.Counters.Received(Port.Lan));
        Assert.Equal(1, _worker.Counters.Sent(Site.WanB));
    }

    [Fact]
    public void MulticastAndOwnAddress_AreLeftToTheKernel()
    {
        _lan.Incoming.Enqueue(Frames.Icmpv6(Site.HostA, "ff02::2", 133, 255, dstMac: "33:33:00:00:00:02"));
        _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostA, Site.RouterA));

        _worker.RunOnce(TimeSpan.Zero);

        Assert.Empty(_lan.Sent);
        Assert.Empty(_wanA.Sent);
        Assert.Empty(_wanB.Sent);
        Assert.Empty(_site.Drops.Snapshot());
    }

    [Fact]
    public void HopLimitOne_IsAnsweredOnTheIngressPort_WithTimeExceeded()
    {
        _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostA, Site.Server, hopLimit: 1));

        _worker.RunOnce(TimeSpan.Zero);

        byte[] error = Assert.Single(_lan.Sent);
        Assert.Equal(3, error[54]); // ICMPv6 Time Exceeded (RFC 4443 §3.3)
        Assert.Equal(Mac.Parse(Site.HostMac), Mac.Read(error.AsSpan(0, 6)));
        Assert.Empty(_wanA.Sent);
        Assert.Equal(1, _site.Drops.Get(Port.Lan, DropReason.HopLimitExceeded));
    }

    [Fact]
    public void SourceOfADownUplink_GetsCode5()
    {
        _site.SetUp(0, false);
        _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostA, Site.Server));

        _worker.RunOnce(TimeSpan.Zero);

        byte[] error = Assert.Single(_lan.Sent);
        Assert.Equal((1, 5), (error[54], error[55])); // Destination Unreachable, source failed policy (RFC 4443 §3.1)
        Assert.Empty(_wanA.Sent);
    }

    [Fact]
    public void UnresolvedHost_FramesWait_OneRequest_ThenLeaveInOrderOnceResolved()
    {
        const string newHost = "2001:db8:a:1::99";
        for (byte hop = 64; hop > 61; hop--)
            _wanA.Incoming.Enqueue(Frames.FromIspA(Site.Server, newHost, hopLimit: hop));

        _worker.RunOnce(TimeSpan.Zero);
        Assert.Empty(_lan.Sent);
        Assert.Equal(3, _worker.Pending);
        Assert.Equal((Port.Lan, Ipv6Key.From(System.Net.IPAddress.Parse(newHost))), Assert.Single(_resolver.Requests));

        _site.LanNeighbors.Add(newHost, "00:00:5e:00:53:99");
        _worker.RunOnce(TimeSpan.Zero);

        Assert.Equal([63, 62, 61], _lan.Sent.Select(f => (int)f[HopLimitOffset]));
        Assert.All(_lan.Sent, f => Assert.Equal(Mac.Parse("00:00:5e:00:53:99"), Mac.Read(f.AsSpan(0, 6))));
        Assert.Equal(0, _worker.Pending);
    }

    [Fact]
    public void UnresolvedHost_FramesExpireAfterThreeSeconds_CountedAsNoNeighbor()
    {
        _wanA.Incoming.Enqueue(Frames.FromIspA(Site.Server, "2001:db8:a:1::99"));
        _wanA.Incoming.Enqueue(Frames.FromIspA(Site.Server, "2001:db8:a:1::98"));
        _worker.RunOnce(TimeSpan.Zero);

        _time.Advance(TimeSpan.FromSeconds(2.9));
        _worker.RunOnce(TimeSpan.Zero);
        Assert.Equal(2, _worker.Pending);

        _time.Advance(TimeSpan.FromSeconds(0.2));
        _worker.RunOnce(TimeSpan.Zero);
        Assert.Equal(0, _worker.Pending);
        Assert.Equal(2, _site.Drops.Get(Port.Lan, DropReason.NoNeighbor));
    }

    [Fact]
    public void ScanOfTheWholeLan64_HoldsABoundedNumber_AndCountsTheRest()
    {
        const int scanned = 10_000;
        for (int i = 0; i < scanned; i++)
        {
            _wanA.Incoming.Enqueue(Frames.FromIspA(Site.Server, $"2001:db8:a:1::1:{i:x}"));
            if (_wanA.Incoming.Count == ForwardingWorker.Batch)
                _worker.RunOnce(TimeSpan.Zero);
        }
        _worker.RunOnce(TimeSpan.Zero);

        int capacity = PendingLimits.Default.Capacity;
        Assert.Equal(capacity, _worker.Pending);
        Assert.Equal(scanned - capacity, _site.Drops.Get(Port.Lan, DropReason.NoNeighbor));
        Assert.Empty(_lan.Sent);
    }

    [Fact]
    public void FullTransmitRing_IsFlushedOnce_ThenCountedAsRingFull()
    {
        _wanA.TxCapacity = 1;
        _wanA.FlushFrees = false;
        for (int i = 0; i < 3; i++)
            _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostA, Site.Server));

        _worker.RunOnce(TimeSpan.Zero);

        Assert.Equal(2, _site.Drops.Get(Port.Lan, DropReason.RingFull));
        Assert.True(_wanA.Flushes >= 2); // a flush before each refusal, then the pass's own
    }

    [Fact]
    public void ReceiveRingOverflow_IsCountedOncePerSecond()
    {
        _lan.ReceiveDrops = 7;
        _worker.RunOnce(TimeSpan.Zero);
        Assert.Equal(7, _site.Drops.Get(Port.Lan, DropReason.ReceiveRingFull));

        _lan.ReceiveDrops = 5;
        _worker.RunOnce(TimeSpan.Zero);
        Assert.Equal(7, _site.Drops.Get(Port.Lan, DropReason.ReceiveRingFull)); // not read again within the second
        _time.Advance(TimeSpan.FromSeconds(1));
        _worker.RunOnce(TimeSpan.Zero);
        Assert.Equal(12, _site.Drops.Get(Port.Lan, DropReason.ReceiveRingFull));
    }

    [Fact]
    public void OnePass_TakesAtMostABatchPerPort()
    {
        for (int i = 0; i < ForwardingWorker.Batch + 10; i++)
            _lan.Incoming.Enqueue(Frames.Ipv6(Site.HostA, Site.Server));

        Assert.Equal(ForwardingWorker.Batch, _worker.RunOnce(TimeSpan.Zero));
        Assert.Equal(10, _worker.RunOnce(TimeSpan.Zero));
        Assert.Equal(ForwardingWorker.Batch + 10, _wanA.Sent.Count);
    }
}

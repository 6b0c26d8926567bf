using DualHome.ControlPlane.Tests.Uplinks;
using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging.Abstractions;
using static DualHome.ControlPlane.Tests.Uplinks.TestUplinks;

namespace DualHome.Hardware.Tests;

/// <summary>Two real uplink monitors ("isp-a" on wan-isp-a, "isp-b" on wan-isp-b) probing in-memory ISPs on a
/// discrete-event clock: the defaults (100 ms rounds, down after 3, up after 5) bring both up within 1 s.</summary>
internal sealed class TestSite : IDisposable
{
    public TestSite()
    {
        (IspA, IspB) = (new FakeIsp(Time), new FakeIsp(Time));
        Health = new SiteHealth([Monitor("isp-a", IspA, 1), Monitor("isp-b", IspB, 2)]);
    }

    public SimulatedTime Time { get; } = new(T0);
    public FakeIsp IspA { get; }
    public FakeIsp IspB { get; }
    public SiteHealth Health { get; }
    public UplinkMonitor A => Health.Uplinks[0];
    public UplinkMonitor B => Health.Uplinks[1];

    /// <summary>Starts probing and runs until both uplinks are up.</summary>
    public TestSite Online()
    {
        Health.Start();
        Run(1000);
        Assert.Equal([("isp-a", true), ("isp-b", true)], Health.Snapshot());
        return this;
    }

    /// <summary>Starts probing and runs 1 s; asserts which uplinks came up (a dead ISP's does not).</summary>
    public void StartExpecting(bool expectA = true, bool expectB = true)
    {
        Health.Start();
        Run(1000);
        Assert.Equal([("isp-a", expectA), ("isp-b", expectB)], Health.Snapshot());
    }

    public void Run(int milliseconds) => Time.Run(TimeSpan.FromMilliseconds(milliseconds));

    public void Dispose()
    {
        foreach (var uplink in Health.Uplinks) uplink.Dispose();
    }

    private UplinkMonitor Monitor(string name, FakeIsp isp, ushort id)
    {
        var monitor = new UplinkMonitor(Uplink(name), id, isp, Time, new Random(id), NullLogger.Instance);
        isp.Replies = monitor.OnEchoReply;
        return monitor;
    }
}

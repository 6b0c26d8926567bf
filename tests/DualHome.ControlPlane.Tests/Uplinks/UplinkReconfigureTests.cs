using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging.Abstractions;
using static DualHome.ControlPlane.Tests.Uplinks.TestUplinks;

namespace DualHome.ControlPlane.Tests.Uplinks;

/// <summary>Live probe changes (issue 6): the new cadence and thresholds apply, the uplink's state is not disturbed.</summary>
public class UplinkReconfigureTests
{
    private readonly SimulatedTime _time = new(T0);
    private readonly FakeIsp _isp;
    private readonly List<UplinkChange> _changes = [];
    private readonly UplinkMonitor _monitor;

    public UplinkReconfigureTests()
    {
        _isp = new FakeIsp(_time);
        _monitor = new UplinkMonitor(Uplink(probe: Probe(targets: 1)), 0x4402, _isp, _time, new Random(3), NullLogger.Instance);
        _isp.Replies = _monitor.OnEchoReply;
        _monitor.Changed += _changes.Add;
        _monitor.Start();
        _time.Run(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void NewInterval_ChangesTheCadence_WithoutAnyStateChange()
    {
        _changes.Clear();
        var transitions = _monitor.Current.Transitions;
        _monitor.Reconfigure(Uplink(probe: Probe(targets: 1, intervalMs: 400)));
        int before = _isp.Sent.Count;
        _time.Run(TimeSpan.FromSeconds(4));

        int rounds = _isp.Sent.Count - before; // one target: one echo per round, 300–400 ms apart
        Assert.InRange(rounds, 10, 14);
        Assert.Empty(_changes);
        Assert.Equal((UplinkState.Up, transitions), (_monitor.Current.State, _monitor.Current.Transitions));
        Assert.Equal(TimeSpan.FromMilliseconds(400), _monitor.Config.Probe.Interval);
    }

    [Fact]
    public void NewDownAfter_AppliesToTheNextFailure()
    {
        _monitor.Reconfigure(Uplink(probe: Probe(targets: 1, downAfter: 8)));
        var failedAt = _time.GetUtcNow();
        _isp.Dead = true;
        _time.Run(TimeSpan.FromSeconds(2));

        var down = Assert.Single(_changes, c => c.NewState == UplinkState.Down);
        Assert.True(down.At - failedAt >= TimeSpan.FromMilliseconds(7 * 75), $"down after {(down.At - failedAt).TotalMilliseconds} ms: DownAfter 8 not applied");
    }

    [Fact]
    public void ChangingWhatIsNotLive_IsRefused()
    {
        var other = Uplink(probe: Probe(targets: 1)) with { Interface = "wanz" };
        Assert.Throws<ArgumentException>(() => _monitor.Reconfigure(other));
        Assert.Throws<ArgumentException>(() => _monitor.Reconfigure(Uplink(probe: Probe(targets: 0))));
    }
}

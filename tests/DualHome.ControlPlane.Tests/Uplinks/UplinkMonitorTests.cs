using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging.Abstractions;
using static DualHome.ControlPlane.Tests.Uplinks.TestUplinks;

namespace DualHome.ControlPlane.Tests.Uplinks;

/// <summary>One whole monitor against an in-memory ISP (20 ms round trip) on a simulated clock.</summary>
public class UplinkMonitorTests
{
    private const ushort Id = 0x4401;
    private readonly SimulatedTime _time = new(T0);
    private readonly FakeIsp _isp;
    private readonly List<UplinkChange> _changes = [];

    public UplinkMonitorTests() => _isp = new FakeIsp(_time);

    private UplinkMonitor Monitor(int seed = 1, int targets = 2)
    {
        var monitor = new UplinkMonitor(Uplink(probe: Probe(targets)), Id, _isp, _time, new Random(seed), NullLogger.Instance);
        _isp.Replies = monitor.OnEchoReply;
        monitor.Changed += _changes.Add;
        return monitor;
    }

    private UplinkMonitor Running(int seed = 1)
    {
        var monitor = Monitor(seed);
        monitor.Start();
        _time.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(UplinkState.Up, monitor.Current.State);
        return monitor;
    }

    [Fact]
    public void ComesUpAfterUpAfterAnsweredRounds()
    {
        var monitor = Monitor();
        monitor.Start();
        Assert.False(monitor.Current.Preferred); // Starting is not advertised as preferred
        _time.Run(TimeSpan.FromSeconds(1));
        var change = Assert.Single(_changes);
        Assert.Equal((UplinkState.Starting, UplinkState.Up, false, true), (change.OldState, change.NewState, change.WasPreferred, change.Preferred));
        // The fifth round's replies: four jittered intervals (75–100 ms each) plus the round trip.
        Assert.InRange(change.At - T0, TimeSpan.FromMilliseconds(4 * 75 + 20), TimeSpan.FromMilliseconds(4 * 100 + 20));
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)]
    [InlineData(6)] [InlineData(7)] [InlineData(8)] [InlineData(9)] [InlineData(10)]
    public void SilentFailureIsDetectedWithinTheComputedBound(int seed)
    {
        var probe = Probe(); // defaults: IntervalMs 100, DownAfter 3
        Assert.Equal(TimeSpan.FromMilliseconds(300), ProbeTiming.DetectionTime(probe));
        var monitor = Running(seed);
        _time.Run(TimeSpan.FromTicks(new Random(seed).NextInt64(TimeSpan.FromMilliseconds(100).Ticks)));
        var failedAt = _time.GetUtcNow();
        _isp.Dead = true;
        _time.Run(TimeSpan.FromSeconds(1));

        var down = Assert.Single(_changes, c => c.NewState == UplinkState.Down);
        var firstSilentRound = _isp.Sent.First(e => !e.Answered).At;
        // RFC 5880 §6.8.4: at most DownAfter × interval from the start of the first silent round to its detection,
        // and at least the shortest jittered schedule (two intervals of 75 ms, then the third round's timeout).
        Assert.InRange(down.At - firstSilentRound, TimeSpan.FromMilliseconds(250), ProbeTiming.DetectionTime(probe));
        Assert.True(down.At - failedAt <= ProbeTiming.WorstCaseDetection(probe));
        Assert.False(monitor.Current.Preferred);
    }

    [Fact]
    public void OneDeadTargetOfTwoKeepsTheUplinkUp()
    {
        var monitor = Running();
        _isp.DeadTargets.Add(TargetB);
        _time.Run(TimeSpan.FromSeconds(30));
        Assert.Equal(UplinkState.Up, monitor.Current.State);
        Assert.Single(_changes);
    }

    [Fact]
    public void CarrierLossIsReportedAtOnce()
    {
        var monitor = Running();
        monitor.OnCarrier(false); // no time passes
        var change = _changes[^1];
        Assert.Equal((UplinkState.Up, UplinkState.Down, "carrier lost", true, false),
            (change.OldState, change.NewState, change.Reason, change.WasPreferred, change.Preferred));
        Assert.Equal(_time.GetUtcNow(), change.At);
    }

    [Fact]
    public void ForceDownBeatsAHealthyUplink()
    {
        var monitor = Running();
        monitor.SetOverride(UplinkOverride.ForceDown);
        var status = monitor.Current;
        Assert.Equal((UplinkState.Up, UplinkOverride.ForceDown, false), (status.State, status.Override, status.Preferred));
        var change = _changes[^1];
        Assert.Equal((UplinkState.Up, UplinkState.Up, true, "override force-down"), (change.OldState, change.NewState, change.PreferredChanged, change.Reason));
    }

    [Fact]
    public void ForceUpBeatsADeadUplink()
    {
        _isp.Dead = true;
        var monitor = Monitor();
        monitor.Start();
        _time.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(UplinkState.Down, monitor.Current.State);
        monitor.SetOverride(UplinkOverride.ForceUp);
        Assert.True(monitor.Current.Preferred);
        Assert.Equal(UplinkState.Down, monitor.Current.State);
    }

    [Fact]
    public void AutoReturnsToTheLiveState()
    {
        var monitor = Running();
        monitor.SetOverride(UplinkOverride.ForceUp);
        _isp.Dead = true;
        _time.Run(TimeSpan.FromSeconds(1)); // the machine keeps running underneath the override
        Assert.Equal((UplinkState.Down, true), (monitor.Current.State, monitor.Current.Preferred));
        Assert.False(_changes[^1].PreferredChanged);
        monitor.SetOverride(UplinkOverride.Auto);
        Assert.False(monitor.Current.Preferred);
        Assert.True(_changes[^1].PreferredChanged);
    }

    [Fact]
    public void EventsFireExactlyOncePerTransitionAndOverrideChange()
    {
        var monitor = Running();
        _isp.Dead = true;
        _time.Run(TimeSpan.FromSeconds(1));
        _isp.Dead = false;
        _time.Run(TimeSpan.FromSeconds(5));
        monitor.SetOverride(UplinkOverride.ForceDown);
        monitor.SetOverride(UplinkOverride.ForceDown);
        monitor.OnCarrier(false);
        monitor.OnCarrier(false);
        Assert.Equal(
            [(UplinkState.Starting, UplinkState.Up), (UplinkState.Up, UplinkState.Down), (UplinkState.Down, UplinkState.Up),
             (UplinkState.Up, UplinkState.Up), (UplinkState.Up, UplinkState.Down)],
            _changes.Select(c => (c.OldState, c.NewState)));
        Assert.Equal(4, monitor.Current.Transitions);
        Assert.Equal(_changes[^1].At, monitor.Current.LastChange);
    }

    [Fact]
    public void CountersShowProbesSentAnsweredAndStray()
    {
        var monitor = Running();
        Assert.Equal(EchoReplyResult.Unknown, monitor.OnEchoReply(TargetA, Id + 1, 0));
        var status = monitor.Current;
        Assert.Equal(_isp.Sent.Count, status.ProbesSent);
        Assert.InRange(status.ProbesAnswered, status.ProbesSent - 2, status.ProbesSent); // the last round may be in flight
        Assert.Equal(1, status.StrayReplies);
    }

    [Fact]
    public void AHandlerMayCallBackIntoTheMonitor()
    {
        var monitor = Running();
        var seen = new List<(string Reason, bool PreferredNow)>();
        monitor.Changed += c =>
        {
            seen.Add((c.Reason, monitor.Current.Preferred));
            if (c.NewState == UplinkState.Down) monitor.SetOverride(UplinkOverride.ForceUp);
        };
        monitor.OnCarrier(false);
        // The override's change is delivered after the handler that caused it returned, in order.
        Assert.Equal([("carrier lost", false), ("override force-up", true)], seen);
    }

    [Fact]
    public void StopEndsProbing()
    {
        var monitor = Running();
        monitor.Stop();
        int sent = _isp.Sent.Count;
        _time.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(sent, _isp.Sent.Count);
    }
}

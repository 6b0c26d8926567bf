using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Uplinks;

/// <summary>The health machine fed with round results directly, one round per 100 ms of fake time.</summary>
public class UplinkHealthTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _time = new(TestUplinks.T0);
    private readonly List<UplinkTransition> _events = [];

    private UplinkHealth Health(int targets = 2, int downAfter = 3, int upAfter = 5)
    {
        var health = new UplinkHealth("isp-a", TestUplinks.Probe(targets, 100, downAfter, upAfter), _time, NullLogger.Instance);
        health.Transitioned += _events.Add;
        health.Start();
        return health;
    }

    /// <summary>Feeds <paramref name="count"/> rounds in which <paramref name="answered"/> of the targets answered.</summary>
    private void Rounds(UplinkHealth health, int count, int answered, int targets = 2)
    {
        for (int i = 0; i < count; i++)
        {
            _time.Advance(Interval);
            health.OnRound(new ProbeRound(0, answered, targets));
        }
    }

    /// <summary>Feeds answered rounds until the uplink is Up; returns how many it took.</summary>
    private int RoundsUntilUp(UplinkHealth health)
    {
        int n = 0;
        while (health.State != UplinkState.Up && n < 10_000) { Rounds(health, 1, 2); n++; }
        return n;
    }

    private UplinkHealth StableUp()
    {
        var health = Health();
        Rounds(health, 5, 2);
        _time.Advance(TimeSpan.FromMinutes(10)); // no rounds needed to stay up
        return health;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void DownAfterExactlyDownAfterSilentRounds(int downAfter)
    {
        var health = Health(downAfter: downAfter);
        Rounds(health, 5, 2);
        Rounds(health, downAfter - 1, 0);
        Assert.Equal(UplinkState.Up, health.State);
        Rounds(health, 1, 0);
        Assert.Equal(UplinkState.Down, health.State);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public void UpAfterExactlyUpAfterAnsweredRounds(int upAfter)
    {
        var health = Health(upAfter: upAfter);
        Rounds(health, upAfter - 1, 2);
        Assert.Equal(UplinkState.Starting, health.State);
        Rounds(health, 1, 2);
        Assert.Equal(UplinkState.Up, health.State);
    }

    [Fact]
    public void AFailureSoonAfterStartIsNoFlap()
    {
        var health = Health();
        Rounds(health, 5, 2); // Starting -> Up
        Rounds(health, 3, 0); // fails 0.3 s later: no history, so no hold-down
        Assert.Equal(UplinkState.Down, health.State);
        Assert.Equal(5, RoundsUntilUp(health));
        Assert.Equal(TimeSpan.Zero, health.HoldDown);
    }

    [Fact]
    public void AnAnsweredRoundRestartsTheSilentCount()
    {
        var health = Health();
        Rounds(health, 5, 2);
        for (int i = 0; i < 20; i++) { Rounds(health, 2, 0); Rounds(health, 1, 1); }
        Assert.Equal(UplinkState.Up, health.State);
    }

    [Fact]
    public void ASilentRoundRestartsTheRecoveryCount()
    {
        var health = StableUp();
        Rounds(health, 3, 0);
        Rounds(health, 4, 2);
        Rounds(health, 1, 0);
        Rounds(health, 4, 2);
        Assert.Equal(UplinkState.Down, health.State);
        Rounds(health, 1, 2);
        Assert.Equal(UplinkState.Up, health.State);
    }

    [Fact]
    public void OneDeadTargetOfTwoIsNoIspFailure()
    {
        var health = Health();
        Rounds(health, 5, 2);
        Rounds(health, 1000, answered: 1);
        Assert.Equal(UplinkState.Up, health.State);
        Rounds(health, 3, 0);
        Assert.Equal(UplinkState.Down, health.State);
    }

    [Fact]
    public void CarrierLossIsImmediateAndRecoveryCountsFromItsReturn()
    {
        var health = StableUp();
        health.OnCarrier(false);
        Assert.Equal(UplinkState.Down, health.State);
        Assert.Equal("carrier lost", _events[^1].Reason);
        Rounds(health, 10, 2); // cannot pass a dead link: ignored
        Assert.Equal(UplinkState.Down, health.State);
        health.OnCarrier(true);
        Assert.Equal(5, RoundsUntilUp(health));
    }

    [Fact]
    public void UnreachableGatewayIsImmediate()
    {
        var health = StableUp();
        health.OnGatewayReachable(false);
        Assert.Equal(UplinkState.Down, health.State);
        Assert.Equal("gateway unreachable", _events[^1].Reason);
        health.OnGatewayReachable(true);
        Assert.Equal(UplinkState.Down, health.State);
        Assert.Equal(5, RoundsUntilUp(health));
    }

    [Fact]
    public void AStableUplinkComesBackAfterUpAfterAlone()
    {
        var health = StableUp();
        Rounds(health, 3, 0);
        Assert.Equal(UplinkState.Down, health.State);
        Assert.Equal(TimeSpan.Zero, health.HoldDown);
        Assert.Equal(5, RoundsUntilUp(health));
    }

    [Fact]
    public void FlappingGrowsTheHoldDown()
    {
        var health = StableUp();
        var needed = new List<int>();
        var holdDowns = new List<double>();
        for (int flap = 0; flap < 4; flap++)
        {
            Rounds(health, 3, 0); // fails again right after coming back
            holdDowns.Add(health.HoldDown.TotalSeconds);
            needed.Add(RoundsUntilUp(health));
        }
        Assert.Equal([0, 1, 2, 4], holdDowns);
        // UpAfter rounds, then as many as it takes for the answered rounds to span the hold-down (100 ms apart).
        Assert.Equal([5, 11, 21, 41], needed);
    }

    [Fact]
    public void HoldDownIsCappedAt60Seconds()
    {
        var health = StableUp();
        for (int flap = 0; flap < 10; flap++) { Rounds(health, 3, 0); RoundsUntilUp(health); }
        Rounds(health, 3, 0);
        Assert.Equal(TimeSpan.FromSeconds(60), health.HoldDown);
        Rounds(health, 600, 2); // answered for 59.9 s
        Assert.Equal(UplinkState.Down, health.State);
        Rounds(health, 1, 2); // 60 s
        Assert.Equal(UplinkState.Up, health.State);
    }

    [Fact]
    public void HoldDownDecaysWhileStablyUpAndTheUplinkThenReturnsAfterUpAfterAlone()
    {
        var health = StableUp();
        for (int flap = 0; flap < 5; flap++) { Rounds(health, 3, 0); RoundsUntilUp(health); } // 0, 1, 2, 4, 8 s; Up
        var values = new List<double>();
        for (int minute = 0; minute < 4; minute++)
        {
            values.Add(health.HoldDown.TotalSeconds);
            _time.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal([8, 4, 2, 1], values);
        Assert.Equal(TimeSpan.Zero, health.HoldDown);
        Rounds(health, 3, 0);
        Assert.Equal(5, RoundsUntilUp(health));
    }

    [Fact]
    public void HoldDownDoesNotDecayWhileDown()
    {
        var health = StableUp();
        for (int flap = 0; flap < 3; flap++) { Rounds(health, 3, 0); RoundsUntilUp(health); }
        Rounds(health, 3, 0);
        Assert.Equal(TimeSpan.FromSeconds(4), health.HoldDown);
        Rounds(health, 6000, 0); // ten minutes of silence
        Assert.Equal(TimeSpan.FromSeconds(4), health.HoldDown);
    }

    [Fact]
    public void EachTransitionRaisesExactlyOneEventWithOldNewAndReason()
    {
        var health = Health();
        Rounds(health, 5, 2);
        Rounds(health, 10, 2);
        Rounds(health, 3, 0);
        Rounds(health, 10, 0);
        health.OnCarrier(false);
        health.OnCarrier(false);
        Assert.Equal(2, _events.Count);
        Assert.Equal(health.Transitions, _events.Count);
        Assert.Equal((UplinkState.Starting, UplinkState.Up, "5 probe rounds answered"), (_events[0].Old, _events[0].New, _events[0].Reason));
        Assert.Equal((UplinkState.Up, UplinkState.Down, "3 probe rounds without a reply from any of 2 targets"),
            (_events[1].Old, _events[1].New, _events[1].Reason));
        Assert.Equal(TestUplinks.T0 + 18 * Interval, _events[1].At);
        Assert.Equal(_events[1].At, health.LastChange);
    }

    [Fact]
    public void WithoutTargetsCarrierAloneDecides()
    {
        var health = Health(targets: 0);
        Assert.Equal(UplinkState.Up, health.State);
        health.OnCarrier(false);
        Assert.Equal(UplinkState.Down, health.State);
        health.OnCarrier(true);
        Assert.Equal(UplinkState.Up, health.State);
        Assert.Equal("carrier restored; no probe targets", _events[^1].Reason);
    }

    [Fact]
    public void Resume_starts_up_without_probes_and_probes_still_take_it_down()
    {
        var health = new UplinkHealth("isp-a", TestUplinks.Probe(2, 100, 3, 5), _time, NullLogger.Instance);
        health.Transitioned += _events.Add;
        health.Resume("renumbering");
        Assert.Equal(UplinkState.Up, health.State);
        health.Start();
        Rounds(health, 3, 0); // the ISP is in fact dead: DownAfter silent rounds, as from any Up
        Assert.Equal(UplinkState.Down, health.State);
        Assert.Equal([UplinkState.Up, UplinkState.Down], _events.Select(e => e.New));
    }

    [Fact]
    public void Resume_does_nothing_once_judged_or_without_carrier()
    {
        var health = new UplinkHealth("isp-a", TestUplinks.Probe(2, 100, 3, 5), _time, NullLogger.Instance);
        health.OnCarrier(false);
        health.Resume("renumbering");
        Assert.Equal(UplinkState.Down, health.State);
        var started = Health();
        Rounds(started, 3, 0);
        started.Resume("renumbering");
        Assert.Equal(UplinkState.Down, started.State);
    }
}

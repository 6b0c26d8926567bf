using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DualHome.ControlPlane.Tests.Uplinks.TestUplinks;

namespace DualHome.ControlPlane.Tests.Uplinks;

public class ProbeSchedulerTests
{
    private const ushort Id = 0x4401;
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);
    private readonly SimulatedTime _time = new(T0);
    private readonly FakeIsp _isp;
    private readonly List<(DateTimeOffset At, ProbeRound Round)> _results = [];

    public ProbeSchedulerTests() => _isp = new FakeIsp(_time);

    private ProbeScheduler Scheduler(Random? random = null, int targets = 2)
    {
        var scheduler = new ProbeScheduler("isp-a", Probe(targets), Id, _isp, _time, random ?? new Random(7), NullLogger.Instance);
        scheduler.RoundCompleted += r => _results.Add((_time.GetUtcNow(), r));
        _isp.Replies = scheduler.OnEchoReply;
        return scheduler;
    }

    private List<DateTimeOffset> RoundStarts() => _isp.Sent.Select(e => e.At).Distinct().ToList();

    [Fact]
    public void EveryIntervalIsWithin75To100PercentAndRandom()
    {
        Scheduler().Start();
        _time.Run(TimeSpan.FromSeconds(100));
        var starts = RoundStarts();
        var gaps = starts.Zip(starts.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps.Count > 1000);
        Assert.All(gaps, g => Assert.InRange(g, 75 * Ms, 100 * Ms));
        Assert.True(gaps.Distinct().Count() > 500, "intervals must be jittered, not fixed");
        Assert.InRange(gaps.Average(g => g.TotalMilliseconds), 86, 89); // RFC 5880 §6.8.7: ~12.5 % below on average
    }

    [Theory]
    [InlineData(0.0, 75.0)]
    [InlineData(0.5, 87.5)]
    [InlineData(0.999_999_999, 100.0)] // NextDouble < 1; rounding to 100 ns ticks may reach 100 %
    public void JitterExtremesStayWithinBounds(double sample, double expectedMs)
    {
        var interval = ProbeTiming.NextInterval(100 * Ms, new FixedRandom(sample));
        Assert.Equal(expectedMs, interval.TotalMilliseconds, precision: 3);
        Assert.InRange(interval, 75 * Ms, 100 * Ms);
    }

    [Fact]
    public void ARoundIsOneEchoToEachTargetWithOneSequence()
    {
        Scheduler().Start();
        Assert.Equal(2, _isp.Sent.Count);
        Assert.Equal([TargetA, TargetB], _isp.Sent.Select(e => e.Target));
        Assert.All(_isp.Sent, e => Assert.Equal((Id, (ushort)0, T0), (e.Identifier, e.Sequence, e.At)));
        _time.Run(100 * Ms);
        Assert.Equal((ushort)1, _isp.Sent[^1].Sequence);
    }

    [Fact]
    public void ARoundEndsWhenEveryTargetHasAnswered()
    {
        Scheduler(new FixedRandom(1.0)).Start();
        _time.Run(20 * Ms); // the round trip
        var (at, round) = Assert.Single(_results);
        Assert.Equal((T0 + 20 * Ms, 2, 2), (at, round.Answered, round.Targets));
    }

    [Fact]
    public void ASilentRoundEndsAtItsTimeoutOfOneInterval()
    {
        _isp.Dead = true;
        Scheduler().Start();
        _time.Run(99 * Ms);
        Assert.Empty(_results);
        _time.Run(1 * Ms);
        var (at, round) = Assert.Single(_results);
        Assert.Equal((T0 + 100 * Ms, 0), (at, round.Answered));
    }

    [Fact]
    public void OneDeadTargetStillMakesAnAnsweredRound()
    {
        _isp.DeadTargets.Add(TargetB);
        Scheduler().Start();
        _time.Run(100 * Ms);
        Assert.Equal(1, _results[0].Round.Answered);
        Assert.True(_results[0].Round.AnyAnswered);
    }

    [Fact]
    public void LateRepliesAreIgnoredAndCounted()
    {
        _isp.Dead = true;
        var scheduler = Scheduler();
        scheduler.Start();
        _time.Run(100 * Ms); // round 0 closed silent
        Assert.Equal(EchoReplyResult.Late, scheduler.OnEchoReply(TargetA, Id, 0));
        Assert.Equal(0, Assert.Single(_results).Round.Answered);
        Assert.Equal((1, 0), (scheduler.Counters.Late, scheduler.Counters.Answered));
    }

    [Fact]
    public void DuplicateAndUnknownRepliesAreIgnoredAndCounted()
    {
        _isp.Dead = true;
        var scheduler = Scheduler();
        scheduler.Start();
        Assert.Equal(EchoReplyResult.Accepted, scheduler.OnEchoReply(TargetA, Id, 0));
        Assert.Equal(EchoReplyResult.Duplicate, scheduler.OnEchoReply(TargetA, Id, 0));
        Assert.Equal(EchoReplyResult.Unknown, scheduler.OnEchoReply(TargetA, Id + 1, 0)); // someone else's ping
        Assert.Equal(EchoReplyResult.Unknown, scheduler.OnEchoReply(System.Net.IPAddress.Parse("2001:db8::99"), Id, 0));
        Assert.Equal(EchoReplyResult.Unknown, scheduler.OnEchoReply(TargetA, Id, 500)); // never sent
        var c = scheduler.Counters;
        Assert.Equal((1, 1, 3, 3 + 1), (c.Answered, c.Duplicate, c.Unknown, c.Stray));
        _time.Run(100 * Ms);
        Assert.Equal(1, _results[0].Round.Answered);
    }

    [Fact]
    public void ResultsArriveInRoundOrderEvenWhenANewerRoundCompletesFirst()
    {
        _isp.DeadTargets.Add(TargetB);
        var scheduler = Scheduler(new FixedRandom(0.0)); // rounds 75 ms apart
        scheduler.Start();
        _isp.DeadTargets.Clear();
        _time.Run(95 * Ms); // round 1 (sent at 75 ms) is complete, round 0 is open until 100 ms
        Assert.Empty(_results);
        _time.Run(5 * Ms);
        Assert.Equal([(ushort)0, (ushort)1], _results.Select(r => r.Round.Sequence));
        Assert.Equal([1, 2], _results.Select(r => r.Round.Answered));
    }

    [Fact]
    public void SendFailuresAreCountedAndMakeSilentRounds()
    {
        _isp.FailSends = true;
        var scheduler = Scheduler();
        scheduler.Start();
        _time.Run(TimeSpan.FromSeconds(1));
        Assert.True(_results.Count >= 9);
        Assert.All(_results, r => Assert.Equal(0, r.Round.Answered));
        Assert.Equal(2 * (_results.Count + 1), scheduler.Counters.SendFailures);
        Assert.Equal(0, scheduler.Counters.Sent);
    }

    [Fact]
    public void StopEndsProbingAndLaterRepliesAreLate()
    {
        var scheduler = Scheduler();
        scheduler.Start();
        scheduler.Stop();
        int sent = _isp.Sent.Count;
        _time.Run(TimeSpan.FromSeconds(10));
        Assert.Equal(sent, _isp.Sent.Count);
        Assert.Empty(_results);
        Assert.Equal((0, 2), (scheduler.Counters.Answered, scheduler.Counters.Late)); // round 0's replies came after Stop
    }

    [Fact]
    public void WithoutTargetsNothingIsSent()
    {
        Scheduler(targets: 0).Start();
        _time.Run(TimeSpan.FromSeconds(10));
        Assert.Empty(_isp.Sent);
    }
}

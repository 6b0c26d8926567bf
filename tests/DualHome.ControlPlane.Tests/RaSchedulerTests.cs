using System.Net;
using DualHome.ControlPlane.RouterAdvertisement;

namespace DualHome.ControlPlane.Tests;

public class RaSchedulerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IPAddress Host = IPAddress.Parse("fe80::1234");

    private static RaScheduler Scheduler(int minS = 3, int maxS = 10, int seed = 1) =>
        new(TimeSpan.FromSeconds(minS), TimeSpan.FromSeconds(maxS), new Random(seed));

    /// <summary>Runs the scheduler the way the engine does: jump to each due time, take what is due.</summary>
    private static List<(DateTimeOffset At, RaSend Send)> Drive(RaScheduler s, DateTimeOffset until)
    {
        var log = new List<(DateTimeOffset, RaSend)>();
        while (s.NextDue is { } due && due <= until)
            foreach (var send in s.TakeDue(due)) log.Add((due, send));
        return log;
    }

    [Fact]
    public void FirstAdvertisementGoesOutAtStart()
    {
        var s = Scheduler();
        s.Start(T0);
        Assert.Equal(T0, s.NextDue);
        Assert.True(Assert.Single(s.TakeDue(T0)).IsMulticast);
    }

    [Theory]
    [InlineData(3, 10)]
    [InlineData(200, 600)]
    [InlineData(450, 1800)]
    public void UnsolicitedIntervalsStayWithinRfcBounds(int minS, int maxS)
    {
        var s = Scheduler(minS, maxS, seed: minS);
        s.Start(T0);
        var sends = Drive(s, T0 + TimeSpan.FromHours(20));
        var gaps = sends.Zip(sends.Skip(1), (a, b) => b.At - a.At).ToList();
        // RFC 4861 §6.2.4: the first MAX_INITIAL_RTR_ADVERTISEMENTS intervals are capped at 16 s.
        Assert.All(gaps.Take(2), g => Assert.True(g <= RouterConstants.MaxInitialRtrAdvertInterval && g >= TimeSpan.FromSeconds(Math.Min(minS, 16))));
        Assert.All(gaps.Skip(2), g => Assert.InRange(g, TimeSpan.FromSeconds(minS), TimeSpan.FromSeconds(maxS)));
        Assert.True(gaps.Skip(2).Distinct().Count() > 5, "intervals must be random, not fixed");
    }

    [Fact]
    public void SolicitationIsAnsweredByMulticastWithinHalfASecond()
    {
        var s = Scheduler(200, 600);
        s.Start(T0);
        Drive(s, T0 + TimeSpan.FromSeconds(40)); // past the initial RAs
        var now = T0 + TimeSpan.FromSeconds(100);
        s.Solicited(now, Host);
        var due = s.NextDue!.Value;
        Assert.InRange(due - now, TimeSpan.Zero, RouterConstants.MaxRaDelayTime);
        Assert.True(Assert.Single(s.TakeDue(due)).IsMulticast);
    }

    [Fact]
    public void SolicitationSoonAfterAMulticastIsAnsweredByUnicast()
    {
        var s = Scheduler(200, 600);
        s.Start(T0);
        s.TakeDue(T0);
        var now = T0 + TimeSpan.FromSeconds(1); // within MIN_DELAY_BETWEEN_RAS of the last multicast
        s.Solicited(now, Host);
        var due = s.NextDue!.Value;
        Assert.InRange(due - now, TimeSpan.Zero, RouterConstants.MaxRaDelayTime);
        Assert.Equal(Host, Assert.Single(s.TakeDue(due)).Destination);
    }

    [Fact]
    public void SolicitationFromUnspecifiedSourceWaitsForTheRateLimitedMulticast()
    {
        var s = Scheduler(200, 600);
        s.Start(T0);
        s.TakeDue(T0);
        var now = T0 + TimeSpan.FromSeconds(1);
        s.Solicited(now, IPAddress.IPv6Any);
        var due = s.NextDue!.Value;
        // RFC 4861 §6.2.6: MIN_DELAY_BETWEEN_RAS after the previous one plus the random delay.
        Assert.InRange(due - T0, RouterConstants.MinDelayBetweenRas, RouterConstants.MinDelayBetweenRas + RouterConstants.MaxRaDelayTime);
        Assert.True(Assert.Single(s.TakeDue(due)).IsMulticast);
    }

    [Fact]
    public void ManyMulticastAnswersAreNeverCloserThanMinDelay()
    {
        var s = Scheduler(200, 600, seed: 7);
        s.Start(T0);
        var multicasts = new List<DateTimeOffset>();
        var now = T0;
        for (int i = 0; i < 400; i++, now += TimeSpan.FromMilliseconds(250))
        {
            foreach (var send in s.TakeDue(now).Where(x => x.IsMulticast)) multicasts.Add(now);
            s.Solicited(now, IPAddress.IPv6Any);
        }
        var gaps = multicasts.Zip(multicasts.Skip(1), (a, b) => b - a).Skip(3);
        Assert.All(gaps, g => Assert.True(g >= RouterConstants.MinDelayBetweenRas, $"gap {g}"));
    }

    [Fact]
    public void UnicastAnswersAreRateLimited()
    {
        var s = Scheduler(200, 600);
        s.Start(T0);
        s.TakeDue(T0);
        int unicasts = 0;
        var now = T0 + TimeSpan.FromMilliseconds(1);
        for (int i = 0; i < 1000; i++)
        {
            s.Solicited(now, IPAddress.Parse($"fe80::{i + 1:x}"));
            now += TimeSpan.FromMilliseconds(1); // 1000 hosts within 1 s, all inside MIN_DELAY of the multicast
            unicasts += s.TakeDue(now).Count(x => !x.IsMulticast);
        }
        unicasts += Drive(s, now + TimeSpan.FromSeconds(1)).Count(x => !x.Send.IsMulticast);
        Assert.InRange(unicasts, 10, 21); // burst of 10 plus 10 per second
    }

    [Fact]
    public void ContentChangeIsSentAtOnceEvenRightAfterAnotherRa()
    {
        var s = Scheduler(200, 600);
        s.Start(T0);
        s.TakeDue(T0);
        var change = T0 + TimeSpan.FromMilliseconds(100);
        s.ContentChanged(change);
        Assert.Equal(change, s.NextDue);
        Assert.True(Assert.Single(s.TakeDue(change)).IsMulticast);
        // then the RFC 4861 §6.2.4 quick repeats: two more within 16 s each
        var repeats = Drive(s, change + TimeSpan.FromSeconds(32));
        Assert.Equal(2, repeats.Count);
    }

    [Fact]
    public void StoppedSchedulerSendsNothing()
    {
        var s = Scheduler();
        s.Start(T0);
        s.Stop();
        Assert.Null(s.NextDue);
        s.Solicited(T0, Host);
        Assert.Empty(s.TakeDue(T0 + TimeSpan.FromHours(1)));
    }
}

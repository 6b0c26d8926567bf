using DualHome.DataPlane.Icmp;

namespace DualHome.DataPlane.Tests.Icmp;

public class IcmpRateLimiterTests
{
    private const long Second = TimeSpan.TicksPerSecond;

    [Fact]
    public void StartsFull_AllowsTheBurst_ThenRefuses()
    {
        var limiter = new IcmpRateLimiter(ratePerSecond: 10, burst: 5, Second);

        Assert.Equal(5, Enumerable.Range(0, 20).Count(_ => limiter.TryAcquire(1000 * Second)));
    }

    [Fact]
    public void Refills_AtTheRate()
    {
        var limiter = new IcmpRateLimiter(10, 5, Second);
        long now = 1000 * Second;
        while (limiter.TryAcquire(now)) { }

        Assert.False(limiter.TryAcquire(now + Second / 10 - 1));
        Assert.True(limiter.TryAcquire(now + Second / 10));  // one token per 100 ms
        Assert.False(limiter.TryAcquire(now + Second / 10));
    }

    [Fact]
    public void LongRunAverage_IsTheRate_AndIdlingRefillsOnlyUpToTheBurst()
    {
        var limiter = new IcmpRateLimiter(10, 5, Second);
        long start = 1000 * Second;
        int sent = 0;
        for (long t = start; t < start + 60 * Second; t += Second / 1000) // asked 1000 times a second for a minute
            sent += limiter.TryAcquire(t) ? 1 : 0;

        Assert.InRange(sent, 600, 605); // 10/s for 60 s, plus the initial burst

        long later = start + 3600 * Second; // an hour idle
        Assert.Equal(5, Enumerable.Range(0, 50).Count(_ => limiter.TryAcquire(later)));
    }

    [Fact]
    public void ClockSteppingBack_GrantsNothingExtra()
    {
        var limiter = new IcmpRateLimiter(10, 2, Second);
        long now = 1000 * Second;
        limiter.TryAcquire(now);
        limiter.TryAcquire(now);

        Assert.False(limiter.TryAcquire(now - 10 * Second));
        Assert.True(limiter.TryAcquire(now + Second / 10));
    }

    [Fact]
    public void ConcurrentCallers_ShareOneBucket()
    {
        var limiter = new IcmpRateLimiter(1, 100, Second);
        int granted = 0;

        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 10_000; i++)
                if (limiter.TryAcquire(42 * Second))
                    Interlocked.Increment(ref granted);
        });

        Assert.Equal(100, granted);
    }

    [Fact]
    public void TryAcquire_DoesNotAllocate()
    {
        var limiter = new IcmpRateLimiter(1000, 10, Second);
        for (long t = -200_000; t < 0; t++) limiter.TryAcquire(t); // warm-up: JIT tiering, not the limiter, may allocate
        long before = GC.GetAllocatedBytesForCurrentThread();

        for (long t = 0; t < 100_000; t++)
            limiter.TryAcquire(t);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(1, 0)]
    public void RejectsNonPositiveParameters(double rate, int burst)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IcmpRateLimiter(rate, burst, Second));
    }
}

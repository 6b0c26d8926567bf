using DualHome.Hardware.Leds;

namespace DualHome.Hardware.Tests.Leds;

public class LedPatternsTests
{
    [Theory]
    [InlineData(LedPattern.Off, false)]
    [InlineData(LedPattern.On, true)]
    public void SolidPatternsNeverChange(LedPattern pattern, bool on)
    {
        Assert.Equal((on, Timeout.InfiniteTimeSpan), LedPatterns.At(pattern, TimeSpan.FromHours(7)));
        Assert.True(LedPatterns.IsSolid(pattern));
        Assert.Null(LedPatterns.BlinkTimes(pattern));
    }

    [Theory]
    [InlineData(LedPattern.BlinkSlow, 500, 500)]
    [InlineData(LedPattern.BlinkFast, 125, 125)]
    [InlineData(LedPattern.Flash, 50, 50)]
    public void BlinksAreOnThenOffForTheirTimes(LedPattern pattern, int onMs, int offMs)
    {
        Assert.Equal((TimeSpan.FromMilliseconds(onMs), TimeSpan.FromMilliseconds(offMs)), LedPatterns.BlinkTimes(pattern));
        Assert.Equal((true, TimeSpan.FromMilliseconds(onMs)), LedPatterns.At(pattern, TimeSpan.Zero));
        Assert.Equal((true, TimeSpan.FromMilliseconds(1)), LedPatterns.At(pattern, TimeSpan.FromMilliseconds(onMs - 1)));
        Assert.Equal((false, TimeSpan.FromMilliseconds(offMs)), LedPatterns.At(pattern, TimeSpan.FromMilliseconds(onMs)));
        Assert.Equal((true, TimeSpan.FromMilliseconds(onMs)), LedPatterns.At(pattern, TimeSpan.FromMilliseconds(onMs + offMs) * 1000));
    }

    [Fact]
    public void HeartbeatBeatsTwiceASecond()
    {
        var levels = Enumerable.Range(0, 1000).Select(ms => LedPatterns.At(LedPattern.Heartbeat, TimeSpan.FromMilliseconds(ms)).On).ToList();
        Assert.Equal(140, levels.Count(on => on));
        Assert.Equal(2, levels.Zip(levels.Skip(1)).Count(p => !p.First && p.Second) + (levels[0] ? 1 : 0));
        Assert.Null(LedPatterns.BlinkTimes(LedPattern.Heartbeat));
    }

    [Fact]
    public void EveryPatternHasAMeaningfulCycle()
    {
        foreach (var pattern in Enum.GetValues<LedPattern>())
            Assert.All(LedPatterns.Cycle(pattern), step => Assert.True(step.Duration > TimeSpan.Zero));
    }
}

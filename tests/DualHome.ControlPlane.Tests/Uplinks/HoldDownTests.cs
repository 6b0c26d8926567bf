using DualHome.ControlPlane.Uplinks;

namespace DualHome.ControlPlane.Tests.Uplinks;

/// <summary>The flap-damping rule on its own, with plain monotonic times.</summary>
public class HoldDownTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void AStableUplinkHasNoHoldDown()
    {
        var h = new HoldDown();
        h.OnUp(S(0));
        Assert.False(h.OnDown(S(600))); // up for 10 min: not a flap
        Assert.Equal(TimeSpan.Zero, h.Current(S(600)));
    }

    [Fact]
    public void DownWithoutHavingBeenUpIsNoFlap()
    {
        var h = new HoldDown();
        Assert.False(h.OnDown(S(1))); // Starting → Down
        Assert.Equal(TimeSpan.Zero, h.Current(S(1)));
    }

    [Fact]
    public void EachFlapDoublesTheHoldDownUpTo60Seconds()
    {
        var h = new HoldDown();
        var seen = new List<double>();
        double t = 0;
        for (int i = 0; i < 9; i++)
        {
            h.OnUp(S(t));
            t += 10; // up for 10 s only
            Assert.True(h.OnDown(S(t)));
            seen.Add(h.Current(S(t)).TotalSeconds);
            t += 100; // down time does not matter
        }
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], seen);
    }

    [Fact]
    public void UpJustShortOfAMinuteIsAFlapAndAFullMinuteIsNot()
    {
        var h = new HoldDown();
        h.OnUp(S(0));
        Assert.True(h.OnDown(S(59.999)));
        h.OnUp(S(100));
        Assert.False(h.OnDown(S(160)));
        Assert.Equal(TimeSpan.Zero, h.Current(S(160))); // 1 s halved once is below 1 s: 0
    }

    [Fact]
    public void HoldDownHalvesPerStableMinuteUpAndReachesZero()
    {
        var h = Flapped(times: 7); // 60 s
        h.OnUp(S(0));
        double[] expected = [60, 30, 15, 7.5, 3.75, 1.875, 0];
        for (int minute = 0; minute < expected.Length; minute++)
            Assert.Equal(expected[minute], h.Current(S(minute * 60)).TotalSeconds);
        Assert.Equal(TimeSpan.Zero, h.Current(S(59.9 * 60)));
    }

    [Fact]
    public void HoldDownDoesNotDecayWhileDown()
    {
        var h = Flapped(times: 3); // 4 s, and down
        Assert.Equal(S(4), h.Current(S(-1000)));
        Assert.Equal(S(4), h.Current(S(1_000_000)));
    }

    /// <summary>A hold-down after <paramref name="times"/> flaps, left Down, its clock far in the past.</summary>
    private static HoldDown Flapped(int times)
    {
        var h = new HoldDown();
        for (int i = 0; i < times; i++)
        {
            h.OnUp(S(-10_000 + i * 100));
            h.OnDown(S(-10_000 + i * 100 + 5));
        }
        return h;
    }
}

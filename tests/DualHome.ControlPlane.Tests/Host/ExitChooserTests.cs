using System.Net;
using DualHome.Config.Host;
using DualHome.ControlPlane.Host;

namespace DualHome.ControlPlane.Tests.Host;

/// <summary>Issue 11: which exit new connections prefer, with documented thresholds and hysteresis.</summary>
public sealed class ExitChooserTests
{
    private static readonly IPNetwork A = IPNetwork.Parse("2001:db8:a:1::/64"), B = IPNetwork.Parse("2001:db8:b:1::/64");
    private static readonly ExitConfig Config = new(true, 10, 0.20, 2.0, TimeSpan.FromMilliseconds(20));

    private static ExitQuality Quality(int lost, double rttMs, int window = 10)
    {
        var q = new ExitQuality(window);
        for (int i = 0; i < window; i++) q.Add(i < lost ? null : TimeSpan.FromMilliseconds(rttMs));
        return q;
    }

    private static IReadOnlyDictionary<IPNetwork, ExitUse> Decide(ExitChooser c, ExitQuality a, ExitQuality b, bool aUp = true, bool bUp = true) =>
        c.Decide([new ExitView(A, aUp, a), new ExitView(B, bUp, b)]);

    [Fact]
    public void Two_similar_exits_are_both_used()
    {
        var d = Decide(new ExitChooser(Config), Quality(0, 10), Quality(1, 14));
        Assert.Equal(ExitUse.Use, d[A]);
        Assert.Equal(ExitUse.Use, d[B]);
    }

    [Theory]
    [InlineData(3, 10, 0, 10, true)]   // 30 % loss against 0 %
    [InlineData(2, 10, 0, 10, true)]   // exactly the threshold
    [InlineData(2, 10, 1, 10, false)]  // the other loses 10 %: not under half the threshold
    [InlineData(0, 45, 0, 10, true)]   // 45 > 2 × 10 + 20 ms
    [InlineData(0, 40, 0, 10, false)]  // 40 = 2 × 10 + 20: not above
    public void A_clearly_worse_exit_is_avoided(int lostA, double rttA, int lostB, double rttB, bool avoided)
    {
        var d = Decide(new ExitChooser(Config), Quality(lostA, rttA), Quality(lostB, rttB));
        Assert.Equal(avoided ? ExitUse.Worse : ExitUse.Use, d[A]);
        Assert.Equal(ExitUse.Use, d[B]);
    }

    [Fact]
    public void It_comes_back_only_well_inside_the_thresholds()
    {
        var chooser = new ExitChooser(Config);
        Assert.Equal(ExitUse.Worse, Decide(chooser, Quality(3, 10), Quality(0, 10))[A]);
        Assert.Equal(ExitUse.Worse, Decide(chooser, Quality(1, 10), Quality(0, 10))[A]); // 10 % ≥ half of 20 %
        Assert.Equal(ExitUse.Use, Decide(chooser, Quality(0, 10), Quality(0, 10))[A]);
        Assert.Equal(ExitUse.Worse, Decide(chooser, Quality(0, 45), Quality(0, 10))[A]);
        Assert.Equal(ExitUse.Worse, Decide(chooser, Quality(0, 25), Quality(0, 10))[A]); // 25 > 2 × 10, margin not forgiven
        Assert.Equal(ExitUse.Use, Decide(chooser, Quality(0, 19), Quality(0, 10))[A]);
    }

    [Fact]
    public void A_dead_exit_is_dead_and_the_other_is_never_judged_against_it()
    {
        var d = Decide(new ExitChooser(Config), Quality(10, 10), Quality(0, 100), aUp: false);
        Assert.Equal(ExitUse.Dead, d[A]);
        Assert.Equal(ExitUse.Use, d[B]);
    }

    [Fact]
    public void Nothing_is_judged_before_a_whole_window_or_with_selection_off()
    {
        var partial = new ExitQuality(10);
        partial.Add(null);
        partial.Add(null);
        Assert.Equal(ExitUse.Use, Decide(new ExitChooser(Config), partial, Quality(0, 10))[A]);
        Assert.Equal(ExitUse.Use, Decide(new ExitChooser(Config with { Enabled = false }), Quality(5, 10), Quality(0, 10))[A]);
    }

    [Fact]
    public void Quality_keeps_only_the_window_and_takes_the_median()
    {
        var q = new ExitQuality(3);
        q.Add(TimeSpan.FromMilliseconds(50));
        q.Add(null);
        q.Add(TimeSpan.FromMilliseconds(10));
        q.Add(TimeSpan.FromMilliseconds(30)); // pushes out the 50
        Assert.Equal(1 / 3.0, q.Loss, 6);
        Assert.Equal(TimeSpan.FromMilliseconds(30), q.MedianRtt);
        Assert.True(q.Full);
    }
}

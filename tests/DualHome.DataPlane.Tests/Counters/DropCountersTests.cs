using DualHome.DataPlane.Counters;

namespace DualHome.DataPlane.Tests.Counters;

public class DropCountersTests
{
    [Fact]
    public void CountsPerPortAndReason_AndSnapshotsOnlyNonzero()
    {
        var counters = new DropCounters(["lan0", "wana", "wanb"]);

        Assert.Equal(1, counters.Count(Port.Lan, DropReason.SourceNotInSite));
        Assert.Equal(2, counters.Count(Port.Lan, DropReason.SourceNotInSite));
        counters.Count(Port.Uplink(1), DropReason.NoRoute);

        Assert.Equal(
            [new DropCount("lan0", DropReason.SourceNotInSite, 2), new DropCount("wanb", DropReason.NoRoute, 1)],
            counters.Snapshot());
        Assert.Equal(2, counters.Total(Port.Lan));
        Assert.Equal(0, counters.Get(Port.Uplink(0), DropReason.NoRoute));
    }

    [Fact]
    public void UnknownPortsAndNone_AreIgnored()
    {
        var counters = new DropCounters(["lan0"]);

        Assert.Equal(0, counters.Count(Port.Uplink(0), DropReason.NoRoute));
        Assert.Equal(0, counters.Count(Port.Lan, DropReason.None));
        Assert.Equal(0, counters.Count(Port.Lan, (DropReason)200));
        Assert.Empty(counters.Snapshot());
    }

    [Fact]
    public void ConcurrentIncrements_AreNotLost()
    {
        var counters = new DropCounters(["lan0", "wana"]);

        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 100_000; i++)
                counters.Count(Port.Uplink(0), DropReason.HopLimitExceeded);
        });

        Assert.Equal(400_000, counters.Get(Port.Uplink(0), DropReason.HopLimitExceeded));
    }

    [Fact]
    public void Count_DoesNotAllocate()
    {
        var counters = new DropCounters(["lan0"]);
        for (int i = 0; i < 10_000; i++) counters.Count(Port.Lan, DropReason.TooBig); // warm-up: JIT tiering may allocate
        long before = GC.GetAllocatedBytesForCurrentThread();

        for (int i = 0; i < 10_000; i++)
            counters.Count(Port.Lan, DropReason.TooBig);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void EveryReason_HasAStableDistinctName()
    {
        string[] names = [.. Enumerable.Range(0, DropReasons.Count).Select(r => ((DropReason)r).ToStableName())];

        Assert.DoesNotContain("unknown", names);
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Equal("source_not_in_site", DropReason.SourceNotInSite.ToStableName());
        Assert.Equal("policy", DropReason.UplinkDown.ToGroup());
        Assert.Equal("malformed", DropReason.BadVersion.ToGroup());
    }
}

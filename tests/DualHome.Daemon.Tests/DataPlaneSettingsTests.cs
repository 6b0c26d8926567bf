using DualHome.Config;
using DualHome.Daemon.PacketMode;

namespace DualHome.Daemon.Tests;

/// <summary>The settings line of `show counters` in packet mode: what decides whether a worker keeps up.</summary>
public sealed class DataPlaneSettingsTests
{
    [Fact]
    public void Defaults_AreSpelledOut()
    {
        Assert.Equal("receive ring 8192 slots, coalescing 50 µs, ordinary priority, any CPU, offloads carried (GRO on)",
            DataPlaneReport.Settings(new DataPlaneConfig("packet", 1)));
    }

    [Fact]
    public void RealtimeAndPinnedWorkers_AreShown()
    {
        var settings = new DataPlaneConfig("packet", 2, RealtimePriority: 50, RingFrames: 2048, CoalesceMicroseconds: 0, Cpus: [3, 2],
            Offloads: DataPlaneConfig.OffloadsOff);
        Assert.Equal("receive ring 2048 slots, coalescing 0 µs, SCHED_FIFO 50, CPUs 3,2, offloads off", DataPlaneReport.Settings(settings));
    }
}

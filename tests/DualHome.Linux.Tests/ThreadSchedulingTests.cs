namespace DualHome.Linux.Tests;

/// <summary>SCHED_FIFO for packet-mode workers: applied to the calling thread only, visible in /proc.</summary>
public sealed class ThreadSchedulingTests
{
    [Fact]
    public void The_calling_thread_becomes_sched_fifo_and_no_other_does()
    {
        Assert.SkipUnless(Privileges.IsRoot, "SCHED_FIFO needs CAP_SYS_NICE: run as root");
        int error = -1;
        string? policyThere = null;
        var thread = new Thread(() =>
        {
            error = ThreadScheduling.TrySetRealtime(10);
            policyThere = Policy("/proc/thread-self/sched");
        });
        thread.Start();
        thread.Join();
        Assert.Equal(0, error);
        Assert.Equal("1", policyThere);                    // SCHED_FIFO
        Assert.Equal("0", Policy("/proc/thread-self/sched")); // this thread: SCHED_OTHER still
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Priorities_outside_1_to_99_are_refused(int priority) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadScheduling.TrySetRealtime(priority));

    [Fact]
    public void Timer_slack_is_set_for_the_calling_thread_only()
    {
        int error = -1;
        var slackThere = TimeSpan.Zero;
        var before = ThreadScheduling.TimerSlack();
        var thread = new Thread(() =>
        {
            error = ThreadScheduling.TrySetTimerSlack(TimeSpan.FromMicroseconds(1));
            slackThere = ThreadScheduling.TimerSlack();
        });
        thread.Start();
        thread.Join();
        Assert.Equal(0, error);
        Assert.Equal(TimeSpan.FromMicroseconds(1), slackThere);
        Assert.NotEqual(slackThere, before);
        Assert.Equal(before, ThreadScheduling.TimerSlack());
    }

    [Fact]
    public void Nap_sleeps_at_least_its_duration()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ThreadScheduling.Nap(TimeSpan.FromMilliseconds(20));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(20), $"woke after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Affinity_pins_the_calling_thread_only_and_a_missing_cpu_is_refused()
    {
        int error = -1, missing = -1;
        string? allowedThere = null;
        var thread = new Thread(() =>
        {
            error = ThreadScheduling.TrySetAffinity(0);
            allowedThere = Status("Cpus_allowed_list");
            missing = ThreadScheduling.TrySetAffinity(1023); // no machine here has 1024 CPUs
        });
        thread.Start();
        thread.Join();
        Assert.Equal(0, error);
        Assert.Equal("0", allowedThere);
        Assert.Equal(22, missing); // EINVAL
        if (Environment.ProcessorCount > 1)
            Assert.NotEqual("0", Status("Cpus_allowed_list"));
    }

    private static string? Status(string field) =>
        File.ReadAllLines("/proc/thread-self/status").Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0] == field).Select(p => p[1].Trim()).FirstOrDefault();

    /// <summary>The "policy" line of /proc/…/sched (0 SCHED_OTHER, 1 SCHED_FIFO).</summary>
    private static string? Policy(string path) =>
        File.ReadAllLines(path).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim() == "policy")
            .Select(p => p[1].Trim()).FirstOrDefault();
}

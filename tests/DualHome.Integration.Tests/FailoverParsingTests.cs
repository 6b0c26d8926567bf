using System.Net;
using DualHome.Testbed;
using DualHome.Testbed.Failover;
using DualHome.Testbed.Probing;
using DualHome.Testbed.Router;

namespace DualHome.Integration.Tests;

/// <summary>
/// The failover oracles (no root needed): the address monitor's parser of <c>ip -ts monitor</c>, the TCP probe's
/// JSON lines, the daemon's logged transitions, and the medians the bench prints.
/// </summary>
public sealed class FailoverParsingTests
{
    [Fact]
    public void Reads_a_deprecation_from_ip_monitor()
    {
        var e = AddressMonitor.Parse("[2026-11-29T09:24:03.793954] 3: eth0    inet6 2001:db8:a:1::5/64 scope global deprecated dynamic ",
            "100sec", "0sec");

        Assert.NotNull(e);
        Assert.Equal(IPAddress.Parse("2001:db8:a:1::5"), e.Address);
        Assert.Equal(64, e.PrefixLength);
        Assert.True(e.Deprecated);
        Assert.False(e.Preferred);
        Assert.Equal(Isp.A, e.Isp);
        Assert.Equal(793954, e.Time.ToLocalTime().Ticks / 10 % 1_000_000);
    }

    [Fact]
    public void Takes_the_last_stamp_when_ip_printed_one_for_a_filtered_message()
    {
        var e = AddressMonitor.Parse("[2026-11-29T09:24:04.850998] [2026-11-29T09:24:05.299035] 3: eth0    inet6 2001:db8:b:1::5/64 scope global dynamic ",
            "forever", "forever");

        Assert.NotNull(e);
        Assert.Equal(299035, e.Time.ToLocalTime().Ticks / 10 % 1_000_000);
        Assert.True(e.Preferred);
    }

    [Fact]
    public void Reads_a_deleted_address_and_rejects_other_lines()
    {
        var e = AddressMonitor.Parse("[2026-11-29T09:24:04.850998] Deleted 3: eth0    inet6 2001:db8:b:1::5/64 scope global dynamic ", "1sec", "0sec");

        Assert.True(e is { Deleted: true, Preferred: false });
        Assert.Null(AddressMonitor.Parse("[2026-11-29T09:24:04.850998] 3: eth0    inet 192.0.2.1/24 scope global eth0", "forever", "forever"));
        Assert.Null(AddressMonitor.Parse("garbage", "forever", "forever"));
    }

    [Fact]
    public void Reads_probe_lines()
    {
        var done = ProbeAttempt.TryParse("""{"seq": 7, "start": 1795944247005817844, "end": 1795944247006317844, "src": "2001:db8:b:1::9", "ok": true, "peer": "2001:db8:b:1::9", "err": null}""");
        var failed = ProbeAttempt.TryParse("""{"seq": 8, "start": 1795944247005817844, "end": 1795944247005817844, "src": null, "ok": false, "peer": null, "err": "ENETUNREACH"}""");
        var start = ProbeLine.TryParse("""{"seq": 9, "start": 1795944247005817844, "src": "2001:db8:a:1::9", "event": "start"}""");

        Assert.True(done is { Ok: true, Isp: Isp.B, Seq: 7 });
        Assert.Equal(0.5, done.Took.TotalMilliseconds, 3);
        Assert.True(failed is { Ok: false, Source: null, Error: "ENETUNREACH", Isp: null });
        Assert.True(start is ProbeStart { Seq: 9, Isp: Isp.A });
        Assert.Null(ProbeAttempt.TryParse("""{"seq": 9, "start": 1795944247005817844, "src": "2001:db8:a:1::9", "event": "start"}"""));
        Assert.Null(ProbeLine.TryParse("Traceback (most recent call last):"));
        Assert.Null(ProbeLine.TryParse("{\"seq\": "));
    }

    [Fact]
    public void Reads_the_daemons_uplink_transitions()
    {
        const string log = """
            2026-11-29T09:28:46.613+00:00 INF uplink a: "Starting" -> "Up" (5 probe rounds answered)
            2026-11-29T09:28:47.000+00:00 INF RA content changed
            2026-11-29T09:28:51.299+00:00 INF uplink a: "Down" -> "Up" (13 probe rounds answered over 1.1 s, hold-down 1 s)
            """;

        var t = DaemonTransitions.Parse(log);

        Assert.Equal(2, t.Count);
        Assert.True(t[1] is { Uplink: "a", From: "Down", To: "Up", Isp: Isp.A });
        Assert.Equal("13 probe rounds answered over 1.1 s, hold-down 1 s", t[1].Reason);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 9, 28, 51, 299, TimeSpan.Zero), t[1].Time);
    }

    [Fact]
    public void Summarises_runs_with_median_and_max_and_counts_the_missing()
    {
        var odd = Sample.Of("x", [Ms(30), Ms(10), null, Ms(20)]);
        var even = Sample.Of("y", [Ms(40), Ms(10), Ms(30), Ms(20)]);

        Assert.Equal((20.0, 30.0, 10.0, 1, 4), (odd.Median, odd.Max, odd.Min, odd.Missing, odd.Runs));
        Assert.Equal(25.0, even.Median);
        Assert.Null(Sample.Of("z", [null]).Median);
    }

    private static TimeSpan? Ms(double ms) => TimeSpan.FromMilliseconds(ms);
}

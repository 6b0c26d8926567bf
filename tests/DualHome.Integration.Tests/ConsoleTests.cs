using System.Text.Json;
using DualHome.Testbed;

namespace DualHome.Integration.Tests;

/// <summary>
/// The serial console (issue 6), driven through a pseudo-terminal as a person would use it: status, a bad change
/// refused naming the key with nothing changed, a good change committed live (the probe cadence the ISP sees
/// changes, the other uplink's state does not), saved, and still in force after a restart.
/// </summary>
public sealed class ConsoleTests : SiteTest
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact(Timeout = 180_000)]
    public Task Console_edits_commit_live_and_survive_a_restart() => WithSiteAsync(async site =>
    {
        await site.StartDaemonAsync();
        await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel);

        var first = await site.ConsoleAsync("show status", "set Uplinks.a.Probe.IntervalMs fast",
            "set Uplinks.a.LanPrefix 2001:db8:a::/48", "diff");
        Log(first.ToString());
        Assert.Equal(0, first.ExitCode);
        Assert.All(first.Exchanges, e => Assert.True(e.Prompted, $"no prompt after '{e.Line}'"));
        Assert.DoesNotContain('\u001b', string.Concat(first.Exchanges.Select(e => e.Output))); // dumb-terminal safe
        Assert.Matches(@"(?m)^a\s+up\s+preferred", first["show status"].Reply);
        Assert.Contains("Uplinks.a.Probe.IntervalMs", first["set Uplinks.a.Probe.IntervalMs fast"].Reply);
        Assert.Contains("Uplinks.a.LanPrefix", first["set Uplinks.a.LanPrefix 2001:db8:a::/48"].Reply);
        Assert.Contains("no uncommitted changes", first["diff"].Reply);

        var before = await ProbeRateAsync(site);
        var bBefore = await TransitionsAsync(site, "b");
        var second = await site.ConsoleAsync("set Uplinks.a.Probe.IntervalMs 500", "diff", "commit", "save");
        Log(second.ToString());
        Assert.Contains("+ Uplinks.a.Probe.IntervalMs 500", second["diff"].Reply);
        Assert.Contains("applied live", second["commit"].Reply);
        Assert.DoesNotContain("refused", second["save"].Reply, StringComparison.OrdinalIgnoreCase);
        var after = await ProbeRateAsync(site);
        Log($"probes from the router at ISP A: {before:0.0}/s before, {after:0.0}/s after the commit");
        Assert.True(after < before / 2, $"the probe rate did not drop: {before:0.0}/s → {after:0.0}/s");
        Assert.Equal(bBefore, await TransitionsAsync(site, "b")); // the other uplink was not disturbed

        Assert.Equal(0, (await site.StopDaemonAsync()).ExitCode);
        await site.RestartDaemonOnSameConfigAsync();
        await site.WaitForControlAsync(TimeSpan.FromSeconds(20), Cancel); // CI once typed into the console before it listened
        var third = await site.ConsoleAsync("show config");
        Log(third.ToString());
        Assert.Contains("Uplinks.a.Probe.IntervalMs 500", third["show config"].Reply);
        var restarted = await ProbeRateAsync(site);
        Assert.True(restarted < before / 2, $"after the restart probes run at {restarted:0.0}/s again");
    });

    /// <summary>Echo requests per second from the router's A address, counted by ISP A's nftables.</summary>
    private static async Task<double> ProbeRateAsync(Site site)
    {
        var router = Topology.RouterLanAddress(Isp.A);
        long start = (await site.CountersAsync(Isp.A)).From(router);
        await Task.Delay(Window, Cancel);
        return ((await site.CountersAsync(Isp.A)).From(router) - start) / Window.TotalSeconds;
    }

    private static async Task<long> TransitionsAsync(Site site, string uplink)
    {
        var json = (await site.CtlAsync("show", "status", "--json")).Stdout;
        using var doc = JsonDocument.Parse(json);
        foreach (var u in doc.RootElement.GetProperty("uplinks").EnumerateArray())
            if (u.GetProperty("name").GetString() == uplink) return u.GetProperty("transitions").GetInt64();
        throw new InvalidOperationException($"no uplink {uplink} in {json}");
    }
}

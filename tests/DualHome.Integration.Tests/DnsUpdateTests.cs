using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using DualHome.Testbed;

namespace DualHome.Integration.Tests;

/// <summary>
/// Inbound reachability (issue 9) against a real BIND 9 reachable through both ISPs: www is published with both
/// prefixes; ISP A's silent failure removes its address within about a second; its return adds it back; an update
/// held back by an unreachable server survives a daemon restart in the outbox and is delivered after it.
/// </summary>
public sealed class DnsUpdateTests : SiteTest
{
    private static readonly IPAddress WwwA = IPAddress.Parse("2001:db8:a:1::10"), WwwB = IPAddress.Parse("2001:db8:b:1::10");

    private static void WithDns(JsonObject c) => c["Dns"] = new JsonObject
    {
        ["Updates"] = new JsonArray(new JsonObject
        {
            ["Server"] = Site.DnsServer.ToString(),
            ["Zone"] = Site.Zone,
            ["Ttl"] = 30,
            ["Key"] = new JsonObject { ["Name"] = Site.DnsKeyName, ["Algorithm"] = "hmac-sha256", ["Secret"] = Site.DnsSecret },
            ["Records"] = new JsonArray(new JsonObject { ["Name"] = "www", ["InterfaceId"] = "::10" }),
        }),
    };

    [Fact(Timeout = 180_000)]
    public Task Names_follow_the_working_uplinks_and_a_pending_update_survives_a_restart() => WithSiteAsync(async site =>
    {
        await site.StartNamedAsync();
        await site.StartDaemonAsync(WithDns);
        var both = await WaitForAsync(site, [WwwA, WwwB], TimeSpan.FromSeconds(15));
        Log($"published after start: {both.Elapsed.TotalMilliseconds:0} ms");

        var failed = Stopwatch.StartNew();
        await site.SilentFailAsync(Isp.A);
        var onlyB = await WaitForAsync(site, [WwwB], TimeSpan.FromSeconds(10));
        Log($"ISP A silently dead → www has only the B address after {onlyB.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(onlyB.Elapsed < TimeSpan.FromSeconds(1.5), $"took {onlyB.Elapsed.TotalMilliseconds:0} ms");

        await site.RestoreAsync(Isp.A);
        var back = await WaitForAsync(site, [WwwA, WwwB], TimeSpan.FromSeconds(10));
        Log($"ISP A back → both addresses after {back.Elapsed.TotalMilliseconds:0} ms");

        // An update the server cannot receive stays in the outbox across a restart and goes out after it.
        await site.BlockDnsAsync(true);
        await site.SilentFailAsync(Isp.A);
        await PollAsync(async () => System.Text.RegularExpressions.Regex.IsMatch((await site.CtlAsync("show", "counters")).Stdout, @"update \d+ pending"),
            "the update to be pending");
        Assert.Equal(0, (await site.StopDaemonAsync()).ExitCode);
        var outbox = Directory.GetFiles(Path.Combine(site.WorkDirectory, "state"), "dns-outbox-*.json").Single();
        Assert.Contains(WwwA.ToString(), await File.ReadAllTextAsync(outbox, Cancel));
        await site.BlockDnsAsync(false);
        var router = await site.RestartDaemonOnSameConfigAsync();
        var delivered = await WaitForAsync(site, [WwwB], TimeSpan.FromSeconds(10));
        Log($"after the restart the pending update was delivered in {delivered.Elapsed.TotalMilliseconds:0} ms");
        Assert.Contains("still pending; sending it", await File.ReadAllTextAsync(router.LogPath!, Cancel));
        Assert.DoesNotContain(Site.DnsSecret, await File.ReadAllTextAsync(router.LogPath!, Cancel));
    });

    private static async Task<Stopwatch> WaitForAsync(Site site, IPAddress[] expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<IPAddress> seen = [];
        while (clock.Elapsed < timeout)
        {
            seen = await site.DigAaaaAsync("www");
            if (seen.SequenceEqual(expected.OrderBy(a => a.ToString()))) return clock;
            await Task.Delay(50, Cancel);
        }
        throw new TimeoutException($"www AAAA is [{string.Join(", ", seen)}], not [{string.Join(", ", expected)}], after {timeout.TotalSeconds} s");
    }

    private static async Task PollAsync(Func<Task<bool>> condition, string what)
    {
        for (var clock = Stopwatch.StartNew(); !await condition(); await Task.Delay(100, Cancel))
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException($"waited 10 s for {what}");
    }
}

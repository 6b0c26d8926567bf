using DualHome.Testbed;

namespace DualHome.Integration.Tests;

/// <summary>
/// The button's 10 s hold (issue 5, with issue 6's configuration lifecycle): the factory defaults installed next to
/// the configuration become the configuration (the old one kept as the backup), the router restarts on them, and
/// the logs are kept.
/// </summary>
public sealed class FactoryResetTests : SiteTest
{
    [Fact(Timeout = 120_000)]
    public Task Hold10_restores_the_factory_defaults_keeps_a_backup_and_the_logs() => WithSiteAsync(async site =>
    {
        var router = await site.StartDaemonAsync(c => c["Uplinks"]![0]!["Probe"]!["IntervalMs"] = 250);
        var factoryPath = Path.ChangeExtension(router.ConfigPath, null) + ".factory.json";
        var factory = (await File.ReadAllTextAsync(router.ConfigPath, Cancel)).Replace("\"IntervalMs\": 250", "\"IntervalMs\": 150");
        Assert.Contains("\"IntervalMs\": 150", factory);
        await File.WriteAllTextAsync(factoryPath, factory, Cancel);
        var before = await File.ReadAllTextAsync(router.ConfigPath, Cancel);
        await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.A), TimeSpan.FromSeconds(20), Cancel);

        var hold = await site.CtlAsync("button", "hold10");
        Log($"ctl button hold10 → exit {hold.ExitCode}: {(hold.Stdout + hold.Stderr).Trim()}");
        Assert.Equal(0, hold.ExitCode);

        string config = "";
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(15) && !config.Contains("IntervalMs 150");)
        {
            await Task.Delay(200, Cancel);
            config = (await site.CtlAsync("show", "config")).Stdout;
        }
        Log(config);
        Assert.Contains("Uplinks.a.Probe.IntervalMs 150", config);
        Assert.Equal(factory, await File.ReadAllTextAsync(router.ConfigPath, Cancel));
        Assert.Equal(before, await File.ReadAllTextAsync(router.ConfigPath + ".bak", Cancel));
        Assert.True(router.IsRunning, "the daemon exited instead of restarting the router");
        var log = await File.ReadAllTextAsync(router.LogPath!, Cancel);
        Assert.Contains("starting with", log); // the log from before the reset is still there
        Assert.Contains("factory reset by the button", log);
        var status = (await site.CtlAsync("show", "status")).Stdout;
        Log(status);
        Assert.Matches(@"(?m)^a\s+(up|starting)", status);
    });
}

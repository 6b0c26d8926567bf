using System.Text.Json.Nodes;
using DualHome.Testbed;
using DualHome.Testbed.Board;
using DualHome.Testbed.Failover;
using static DualHome.Testbed.Board.TestBoard;

namespace DualHome.Integration.Tests;

/// <summary>
/// Issue 5 on a real Linux host: a board profile whose three LEDs (system, wan-a, wan-b) are LED class directories
/// under a temporary <c>Board.LedClassRoot</c>, read back as files. The uplink LEDs tell the state at a glance
/// (board/README.md, "What the LEDs say"): solid — online, in use; fast blink (timer 125/125 ms) — cable in but the
/// ISP does not answer; slow blink (timer 500/500 ms) — on standby by the button; off — no carrier. The button is
/// pressed remotely with <c>dualhomed ctl button …</c>, which drives the same actions as the physical one.
/// LED times count from just before the injection (or the ctl command) and are printed.
/// </summary>
public sealed class BoardTests : FailoverTest
{
    private static readonly TimeSpan LedTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CarrierBound = TimeSpan.FromMilliseconds(500);

    /// <summary>As in <see cref="FailoverTests"/>: UpAfter (5) rounds at 100 ms with 75–100 % jitter take at least 300 ms.</summary>
    private static readonly TimeSpan QuickestHonestReturn = TimeSpan.FromMilliseconds((5 - 1) * 100 * 0.75);

    /// <summary>How long "nothing changes" is watched after a refused press.</summary>
    private static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(700);

    [Fact(Timeout = 60_000)]
    public Task Silent_failure_of_A_blinks_its_LED_fast_and_recovery_makes_it_solid_after_the_hysteresis() =>
        WithBoardAsync(Isp.A, async (site, watch, leds) =>
        {
            var steady = await WaitForSteadyLedsAsync(leds);

            var down = await watch.FailAsync(Isp.A, FailureKind.Silent, MeasureTimeout, Cancel);
            LogTiming(down);
            Assert.True(down.Deprecated is not null, $"the host never deprecated {down.HostAddress}: {down}");
            var fast = await leds.WaitForAsync(WanALed, LedShows.BlinkFast, down.Injection.Before, LedTimeout, Cancel);
            Log($"LED wan-a {fast.Reading} {Ms(fast.Time - down.Injection.Before)} after {down.Injection}; RA {Ms(down.RaAfter)}");

            var up = await watch.RecoverAsync(Isp.A, FailureKind.Silent, RecoveryBound, Cancel);
            LogTiming(up);
            Assert.True(up.Preferred is not null, $"A not preferred again within {RecoveryBound.TotalSeconds} s: {up}");
            var solid = await leds.WaitForAsync(WanALed, LedShows.Solid, up.Repair.Before, RecoveryBound, Cancel);
            var after = solid.Time - up.Repair.Before;
            Log($"LED wan-a {solid.Reading} {Ms(after)} after {up.Repair}; RA {Ms(up.RaAfter)}");
            Assert.Equal(LedShows.BlinkFast, leds.At(WanALed, up.Repair.Before).Shows);
            Assert.True(after >= QuickestHonestReturn, $"LED wan-a solid {Ms(after)} after the repair, before UpAfter rounds could pass");
            AssertShownSince(leds, WanALed, up.Repair.Before, LedShows.Solid);

            AssertUnchangedSince(leds, steady, WanBLed, SystemLed); // B online and in use throughout: solid, heartbeat
        });

    [Fact(Timeout = 60_000)]
    public Task Button_short_puts_A_on_standby_a_second_press_returns_to_automatic_and_hold10_without_factory_defaults_is_refused() =>
        WithBoardAsync(Isp.A, async (site, watch, leds) =>
        {
            var steady = await WaitForSteadyLedsAsync(leds);
            var (a, b) = (watch.Steady!.HostAddress[Isp.A], watch.Steady.HostAddress[Isp.B]);

            // Short press: the first preferred uplink in configuration order (a) goes standby.
            var press = await PressAsync(site, "short", expectedExit: 0);
            var deprecated = await watch.Addresses.TryWaitForAsync(e => e.Address.Equals(a) && !e.Deleted && e.Deprecated, press, MeasureTimeout, Cancel);
            Assert.True(deprecated is not null, $"the host did not deprecate {a} after the short press");
            var moved = await watch.Prober.WaitForAsync(x => x.Ok && x.Isp == Isp.B, press, MeasureTimeout, "a new connection from B after the press", Cancel);
            var slow = await leds.WaitForAsync(WanALed, LedShows.BlinkSlow, press, LedTimeout, Cancel);
            Log($"standby: host deprecated A {Ms(deprecated.Time - press)}, LED wan-a {slow.Reading} {Ms(slow.Time - press)}, " +
                $"first new connection from B {Ms(moved.End - press)} after the press: {moved}");
            Assert.Equal(b, moved.SeenByServer);
            Assert.True((await HostAddressAsync(site, a)).Deprecated, "ip addr does not show A deprecated");
            Assert.True((await HostAddressAsync(site, b)).Preferred, "ip addr does not show B preferred");
            var status = await StatusAsync(site);
            Assert.Equal(("up", "deprecated", "force-down"), status["a"]);
            Assert.Equal(("up", "preferred", "auto"), status["b"]);
            AssertShownSince(leds, WanALed, press, LedShows.BlinkSlow);

            // Second short press: back to automatic, A preferred again at once (no hysteresis: A never failed).
            var again = await PressAsync(site, "short", expectedExit: 0);
            var preferred = await watch.Addresses.TryWaitForAsync(e => e.Address.Equals(a) && e.Preferred, again, MeasureTimeout, Cancel);
            Assert.True(preferred is not null, $"the host did not prefer {a} again after the second press");
            var back = await watch.Prober.WaitForAsync(x => x.Ok && x.Isp == Isp.A, again, MeasureTimeout, "a new connection from A after the second press", Cancel);
            var solid = await leds.WaitForAsync(WanALed, LedShows.Solid, again, LedTimeout, Cancel);
            Log($"automatic: host prefers A {Ms(preferred.Time - again)}, LED wan-a {solid.Reading} {Ms(solid.Time - again)}, " +
                $"first new connection from A {Ms(back.End - again)} after the press: {back}");
            Assert.Equal(a, back.SeenByServer);
            foreach (var x in new[] { a, b }) Assert.True((await HostAddressAsync(site, x)).Preferred, $"ip addr does not show {x} preferred");
            status = await StatusAsync(site);
            Assert.Equal(("up", "preferred", "auto"), status["a"]);
            Assert.Equal(("up", "preferred", "auto"), status["b"]);
            AssertShownSince(leds, WanALed, again, LedShows.Solid);

            // Hold 10 s without factory defaults next to the configuration: refused, and nothing changes
            // (FactoryResetTests covers the reset itself).
            var config = await File.ReadAllTextAsync(site.Router!.ConfigPath, Cancel);
            var transitions = await TransitionsAsync(site);
            var hold = await PressAsync(site, "hold10", expectedExit: 1);
            await Task.Delay(QuietWindow, Cancel);
            Assert.True(site.Router.IsRunning, "the daemon exited after hold10");
            Assert.Empty(leds.Changes(since: hold));
            Assert.DoesNotContain(watch.Addresses.Events(), e => e.Time >= hold && (e.Address.Equals(a) || e.Address.Equals(b)) && !e.Preferred);
            status = await StatusAsync(site);
            Assert.Equal(("up", "preferred", "auto"), status["a"]);
            Assert.Equal(("up", "preferred", "auto"), status["b"]);
            Assert.Equal(transitions, await TransitionsAsync(site));
            Assert.Equal(config, await File.ReadAllTextAsync(site.Router.ConfigPath, Cancel));

            Assert.DoesNotContain(watch.Addresses.Events(), e => e.Time >= press && e.Address.Equals(b) && !e.Preferred);
            AssertUnchangedSince(leds, steady, WanBLed, SystemLed); // B in use throughout: solid; the system heartbeat
        });

    [Fact(Timeout = 60_000)]
    public Task Standby_A_returns_at_once_when_B_loses_its_carrier() =>
        WithBoardAsync(Isp.A, async (site, watch, leds) =>
        {
            await WaitForSteadyLedsAsync(leds);
            var a = watch.Steady!.HostAddress[Isp.A];
            var press = await PressAsync(site, "short", expectedExit: 0);
            await leds.WaitForAsync(WanALed, LedShows.BlinkSlow, press, LedTimeout, Cancel);
            await watch.Prober.WaitForAsync(x => x.Ok && x.Isp == Isp.B, press, MeasureTimeout, "a new connection from B after the press", Cancel);

            // README: "If the other ISP fails meanwhile, the standby one returns at once."
            var down = await site.FailAsync(Isp.B, FailureKind.Carrier);
            var preferred = await watch.Addresses.TryWaitForAsync(e => e.Address.Equals(a) && e.Preferred, down.Before, MeasureTimeout, Cancel);
            Assert.True(preferred is not null, $"the host did not prefer the standby {a} again after B's carrier loss");
            var back = await watch.Prober.WaitForAsync(x => x.Ok && x.Isp == Isp.A, down.Before, MeasureTimeout, "a new connection from A after B failed", Cancel);
            var solid = await leds.WaitForAsync(WanALed, LedShows.Solid, down.Before, LedTimeout, Cancel);
            var off = await leds.WaitForAsync(WanBLed, LedShows.Off, down.Before, LedTimeout, Cancel);
            Log($"failsafe after {down}: host prefers A {Ms(preferred.Time - down.Before)}, LED wan-a solid {Ms(solid.Time - down.Before)}, " +
                $"wan-b off {Ms(off.Time - down.Before)}, first new connection from A {Ms(back.End - down.Before)}: {back}");
            Assert.Equal(a, back.SeenByServer);
            Assert.Equal(LedShows.Heartbeat, leds.Current(SystemLed).Shows);
            var status = await StatusAsync(site);
            Assert.Equal(("up", "preferred", "auto"), status["a"]);
            Assert.Equal(("down", "deprecated", "auto"), status["b"]);

            // B back: both automatic and in use, no override left behind by the failsafe.
            var repair = await site.RepairAsync(Isp.B, FailureKind.Carrier);
            await leds.WaitForAsync(WanBLed, LedShows.Solid, repair.Before, RecoveryBound, Cancel);
            Assert.Equal(LedShows.Solid, leds.Current(WanALed).Shows);
            status = await StatusAsync(site);
            Assert.Equal(("up", "preferred", "auto"), status["b"]);
        });

    [Fact(Timeout = 60_000)]
    public Task Carrier_loss_of_B_turns_its_LED_off_until_the_cable_is_back() =>
        WithBoardAsync(Isp.B, async (site, watch, leds) =>
        {
            var steady = await WaitForSteadyLedsAsync(leds);

            var down = await watch.FailAsync(Isp.B, FailureKind.Carrier, MeasureTimeout, Cancel);
            LogTiming(down);
            var off = await leds.WaitForAsync(WanBLed, LedShows.Off, down.Injection.Before, LedTimeout, Cancel);
            var dark = off.Time - down.Injection.Before;
            Log($"LED wan-b {off.Reading} {Ms(dark)} after {down.Injection}; RA {Ms(down.RaAfter)}");
            Assert.True(dark < CarrierBound, $"LED wan-b went off {Ms(dark)} after the carrier loss (bound {Ms(CarrierBound)})");

            var up = await watch.RecoverAsync(Isp.B, FailureKind.Carrier, RecoveryBound, Cancel);
            LogTiming(up);
            AssertShown(leds, WanBLed, off.Time, up.Repair.Before, LedShows.Off); // dark while the cable is out
            var solid = await leds.WaitForAsync(WanBLed, LedShows.Solid, up.Repair.Before, RecoveryBound, Cancel);
            Log($"LED wan-b after the carrier returned: {leds.Describe(up.Repair.Before)}");
            Assert.True(up.Preferred is not null, $"B not preferred again within {RecoveryBound.TotalSeconds} s: {up}");
            // Cable back: fast blink while the ISP is tested (UpAfter rounds), then solid.
            AssertShownSince(leds, WanBLed, up.Repair.Before, LedShows.BlinkFast, LedShows.Solid);
            Assert.True(solid.Time - up.Repair.Before >= QuickestHonestReturn, $"LED wan-b solid {Ms(solid.Time - up.Repair.Before)} after the carrier returned");

            AssertUnchangedSince(leds, steady, WanALed, SystemLed); // A online and in use throughout

            // The daemon stops: every LED off (README: system LED off = daemon not running).
            var stop = await site.StopDaemonAsync();
            Log($"daemon stopped: {stop}; LEDs {leds.Leds.Describe()}");
            Assert.All(new[] { SystemLed, WanALed, WanBLed }, led => Assert.Equal(LedShows.Off, leds.Leds.Read(led).Shows));
        });

    /// <summary>A failover scenario with <see cref="TestBoard"/> configured and its LEDs recorded from the steady state.</summary>
    private static Task WithBoardAsync(Isp primary, Func<Site, SiteWatch, LedRecorder, Task> scenario)
    {
        TestBoard? board = null;
        return WithWatchAsync(primary, (site, config) =>
        {
            board = TestBoard.Create(site);
            board.Configure(config);
        }, async (site, watch) =>
        {
            var start = DateTimeOffset.UtcNow;
            await using var leds = LedRecorder.Start(board!.Leds);
            try
            {
                await scenario(site, watch, leds);
            }
            finally
            {
                Log($"LEDs as recorded: {leds.Describe(start)}");
            }
        });
    }

    /// <summary>Both ISPs online and in use: wan-a and wan-b solid, the system LED's heartbeat.</summary>
    private static async Task<DateTimeOffset> WaitForSteadyLedsAsync(LedRecorder leds)
    {
        var since = DateTimeOffset.UtcNow;
        foreach (var (led, shows) in new[] { (WanALed, LedShows.Solid), (WanBLed, LedShows.Solid), (SystemLed, LedShows.Heartbeat) })
            await leds.WaitForAsync(led, shows, since, LedTimeout, Cancel);
        var steady = DateTimeOffset.UtcNow;
        Log($"LEDs steady: {string.Join("; ", new[] { SystemLed, WanALed, WanBLed }.Select(l => leds.Current(l)))}");
        return steady;
    }

    /// <summary><c>dualhomed ctl button &lt;press&gt;</c>; returns the wall clock just before the command.</summary>
    private static async Task<DateTimeOffset> PressAsync(Site site, string press, int expectedExit)
    {
        var before = DateTimeOffset.UtcNow;
        var r = await site.CtlAsync("button", press);
        Log($"ctl button {press} → exit {r.ExitCode} in {Ms(r.Elapsed)}: {(r.Stdout + r.Stderr).Trim()}");
        Assert.True(r.ExitCode == expectedExit, $"`ctl button {press}` exited {r.ExitCode} (expected {expectedExit}): {r.Stderr.Trim()} {r.Stdout.Trim()}");
        if (press == "hold10") Assert.Contains("factory reset", r.Stderr);
        return before;
    }

    /// <summary>Each uplink's (state, advertised, override) from <c>ctl show status --json</c>.</summary>
    private static async Task<Dictionary<string, (string State, string Advertised, string Override)>> StatusAsync(Site site) =>
        (await StatusJsonAsync(site)).ToDictionary(u => (string)u["name"]!, u => ((string)u["state"]!, (string)u["advertised"]!, (string)u["override"]!));

    private static async Task<string> TransitionsAsync(Site site) =>
        string.Join(", ", (await StatusJsonAsync(site)).Select(u => $"{u["name"]}: {u["transitions"]}"));

    private static async Task<List<JsonNode>> StatusJsonAsync(Site site)
    {
        var r = (await site.CtlAsync("show", "status", "--json")).EnsureSuccess();
        return JsonNode.Parse(r.Stdout)!["uplinks"]!.AsArray().Select(u => u!).ToList();
    }

    /// <summary>What the LED showed from <paramref name="since"/> on, reads caught between two of the daemon's writes
    /// left out: exactly <paramref name="expected"/>, in order (the pattern in force at <paramref name="since"/> may
    /// come first when it is not the first one expected).</summary>
    private static void AssertShownSince(LedRecorder leds, string led, DateTimeOffset since, params LedShows[] expected) =>
        AssertShown(leds, led, since, null, expected);

    private static void AssertShown(LedRecorder leds, string led, DateTimeOffset since, DateTimeOffset? until, params LedShows[] expected)
    {
        var shown = leds.Shown(led, since, until).ToList();
        if (shown.Count > 1 && shown[0] != expected[0]) shown.RemoveAt(0);
        Assert.True(shown.SequenceEqual(expected),
            $"LED {led} showed {string.Join(" → ", shown)} (expected {string.Join(" → ", expected)}): {leds.Describe(since)}");
    }

    private static void AssertUnchangedSince(LedRecorder leds, DateTimeOffset since, params string[] names)
    {
        foreach (var led in names)
            Assert.True(leds.Changes(led, since).Count == 0, $"LED {led} changed: {leds.Describe(since)}");
    }

    private static string Ms(TimeSpan? span) => span is { } s ? $"{s.TotalMilliseconds:0} ms" : "(never)";
}

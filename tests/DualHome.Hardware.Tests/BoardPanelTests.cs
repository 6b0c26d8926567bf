using System.Device.Gpio;
using DualHome.ControlPlane.Uplinks;
using DualHome.Hardware.Boards;
using DualHome.Hardware.Buttons;
using DualHome.Hardware.Leds;
using DualHome.Hardware.Status;
using DualHome.Hardware.Tests.Leds;
using Microsoft.Extensions.Logging.Abstractions;
using static DualHome.Hardware.Leds.LedPattern;

namespace DualHome.Hardware.Tests;

/// <summary>The whole panel as the daemon wires it: a profile whose LEDs are LED class entries in a temporary root
/// and whose button is a GPIO line on an in-memory chip, real uplink monitors, the fake clock.</summary>
public sealed class BoardPanelTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly FakeLedClass _leds = new();
    private readonly Dictionary<string, FakeGpioDriver> _chips = [];
    private int _resets;

    public void Dispose()
    {
        _site.Dispose();
        _leds.Dispose();
    }

    /// <summary>system/wan-a/wan-b as LED class entries "t:sys", "t:a", "t:b"; the button on chip "gpio4" line 0.</summary>
    private static BoardProfile Profile(string wanA = "wan-isp-a", string wanB = "wan-isp-b") => new(
        "test", "test board", new BoardInterfaces("lan0", wanA, wanB), null,
        [
            new(LedRole.System, LedBackend.LedClass, "t:sys", null),
            new(LedRole.WanA, LedBackend.LedClass, "t:a", null),
            new(LedRole.WanB, LedBackend.LedClass, "t:b", null),
        ],
        new ButtonMapping(ButtonBackend.Gpio, new GpioLine("gpio4", 0, ActiveLow: true), null, null, 0), [], "test");

    private BoardPanel Panel(BoardProfile? profile = null, IEnumerable<(LedRole, ILedSink)>? extra = null)
    {
        foreach (var name in new[] { "t:sys", "t:a", "t:b" }) _leds.Add(name);
        return new BoardPanel(profile ?? Profile(), new BoardOptions(_leds.Root), _site.Health, () => _resets++, _site.Time,
            NullLoggerFactory.Instance, extra, OpenChip);
    }

    private GpioController OpenChip(string chip)
    {
        if (chip != "gpio4") throw new IOException($"no GPIO chip named or labelled '{chip}'");
        var driver = new FakeGpioDriver(_site.Time);
        driver.SetInput(0, PinValue.High); // released, pulled up
        _chips[chip] = driver;
        return new GpioController(driver);
    }

    /// <summary>What a person sees: trigger (and delays, or brightness) of each LED class entry.</summary>
    private string Seen(string name) => _leds.Read(name, "trigger") switch
    {
        "timer" => $"timer {_leds.Read(name, "delay_on")}/{_leds.Read(name, "delay_off")}",
        "none" => _leds.Read(name, "brightness") == "0" ? "off" : "on",
        var trigger => trigger,
    };

    private void Press(int ms)
    {
        _chips["gpio4"].SetInput(0, PinValue.Low);
        _site.Run(ms);
        _chips["gpio4"].SetInput(0, PinValue.High);
        _site.Run(100);
    }

    [Fact]
    public void TheLedsShowStartThenOnlineThenAFailedIspAndItsRecovery()
    {
        using var panel = Panel();
        panel.Start();
        Assert.Equal(("timer 500/500", "timer 125/125", "timer 125/125"), (Seen("t:sys"), Seen("t:a"), Seen("t:b")));
        _site.Online();
        Assert.Equal(("heartbeat", "on", "on"), (Seen("t:sys"), Seen("t:a"), Seen("t:b")));
        _site.IspA.Dead = true;
        _site.Run(500);
        Assert.Equal("timer 125/125", Seen("t:a")); // ISP unreachable
        _site.IspA.Dead = false;
        _site.Run(3000);
        Assert.Equal("on", Seen("t:a"));
    }

    [Fact]
    public void AShortPressSwitchesAwayFromAAndASecondReturnsToAutomatic()
    {
        using var panel = Panel();
        panel.Start();
        _site.Online();
        Press(200);
        Assert.Equal((UplinkOverride.ForceDown, false, true), (_site.A.Current.Override, _site.A.Current.Preferred, _site.B.Current.Preferred));
        Assert.Equal(("timer 500/500", "on"), (Seen("t:a"), Seen("t:b"))); // A on standby
        Press(200);
        Assert.Equal((UplinkOverride.Auto, true), (_site.A.Current.Override, _site.A.Current.Preferred));
        Assert.Equal("on", Seen("t:a"));
    }

    [Fact]
    public void HoldingTheButtonShowsEachThresholdOnTheSystemLed()
    {
        using var panel = Panel();
        panel.Start();
        _site.Online();
        _chips["gpio4"].SetInput(0, PinValue.Low);
        _site.Run(3100);
        Assert.Equal("timer 50/50", Seen("t:sys"));
        _site.Run(7000);
        Assert.Equal("on", Seen("t:sys"));
        _chips["gpio4"].SetInput(0, PinValue.High);
        _site.Run(100);
        Assert.Equal("heartbeat", Seen("t:sys"));
        Assert.Equal(1, _resets);
    }

    [Fact]
    public void CtlButtonDoesWhatTheButtonDoes()
    {
        using var panel = Panel();
        panel.Start();
        _site.Online();
        Assert.Equal(ButtonOutcome.SwitchedAway, panel.Press(ButtonEvent.Short).Outcome);
        Assert.Equal("isp-a", panel.Standby);
        Assert.Equal(BlinkSlow, panel.Leds[LedRole.WanA]);
        Assert.Equal(ButtonOutcome.AllAutomatic, panel.Press(ButtonEvent.Hold3).Outcome);
        Assert.Equal(On, panel.Leds[LedRole.WanA]);
    }

    [Fact]
    public void LedsFollowThePortsOfTheProfile()
    {
        using var panel = Panel(Profile(wanA: "wan-isp-b", wanB: "wan-isp-a"));
        panel.Start();
        _site.Online();
        _site.IspB.Dead = true;
        _site.Run(500);
        Assert.Equal(("timer 125/125", "on"), (Seen("t:a"), Seen("t:b")));
    }

    [Fact]
    public void CarrierLossDarkensTheLed()
    {
        using var panel = Panel();
        panel.Start();
        _site.Online();
        _site.B.OnCarrier(false);
        panel.OnCarrier("isp-b", false);
        Assert.Equal("off", Seen("t:b"));
    }

    [Fact]
    public void AnExtraMemorySinkMirrorsTheBoard()
    {
        var mirror = new MemoryLedSink("demo:a");
        using var panel = Panel(extra: [(LedRole.WanA, mirror)]);
        panel.Start();
        _site.Online();
        Assert.Equal(On, mirror.Pattern);
    }

    [Fact]
    public void MissingHardwareIsNoLedsAndNoButtonButTheRestWorks()
    {
        var profile = Profile() with
        {
            Leds = [new(LedRole.WanA, LedBackend.Gpio, null, new GpioLine("pinctrl-missing", 3, false)),
                    new(LedRole.WanB, LedBackend.LedClass, "not-there", null)],
            Button = new ButtonMapping(ButtonBackend.Input, null, null, "gpio-keys", 408),
        };
        using var panel = new BoardPanel(profile, new BoardOptions(_leds.Root, InputClassRoot: Path.Combine(_leds.Root, "no-input")),
            _site.Health, () => { }, _site.Time, NullLoggerFactory.Instance, openChip: OpenChip);
        panel.Start();
        _site.Online();
        Assert.Equal(On, panel.Leds[LedRole.WanA]);
        Assert.Equal(ButtonOutcome.SwitchedAway, panel.Press(ButtonEvent.Short).Outcome);
        panel.Stop();
    }

    [Fact]
    public void ProfileNoneRunsWithoutHardware()
    {
        using var panel = new BoardPanel(BoardProfile.None, new BoardOptions(), _site.Health, () => { }, _site.Time,
            NullLoggerFactory.Instance);
        panel.Start();
        _site.Online();
        Assert.Equal(Heartbeat, panel.Leds[LedRole.System]);
    }

    [Fact]
    public void StopRestoresTheLedsAndDisposeReleasesTheButtonLine()
    {
        var panel = Panel();
        panel.Start();
        _site.Online();
        panel.Dispose();
        Assert.Equal(("off", "off", "off"), (Seen("t:sys"), Seen("t:a"), Seen("t:b")));
        Assert.Empty(_chips["gpio4"].Open);
    }
}

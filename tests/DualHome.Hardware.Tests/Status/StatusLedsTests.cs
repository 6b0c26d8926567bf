using DualHome.Hardware.Leds;
using DualHome.Hardware.Status;
using Microsoft.Extensions.Logging.Abstractions;
using static DualHome.Hardware.Leds.LedPattern;

namespace DualHome.Hardware.Tests.Status;

/// <summary>The LEDs against real uplink monitors: what a person at the router would see.</summary>
public sealed class StatusLedsTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly MemoryLedSink _sys = new("sys"), _a = new("a"), _b = new("b");
    private readonly StatusLeds _leds;

    public StatusLedsTests() =>
        _leds = new StatusLeds(_site.Health, [(LedRole.System, _sys), (LedRole.WanA, _a), (LedRole.WanB, _b)],
            new Dictionary<LedRole, string> { [LedRole.WanA] = "isp-a", [LedRole.WanB] = "isp-b" }, NullLogger.Instance);

    public void Dispose()
    {
        _leds.Dispose();
        _site.Dispose();
    }

    private (LedPattern, LedPattern, LedPattern) Panel => (_sys.Pattern, _a.Pattern, _b.Pattern);

    [Fact]
    public void StartingThenOnline()
    {
        _leds.Start();
        Assert.Equal((BlinkSlow, BlinkFast, BlinkFast), Panel);
        _site.Online();
        Assert.Equal((Heartbeat, On, On), Panel);
    }

    [Fact]
    public void AFailingIspBlinksFastAndItsRecoveryIsSolidAgain()
    {
        _leds.Start();
        _site.Online();
        _site.IspA.Dead = true;
        _site.Run(500);
        Assert.Equal((Heartbeat, BlinkFast, On), Panel);
        _site.IspA.Dead = false;
        _site.Run(3000);
        Assert.Equal((Heartbeat, On, On), Panel);
    }

    [Fact]
    public void BothIspsDeadBlinksEverythingFast()
    {
        _leds.Start();
        _site.Online();
        _site.IspA.Dead = _site.IspB.Dead = true;
        _site.Run(500);
        Assert.Equal((BlinkFast, BlinkFast, BlinkFast), Panel);
    }

    [Fact]
    public void AnUnpluggedCableIsDark()
    {
        _leds.Start();
        _site.Online();
        _site.A.OnCarrier(false);
        _leds.OnCarrier("isp-a", false);
        Assert.Equal((Heartbeat, Off, On), Panel);
        _site.A.OnCarrier(true);
        _leds.OnCarrier("isp-a", true);
        Assert.Equal(BlinkFast, _a.Pattern); // probing again
        _site.Run(2000);
        Assert.Equal(On, _a.Pattern);
    }

    [Fact]
    public void AConsoleOverrideShowsAsStandby()
    {
        _leds.Start();
        _site.Online();
        _site.B.SetOverride(ControlPlane.Uplinks.UplinkOverride.ForceDown);
        Assert.Equal((Heartbeat, On, BlinkSlow), Panel);
    }

    [Fact]
    public void StopTurnsEveryLedOffAndStopsFollowing()
    {
        _leds.Start();
        _site.Online();
        _leds.Stop();
        Assert.Equal((Off, Off, Off), Panel);
        _site.IspA.Dead = true;
        _site.Run(500);
        Assert.Equal((Off, Off, Off), Panel);
    }

    [Fact]
    public void ButtonFeedbackShowsOnTheSystemLed()
    {
        _leds.Start();
        _site.Online();
        _leds.ShowButton(ButtonFeedback.Hold3);
        Assert.Equal(Flash, _sys.Pattern);
        _leds.ShowButton(ButtonFeedback.None);
        Assert.Equal(Heartbeat, _sys.Pattern);
    }
}

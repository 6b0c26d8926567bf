using DualHome.ControlPlane.Tests.Uplinks;
using DualHome.Hardware.Leds;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.Hardware.Tests.Leds;

public sealed class LedClassSinkTests : IDisposable
{
    private const string Name = "nanopi-r2s:green:wan";
    private readonly FakeLedClass _leds = new();
    private readonly SimulatedTime _time = new(TestUplinks.T0);
    private readonly LedBlinker _blinker;

    public LedClassSinkTests() => _blinker = new LedBlinker(_time);

    public void Dispose()
    {
        _blinker.Dispose();
        _leds.Dispose();
    }

    private ILedSink Open(string name = Name) => LedClassSink.Open(_leds.Root, name, _blinker, NullLogger.Instance);

    [Fact]
    public void OnWritesMaxBrightnessWithNoTrigger()
    {
        _leds.Add(Name);
        Open().Set(LedPattern.On);
        Assert.Equal(("255", "none", "500\n", "500\n"), _leds.State(Name));
    }

    [Fact]
    public void OffWritesZeroBrightnessWithNoTrigger()
    {
        _leds.Add(Name);
        var led = Open();
        led.Set(LedPattern.On);
        led.Set(LedPattern.Off);
        Assert.Equal("0", _leds.Read(Name, "brightness"));
        Assert.Equal("none", _leds.Read(Name, "trigger"));
    }

    [Theory]
    [InlineData(LedPattern.BlinkSlow, "500", "500")]
    [InlineData(LedPattern.BlinkFast, "125", "125")]
    [InlineData(LedPattern.Flash, "50", "50")]
    public void BlinkingIsTheKernelsTimerTrigger(LedPattern pattern, string on, string off)
    {
        _leds.Add(Name);
        Open().Set(pattern);
        Assert.Equal(("0\n", "timer", on, off), _leds.State(Name));
    }

    [Fact]
    public void HeartbeatUsesTheHeartbeatTriggerWhereTheKernelHasIt()
    {
        _leds.Add(Name);
        Open().Set(LedPattern.Heartbeat);
        Assert.Equal("heartbeat", _leds.Read(Name, "trigger"));
    }

    [Fact]
    public void WithoutTheHeartbeatTriggerAHeartbeatIsAShortTimerBlip()
    {
        _leds.Add(Name, triggers: "[none] timer");
        Open().Set(LedPattern.Heartbeat);
        Assert.Equal(("0\n", "timer", "100", "900"), _leds.State(Name));
    }

    [Fact]
    public void WithoutTheTimerTriggerTheDaemonBlinksBrightness()
    {
        _leds.Add(Name, triggers: "[none]", maxBrightness: "1");
        Open().Set(LedPattern.BlinkSlow);
        Assert.Equal(("1", "none"), (_leds.Read(Name, "brightness"), _leds.Read(Name, "trigger")));
        _time.Run(TimeSpan.FromMilliseconds(500));
        Assert.Equal("0", _leds.Read(Name, "brightness"));
        _time.Run(TimeSpan.FromMilliseconds(500));
        Assert.Equal("1", _leds.Read(Name, "brightness"));
    }

    [Fact]
    public void SwitchingFromSoftwareBlinkToSolidStopsTheBlinker()
    {
        _leds.Add(Name, triggers: "[none]");
        var led = Open();
        led.Set(LedPattern.BlinkFast);
        led.Set(LedPattern.On);
        _time.Run(TimeSpan.FromSeconds(2));
        Assert.Equal("255", _leds.Read(Name, "brightness"));
    }

    [Fact]
    public void SettingTheSamePatternAgainWritesNothing()
    {
        _leds.Add(Name);
        var led = Open();
        led.Set(LedPattern.BlinkFast);
        File.WriteAllText(Path.Combine(_leds.Root, Name, "trigger"), "touched");
        led.Set(LedPattern.BlinkFast);
        Assert.Equal("touched", _leds.Read(Name, "trigger"));
    }

    [Fact]
    public void AMissingLedIsANoOpSink()
    {
        var led = Open("no-such-led");
        Assert.IsType<NullLedSink>(led);
        led.Set(LedPattern.BlinkFast);
        Assert.False(Directory.Exists(Path.Combine(_leds.Root, "no-such-led")));
    }

    [Fact]
    public void AFailingWriteIsSwallowed()
    {
        var dir = _leds.Add(Name);
        var led = Open();
        File.Delete(Path.Combine(dir, "delay_on")); // as before the timer trigger is selected; O_TRUNC never creates it
        led.Set(LedPattern.BlinkFast);
        Assert.False(File.Exists(Path.Combine(dir, "delay_on")));
        Assert.Equal("125", _leds.Read(Name, "delay_off"));
    }

    [Fact]
    public void DisposeRestoresTheTriggerFoundAtStart()
    {
        _leds.Add(Name, triggers: "none timer [heartbeat]");
        var led = Open();
        led.Set(LedPattern.BlinkFast);
        led.Dispose();
        Assert.Equal("heartbeat", _leds.Read(Name, "trigger"));
    }

    [Fact]
    public void DisposeTurnsOffAnLedThatHadNoTrigger()
    {
        _leds.Add(Name);
        var led = Open();
        led.Set(LedPattern.On);
        led.Dispose();
        Assert.Equal(("0", "none"), (_leds.Read(Name, "brightness"), _leds.Read(Name, "trigger")));
    }

    [Theory]
    [InlineData("none rc-feedback [timer] heartbeat", "timer", 4)]
    [InlineData("[none] timer", "none", 2)]
    [InlineData("none mmc0 default-on", null, 3)]
    [InlineData("", null, 0)]
    public void TriggerListsAreParsed(string text, string? current, int count)
    {
        var (available, selected) = LedClassSink.ParseTriggers(text);
        Assert.Equal(current, selected);
        Assert.Equal(count, available.Count);
    }
}

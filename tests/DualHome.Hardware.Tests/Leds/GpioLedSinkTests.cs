using System.Device.Gpio;
using DualHome.ControlPlane.Tests.Uplinks;
using DualHome.Hardware.Boards;
using DualHome.Hardware.Leds;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.Hardware.Tests.Leds;

public class GpioLedSinkTests
{
    private readonly SimulatedTime _time = new(TestUplinks.T0);
    private readonly FakeGpioDriver _driver;
    private readonly GpioChip _chip;
    private readonly LedBlinker _blinker;

    public GpioLedSinkTests()
    {
        _driver = new FakeGpioDriver(_time);
        _chip = new GpioChip("test", new GpioController(_driver));
        _blinker = new LedBlinker(_time);
    }

    private ILedSink Open(int line, bool activeLow = false) =>
        GpioLedSink.Open($"led {line}", _chip, line, activeLow, _blinker, NullLogger.Instance);

    private List<(TimeSpan At, PinValue Value)> Writes(int line) =>
        _driver.Writes.Where(w => w.Pin == line).Select(w => (w.At, w.Value)).ToList();

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void OpensTheLineAsAnOutputThatIsOff()
    {
        Open(17);
        Assert.Contains(17, _driver.Open);
        Assert.Equal(PinMode.Output, _driver.Mode(17));
        Assert.Equal(PinValue.Low, _driver.Value(17));
    }

    [Fact]
    public void SolidPatternsWriteOnceAndArmNoTimer()
    {
        var led = Open(17);
        led.Set(LedPattern.On);
        _time.Run(TimeSpan.FromSeconds(5));
        led.Set(LedPattern.Off);
        Assert.Equal([(Ms(0), PinValue.Low), (Ms(0), PinValue.High), (TimeSpan.FromSeconds(5), PinValue.Low)], Writes(17));
    }

    [Fact]
    public void ActiveLowInvertsTheLevel()
    {
        var led = Open(4, activeLow: true);
        Assert.Equal(PinValue.High, _driver.Value(4)); // off
        led.Set(LedPattern.On);
        Assert.Equal(PinValue.Low, _driver.Value(4));
    }

    [Fact]
    public void FastBlinkTogglesEvery125Ms()
    {
        var led = Open(17);
        led.Set(LedPattern.BlinkFast);
        _time.Run(Ms(600));
        var expected = new List<(TimeSpan, PinValue)> { (Ms(0), PinValue.Low) };
        for (int i = 0; i * 125 <= 600; i++) expected.Add((Ms(i * 125), i % 2 == 0 ? PinValue.High : PinValue.Low));
        Assert.Equal(expected, Writes(17));
    }

    [Fact]
    public void LedsWithTheSamePatternBlinkInStepFromOneTimer()
    {
        var a = Open(17);
        var b = Open(27);
        a.Set(LedPattern.BlinkSlow);
        _time.Run(Ms(250));
        b.Set(LedPattern.BlinkSlow); // joins mid-cycle: on now, off at 500 ms with a
        _time.Run(Ms(1000));
        Assert.Equal([(Ms(0), PinValue.Low), (Ms(0), PinValue.High), (Ms(500), PinValue.Low), (Ms(1000), PinValue.High)], Writes(17));
        Assert.Equal([(Ms(0), PinValue.Low), (Ms(250), PinValue.High), (Ms(500), PinValue.Low), (Ms(1000), PinValue.High)], Writes(27));
    }

    [Fact]
    public void ChangingToSolidStopsBlinking()
    {
        var led = Open(17);
        led.Set(LedPattern.Flash);
        _time.Run(Ms(120));
        led.Set(LedPattern.On);
        int count = _driver.Writes.Count;
        _time.Run(TimeSpan.FromSeconds(3));
        Assert.Equal(count, _driver.Writes.Count);
        Assert.Equal(PinValue.High, _driver.Value(17));
    }

    [Fact]
    public void ABusyLineIsANoOpSinkNotAnException()
    {
        _driver.Busy.Add(5);
        var led = Open(5);
        Assert.IsType<NullLedSink>(led);
        led.Set(LedPattern.BlinkFast);
        _time.Run(TimeSpan.FromSeconds(1));
        Assert.Empty(Writes(5));
    }

    [Fact]
    public void DisposeTurnsTheLedOffAndReleasesTheLine()
    {
        var led = Open(17);
        led.Set(LedPattern.BlinkFast);
        _time.Run(Ms(10));
        led.Dispose();
        Assert.Equal(PinValue.Low, _driver.Value(17));
        Assert.DoesNotContain(17, _driver.Open);
        int count = _driver.Writes.Count;
        _time.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(count, _driver.Writes.Count);
    }
}

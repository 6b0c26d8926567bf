using System.Device.Gpio;
using DualHome.ControlPlane.Tests.Uplinks;
using DualHome.Hardware.Boards;
using DualHome.Hardware.Buttons;
using DualHome.Hardware.Tests.Leds;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.Hardware.Tests.Buttons;

public sealed class GpioButtonSourceTests : IDisposable
{
    private readonly SimulatedTime _time = new(TestUplinks.T0);
    private readonly FakeGpioDriver _driver;
    private readonly GpioChip _chip;
    private readonly List<(TimeSpan At, bool Pressed)> _edges = [];
    private readonly long _origin;

    public GpioButtonSourceTests()
    {
        _origin = _time.GetTimestamp();
        _driver = new FakeGpioDriver(_time);
        _chip = new GpioChip("test", new GpioController(_driver));
    }

    public void Dispose() => _chip.Dispose();

    private IButtonSource Open(int line, bool activeLow) =>
        GpioButtonSource.Open("button", _chip, line, activeLow, p => _edges.Add((_time.GetElapsedTime(_origin), p)), _time,
            NullLogger.Instance);

    private void Set(int line, PinValue value, int thenMs)
    {
        _driver.SetInput(line, value);
        _time.Run(TimeSpan.FromMilliseconds(thenMs));
    }

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void AnActiveLowButtonPullsUpAndReadsLowAsPressed()
    {
        _driver.SetInput(23, PinValue.High); // idle, pulled up
        var button = Open(23, activeLow: true);
        Assert.Equal(PinMode.InputPullUp, _driver.Mode(23));
        button.Start();
        Set(23, PinValue.Low, 100);
        Set(23, PinValue.High, 100);
        Assert.Equal([(Ms(20), true), (Ms(120), false)], _edges); // seen at the next samples
    }

    [Fact]
    public void AnActiveHighButtonPullsDownAndReadsHighAsPressed()
    {
        var button = Open(24, activeLow: false);
        Assert.Equal(PinMode.InputPullDown, _driver.Mode(24));
        button.Start();
        Set(24, PinValue.High, 50);
        Set(24, PinValue.Low, 50);
        Assert.Equal([true, false], _edges.Select(e => e.Pressed));
    }

    [Fact]
    public void TheLineIsSampledEvery20Ms()
    {
        _driver.SetInput(23, PinValue.High);
        Open(23, activeLow: true).Start();
        _time.Run(Ms(5));
        Set(23, PinValue.Low, 100);   // pressed at 5 ms: seen at the 20 ms sample
        Assert.Equal([(Ms(20), true)], _edges);
        Assert.Equal(6, _driver.Reads); // 0, 20, 40, 60, 80, 100
    }

    [Fact]
    public void WithoutBiasSupportTheLineIsAPlainInput()
    {
        _driver.UnsupportedModes.Add(PinMode.InputPullUp);
        Open(23, activeLow: true);
        Assert.Equal(PinMode.Input, _driver.Mode(23));
    }

    [Fact]
    public void AButtonHeldAtStartIsReportedPressed()
    {
        _driver.SetInput(23, PinValue.Low);
        Open(23, activeLow: true).Start();
        Assert.Equal([(Ms(0), true)], _edges);
    }

    [Fact]
    public void BouncingContactsAreDebouncedByTheLogic()
    {
        using var logic = new ButtonLogic(_time, NullLogger.Instance);
        var events = new List<ButtonEvent>();
        logic.Pressed += events.Add;
        _driver.SetInput(23, PinValue.High);
        GpioButtonSource.Open("button", _chip, 23, true, logic.OnRawEdge, _time, NullLogger.Instance).Start();
        foreach (var level in new[] { 0, 1, 0, 1, 0 })
            Set(23, level == 0 ? PinValue.Low : PinValue.High, 7);
        _time.Run(Ms(300));
        foreach (var level in new[] { 1, 0, 1 })
            Set(23, level == 0 ? PinValue.Low : PinValue.High, 7);
        _time.Run(Ms(100));
        Assert.Equal([ButtonEvent.Short], events);
    }

    [Fact]
    public void DisposeStopsSamplingAndReleasesTheLine()
    {
        var button = Open(23, activeLow: true);
        button.Start();
        _time.Run(Ms(50));
        button.Dispose();
        int reads = _driver.Reads;
        _time.Run(Ms(200));
        Assert.Equal(reads, _driver.Reads);
        Assert.DoesNotContain(23, _driver.Open);
    }

    [Fact]
    public void ABusyLineIsNoButtonNotAnException()
    {
        _driver.Busy.Add(23);
        var button = Open(23, activeLow: true);
        Assert.IsType<NullButtonSource>(button);
        button.Start();
    }
}

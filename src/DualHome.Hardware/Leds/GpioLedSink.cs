using System.Device.Gpio;
using DualHome.Hardware.Boards;
using Microsoft.Extensions.Logging;

namespace DualHome.Hardware.Leds;

/// <summary>An LED on a GPIO line (System.Device.Gpio, libgpiod in production), blinked by the shared
/// <see cref="LedBlinker"/>. Active-low lines (LED between the pin and 3.3 V) are driven inverted.</summary>
public sealed class GpioLedSink : ILedSink, IBlinkOutput
{
    private readonly GpioChip _chip;
    private readonly int _line;
    private readonly bool _activeLow;
    private readonly LedBlinker _blinker;
    private readonly ILogger _log;
    private LedPattern? _pattern;
    private bool _failing;

    private GpioLedSink(string name, GpioChip chip, int line, bool activeLow, LedBlinker blinker, ILogger log)
    {
        (Name, _chip, _line, _activeLow, _blinker, _log) = (name, chip, line, activeLow, blinker, log);
    }

    public string Name { get; }

    /// <summary>Opens the line as an output, initially off. A line that cannot be opened (busy, no such line) is
    /// a warning and a <see cref="NullLedSink"/>.</summary>
    public static ILedSink Open(string name, GpioChip chip, int line, bool activeLow, LedBlinker blinker, ILogger log)
    {
        try
        {
            chip.OpenOutput(line, Level(false, activeLow));
            return new GpioLedSink(name, chip, line, activeLow, blinker, log);
        }
        catch (Exception e) // hardware boundary: any driver failure means "no LED", never a crash
        {
            HardwareLog.GpioLineUnavailable(log, e, name, line, e.Message);
            return new NullLedSink(name);
        }
    }

    public void Set(LedPattern pattern)
    {
        if (_pattern == pattern) return;
        _pattern = pattern;
        _blinker.Set(this, pattern);
    }

    public void Write(bool on)
    {
        try
        {
            _chip.Write(_line, Level(on, _activeLow));
            _failing = false;
        }
        catch (Exception e) // hardware boundary: logged once per episode
        {
            if (!_failing) HardwareLog.LedWriteFailed(_log, e, Name, e.Message);
            _failing = true;
        }
    }

    public void Dispose()
    {
        _blinker.Remove(this);
        Write(false);
        try
        {
            _chip.Close(_line);
        }
        catch (Exception e) // closing at shutdown: nothing left to protect
        {
            HardwareLog.LedWriteFailed(_log, e, Name, e.Message);
        }
    }

    private static PinValue Level(bool on, bool activeLow) => on != activeLow ? PinValue.High : PinValue.Low;
}

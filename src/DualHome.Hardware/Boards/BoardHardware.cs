using System.Device.Gpio;
using DualHome.Hardware.Buttons;
using DualHome.Hardware.Leds;
using DualHome.Hardware.Status;
using Microsoft.Extensions.Logging;

namespace DualHome.Hardware.Boards;

/// <summary>The LEDs and the button of a <see cref="BoardProfile"/>, opened. Whatever is missing (no libgpiod, no
/// such chip, line, LED class entry or input device) is one warning and a no-op stand-in: opening never throws.
/// Owns what it opened (GPIO controllers, sinks, the button source, the blink timer) and closes it on
/// <see cref="Dispose"/>.</summary>
public sealed class BoardHardware : IDisposable
{
    private readonly BoardProfile _profile;
    private readonly BoardOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly Func<string, GpioController> _openChip;
    private readonly Dictionary<string, GpioChip?> _chips = new(StringComparer.Ordinal);
    private readonly List<(LedRole, ILedSink)> _leds = [];
    private IButtonSource? _button;

    private BoardHardware(BoardProfile profile, BoardOptions options, TimeProvider time, ILogger log, Func<string, GpioController> openChip)
    {
        (_profile, _options, _time, _log, _openChip) = (profile, options, time, log, openChip);
        Blinker = new LedBlinker(time);
    }

    public LedBlinker Blinker { get; }

    public IReadOnlyList<(LedRole Role, ILedSink Sink)> Leds => _leds;

    /// <param name="openChip">Opens a GPIO chip by name; <see cref="GpioChips.Open"/> unless a test injects a fake driver.</param>
    public static BoardHardware Open(BoardProfile profile, BoardOptions options, TimeProvider time, ILogger log,
        Func<string, GpioController>? openChip = null)
    {
        var hardware = new BoardHardware(profile, options, time, log, openChip ?? GpioChips.Open);
        foreach (var led in profile.Leds) hardware._leds.Add((led.Role, hardware.OpenLed(led)));
        return hardware;
    }

    /// <summary>Opens the profile's button, reporting edges to <paramref name="onEdge"/>; not started yet.</summary>
    public IButtonSource OpenButton(Action<bool> onEdge)
    {
        _button?.Dispose();
        _button = _profile.Button is { } b ? OpenButton(b, onEdge) : new NullButtonSource("none");
        return _button;
    }

    public void Dispose()
    {
        _button?.Dispose();
        foreach (var (_, sink) in _leds) sink.Dispose();
        Blinker.Dispose();
        foreach (var chip in _chips.Values) chip?.Dispose();
        _chips.Clear();
    }

    private ILedSink OpenLed(LedMapping led)
    {
        var name = led.Role.Name();
        if (led.Backend == LedBackend.LedClass)
            return LedClassSink.Open(_options.EffectiveLedClassRoot(_profile), led.ClassName!, Blinker, _log);
        var line = led.Gpio!;
        return Chip(line.Chip) is { } chip
            ? GpioLedSink.Open($"led {name}", chip, line.Line, line.ActiveLow, Blinker, _log)
            : new NullLedSink(name);
    }

    private IButtonSource OpenButton(ButtonMapping button, Action<bool> onEdge)
    {
        if (button.Backend == ButtonBackend.Gpio)
        {
            var line = button.Gpio!;
            return Chip(line.Chip) is { } chip
                ? GpioButtonSource.Open("button", chip, line.Line, line.ActiveLow, onEdge, _time, _log)
                : new NullButtonSource("button");
        }
        var device = button.Device ?? InputDevices.FindByName(button.InputName!, _options.InputClassRoot, _options.InputDeviceRoot);
        if (device is null)
        {
            HardwareLog.InputDeviceNotFound(_log, button.InputName!, _options.InputClassRoot);
            return new NullButtonSource("button");
        }
        return InputButtonSource.Open("button", device, button.Code, onEdge, _log);
    }

    /// <summary>One controller per chip, opened once; a chip that fails is remembered as missing (one warning).</summary>
    private GpioChip? Chip(string chip)
    {
        if (_chips.TryGetValue(chip, out var known)) return known;
        GpioChip? opened = null;
        try
        {
            opened = new GpioChip(chip, _openChip(chip));
        }
        catch (Exception e) // no libgpiod (DllNotFoundException), no such chip, no permission: run without it
        {
            HardwareLog.GpioChipUnavailable(_log, chip, e.Message);
        }
        _chips[chip] = opened;
        return opened;
    }
}

using System.Device.Gpio;
using DualHome.Hardware.Boards;
using Microsoft.Extensions.Logging;

namespace DualHome.Hardware.Buttons;

/// <summary>A push button on a GPIO line, sampled every <see cref="PollInterval"/> through System.Device.Gpio
/// (libgpiod) on the <see cref="TimeProvider"/>; each change of level is reported raw and
/// <see cref="ButtonLogic"/> debounces it. An active-low button (to ground) gets the pull-up bias, an active-high
/// one the pull-down, where the driver supports bias.</summary>
/// <remarks>Why sampling and not System.Device.Gpio's value-changed callbacks: in 4.2.0 the callbacks read libgpiod
/// edge events through <c>UnmanagedArray&lt;T&gt;.ReadToManagedArray</c>, which calls
/// <c>Marshal.PtrToStructure&lt;T&gt;</c> on an unannotated <c>T</c> — NativeAOT reports IL2091 inside the library,
/// where no suppression at our call site reaches, and a trimmed struct constructor would fail only on the router.
/// Sampling uses only line reads (trim-clean), costs one ioctl per 20 ms, and misses no human press (they last
/// 80 ms or more). Boards whose kernel describes the button (gpio-keys; on a Raspberry Pi the <c>gpio-key</c>
/// overlay) should use the event-driven input back end instead.</remarks>
public sealed class GpioButtonSource : IButtonSource
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly GpioChip _chip;
    private readonly int _line;
    private readonly bool _activeLow;
    private readonly Action<bool> _onEdge;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _pressed, _failing, _disposed;

    private GpioButtonSource(string name, GpioChip chip, int line, bool activeLow, Action<bool> onEdge, TimeProvider time,
        ILogger log)
    {
        (Name, _chip, _line, _activeLow, _onEdge, _time, _log) = (name, chip, line, activeLow, onEdge, time, log);
    }

    public string Name { get; }

    /// <summary>Opens the line as an input; a line that cannot be opened is a warning and a <see cref="NullButtonSource"/>.</summary>
    public static IButtonSource Open(string name, GpioChip chip, int line, bool activeLow, Action<bool> onEdge,
        TimeProvider time, ILogger log)
    {
        try
        {
            chip.OpenInput(line, activeLow ? PinMode.InputPullUp : PinMode.InputPullDown);
            return new GpioButtonSource(name, chip, line, activeLow, onEdge, time, log);
        }
        catch (Exception e) // hardware boundary: no button is a warning, never a crash
        {
            HardwareLog.GpioLineUnavailable(log, e, name, line, e.Message);
            return new NullButtonSource(name);
        }
    }

    /// <summary>Samples at once (a button held through boot counts as pressed from now), then every 20 ms.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_timer is not null || _disposed) return;
            _timer = _time.CreateTimer(_ => Sample(), null, TimeSpan.Zero, PollInterval);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _timer?.Dispose();
            try
            {
                _chip.Close(_line);
            }
            catch (Exception e) // shutting down: nothing left to protect
            {
                HardwareLog.GpioLineUnavailable(_log, e, Name, _line, e.Message);
            }
        }
    }

    private void Sample()
    {
        bool pressed;
        lock (_gate)
        {
            if (_disposed || !TryRead(out pressed) || pressed == _pressed) return;
            _pressed = pressed;
        }
        _onEdge(pressed);
    }

    private bool TryRead(out bool pressed)
    {
        pressed = false;
        try
        {
            pressed = (_chip.Read(_line) == PinValue.High) != _activeLow;
            _failing = false;
            return true;
        }
        catch (Exception e) // hardware boundary: logged once per episode, sampling goes on
        {
            if (!_failing) HardwareLog.GpioLineUnavailable(_log, e, Name, _line, e.Message);
            _failing = true;
            return false;
        }
    }
}

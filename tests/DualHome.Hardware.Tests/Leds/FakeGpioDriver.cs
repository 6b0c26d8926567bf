using System.Device.Gpio;

namespace DualHome.Hardware.Tests.Leds;

/// <summary>An in-memory GPIO chip (toolchain.md: GpioDriver's members are protected internal abstract, so a test
/// subclass overrides them as protected). Records every write with the fake clock's time; inputs are set with
/// <see cref="SetInput"/>. Value-changed callbacks throw: the production code must not use them (IL2091 under
/// NativeAOT, see GpioButtonSource).</summary>
internal sealed class FakeGpioDriver(TimeProvider time, int pins = 64) : GpioDriver
{
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _values = [];

    public List<(TimeSpan At, int Pin, PinValue Value)> Writes { get; } = [];
    public HashSet<int> Open { get; } = [];
    public HashSet<PinMode> UnsupportedModes { get; } = [];
    public HashSet<int> Busy { get; } = [];
    private readonly long _origin = time.GetTimestamp();

    public PinMode Mode(int pin) => _modes[pin];

    public PinValue Value(int pin) => _values.GetValueOrDefault(pin, PinValue.Low);

    /// <summary>What a read of an input returns from now on.</summary>
    public void SetInput(int pin, PinValue value) => _values[pin] = value;

    public int Reads { get; private set; }

    protected override int PinCount => pins;

    protected override void OpenPin(int pinNumber)
    {
        if (Busy.Contains(pinNumber)) throw new IOException($"line {pinNumber} busy");
        Open.Add(pinNumber);
    }

    protected override void ClosePin(int pinNumber) => Open.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        _modes[pinNumber] = mode;
        Write(pinNumber, initialValue);
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => !UnsupportedModes.Contains(mode);

    protected override PinValue Read(int pinNumber)
    {
        Reads++;
        return Value(pinNumber);
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        _values[pinNumber] = value;
        Writes.Add((time.GetElapsedTime(_origin), pinNumber, value));
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("value-changed callbacks are not trim-safe in System.Device.Gpio 4.2.0");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException();
}

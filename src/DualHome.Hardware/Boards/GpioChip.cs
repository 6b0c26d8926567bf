using System.Device.Gpio;

namespace DualHome.Hardware.Boards;

/// <summary>One opened GPIO chip, shared by its LEDs and its button. The blink timer writes LED lines while the
/// button's timer reads its line; System.Device.Gpio does not promise that a controller is thread-safe, so every
/// call goes through one lock per chip.</summary>
public sealed class GpioChip(string name, GpioController controller) : IDisposable
{
    private readonly Lock _gate = new();

    public string Name { get; } = name;

    public void OpenOutput(int line, PinValue initial)
    {
        lock (_gate) controller.OpenPin(line, PinMode.Output, initial);
    }

    /// <summary>Opens an input with the preferred bias, or without bias where the driver has none.</summary>
    public PinMode OpenInput(int line, PinMode preferred)
    {
        lock (_gate)
        {
            var mode = controller.IsPinModeSupported(line, preferred) ? preferred : PinMode.Input;
            controller.OpenPin(line, mode);
            return mode;
        }
    }

    public void Write(int line, PinValue value)
    {
        lock (_gate) controller.Write(line, value);
    }

    public PinValue Read(int line)
    {
        lock (_gate) return controller.Read(line);
    }

    public void Close(int line)
    {
        lock (_gate)
        {
            if (controller.IsPinOpen(line)) controller.ClosePin(line);
        }
    }

    public void Dispose()
    {
        lock (_gate) controller.Dispose();
    }
}

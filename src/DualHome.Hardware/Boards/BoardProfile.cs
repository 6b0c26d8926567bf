using DualHome.Hardware.Status;

namespace DualHome.Hardware.Boards;

/// <summary>A board as data (<c>board/&lt;name&gt;/board.json</c>), validated by <see cref="BoardProfileLoader"/>:
/// which port is which, where the LEDs and the button are, and the notes that say where each name came from.</summary>
public sealed record BoardProfile(
    string Name,
    string Description,
    BoardInterfaces Interfaces,
    string? LedClassRoot,
    IReadOnlyList<LedMapping> Leds,
    ButtonMapping? Button,
    IReadOnlyList<string> Notes,
    string Source)
{
    /// <summary>Profile "none": no LEDs, no button (the daemon runs as before; <c>ctl button</c> still works).</summary>
    public static readonly BoardProfile None = new("none", "no LEDs, no button", new(null, null, null), null, [], null, [], "built-in");
}

/// <summary>The interface names of the board's ports by role (what the board's case labels LAN and WAN).</summary>
public sealed record BoardInterfaces(string? Lan, string? WanA, string? WanB)
{
    /// <summary>The interface behind each uplink LED, for <see cref="UplinkLedBinding"/>.</summary>
    public IReadOnlyDictionary<LedRole, string> ForUplinkLeds()
    {
        var map = new Dictionary<LedRole, string>();
        if (WanA is not null) map[LedRole.WanA] = WanA;
        if (WanB is not null) map[LedRole.WanB] = WanB;
        return map;
    }
}

public enum LedBackend
{
    /// <summary>A GPIO line driven through System.Device.Gpio (libgpiod).</summary>
    Gpio,
    /// <summary>A kernel LED class entry (<c>/sys/class/leds/&lt;name&gt;</c>).</summary>
    LedClass,
}

public enum ButtonBackend
{
    Gpio,
    /// <summary>A Linux input device (gpio-keys) reporting one key code.</summary>
    Input,
}

/// <summary>A GPIO line: the chip (number "0", name "gpiochip0", or label "pinctrl-rp1"), the line offset on that
/// chip, and whether the line is active low.</summary>
public sealed record GpioLine(string Chip, int Line, bool ActiveLow);

public sealed record LedMapping(LedRole Role, LedBackend Backend, string? ClassName, GpioLine? Gpio)
{
    public string Describe() => Backend == LedBackend.LedClass ? $"led class {ClassName}" : $"gpio {Gpio!.Chip}:{Gpio.Line}";
}

/// <summary>The button: a GPIO line, or an input device found by path (<see cref="Device"/>) or by the driver's
/// device name (<see cref="InputName"/>), reporting key <see cref="Code"/> (input-event-codes.h).</summary>
public sealed record ButtonMapping(ButtonBackend Backend, GpioLine? Gpio, string? Device, string? InputName, ushort Code)
{
    public string Describe() => Backend == ButtonBackend.Gpio
        ? $"gpio {Gpio!.Chip}:{Gpio.Line}"
        : $"input {Device ?? InputName} key {Code}";
}

using DualHome.Hardware.Buttons;

namespace DualHome.Hardware.Boards;

/// <summary>The daemon's "Board" settings beside the profile: where the LED class lives (tests and the image test
/// point it at a directory they made) and where input devices are listed.</summary>
/// <param name="LedClassRoot">Overrides the profile's LedClassRoot; both unset means <see cref="DefaultLedClassRoot"/>.</param>
public sealed record BoardOptions(string? LedClassRoot = null, string InputClassRoot = InputDevices.DefaultClassRoot,
    string InputDeviceRoot = "/dev/input")
{
    public const string DefaultLedClassRoot = "/sys/class/leds";

    public string EffectiveLedClassRoot(BoardProfile profile) => LedClassRoot ?? profile.LedClassRoot ?? DefaultLedClassRoot;
}

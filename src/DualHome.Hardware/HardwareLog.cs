using DualHome.Hardware.Buttons;
using DualHome.Hardware.Leds;
using Microsoft.Extensions.Logging;

namespace DualHome.Hardware;

/// <summary>Every message of the board support (LEDs, button, profiles), with stable event ids (600–699).
/// Missing hardware is one warning at start, never an exception: the router runs on without it.</summary>
internal static partial class HardwareLog
{
    [LoggerMessage(600, LogLevel.Debug, "led {Led}: {From} -> {To} ({Reason})")]
    public static partial void LedTransition(ILogger log, string led, LedPattern from, LedPattern to, string reason);

    [LoggerMessage(601, LogLevel.Warning, "LED {Name}: no LED class entry at {Path}; this LED stays dark")]
    public static partial void LedClassMissing(ILogger log, string name, string path);

    [LoggerMessage(602, LogLevel.Warning, "{Name}: GPIO line {Line} unavailable ({Error}); running without it")]
    public static partial void GpioLineUnavailable(ILogger log, Exception exception, string name, int line, string error);

    [LoggerMessage(603, LogLevel.Warning, "LED {Name}: write failed ({Error}); logged again after a write succeeds")]
    public static partial void LedWriteFailed(ILogger log, Exception exception, string name, string error);

    [LoggerMessage(604, LogLevel.Warning, "GPIO chip {Chip} unavailable ({Error}); its LEDs and button stay off")]
    public static partial void GpioChipUnavailable(ILogger log, string chip, string error);

    [LoggerMessage(605, LogLevel.Warning, "button {Name}: input device {Device} unavailable ({Error}); running without the button")]
    public static partial void InputDeviceUnavailable(ILogger log, string name, string device, string error);

    [LoggerMessage(606, LogLevel.Warning, "button: no input device named \"{InputName}\" under {Root}; running without the button")]
    public static partial void InputDeviceNotFound(ILogger log, string inputName, string root);

    [LoggerMessage(607, LogLevel.Information, "button: {Event} press (held {HeldMs:0} ms)")]
    public static partial void ButtonPressed(ILogger log, string @event, double heldMs);

    [LoggerMessage(608, LogLevel.Information, "button: released after {HeldMs:0} ms, between a short press and a 3 s hold: ignored")]
    public static partial void ButtonIgnored(ILogger log, double heldMs);

    [LoggerMessage(609, LogLevel.Information, "button {Event}: {Outcome}: {Message}")]
    public static partial void ButtonAction(ILogger log, string @event, ButtonOutcome outcome, string message);

    [LoggerMessage(610, LogLevel.Warning, "uplink {Standby}: back from standby to automatic, no uplink is preferred any more (after a change of {Changed})")]
    public static partial void StandbyFailsafe(ILogger log, string standby, string changed);

    [LoggerMessage(611, LogLevel.Information, "board {Name}: {Leds} LED(s), button {Button} ({Source})")]
    public static partial void BoardOpened(ILogger log, string name, int leds, string button, string source);
}

using DualHome.Hardware.Leds;

using DualHome.ControlPlane.Uplinks;

namespace DualHome.Hardware.Status;

/// <summary>What the status model knows of one uplink: its monitor's state and advertised preference, and the
/// carrier (which the monitor does not report; the daemon's carrier watcher does).</summary>
public readonly record struct UplinkView(bool Monitored, UplinkState State, bool Preferred, bool Carrier)
{
    /// <summary>An uplink with no monitor (e.g. its route could not be installed): nothing to show.</summary>
    public static readonly UplinkView Unmonitored = new(false, UplinkState.Starting, false, false);

    /// <summary>A monitored uplink as its monitor reports it; the carrier is assumed up until told otherwise.</summary>
    public static UplinkView From(UplinkStatus status, bool carrier = true) =>
        new(true, status.State, status.Preferred, carrier);
}

/// <summary>One LED changing pattern, with the input that caused it.</summary>
public sealed record LedChange(LedRole Led, LedPattern Old, LedPattern New, string Reason);

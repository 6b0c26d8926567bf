namespace DualHome.ControlPlane.Uplinks;

/// <summary>One transition of an uplink's health machine, as <see cref="UplinkHealth"/> reports it.</summary>
public readonly record struct UplinkTransition(UplinkState Old, UplinkState New, string Reason, DateTimeOffset At);

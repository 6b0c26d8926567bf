namespace DualHome.ControlPlane.Uplinks;

/// <summary>A snapshot of one uplink for the console, the control interface and the RA builder.</summary>
public sealed record UplinkStatus(
    string Name,
    UplinkState State,
    UplinkOverride Override,
    bool Preferred,
    TimeSpan HoldDown,
    long Transitions,
    DateTimeOffset? LastChange,
    long ProbesSent,
    long ProbesAnswered,
    long StrayReplies);

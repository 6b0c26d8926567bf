namespace DualHome.ControlPlane.Uplinks;

/// <summary>What subscribers (RA engine, LEDs, DNS updater, logs) hear: a health transition or an override change
/// of one uplink, with what is advertised before and after. An override change has <c>OldState == NewState</c>.</summary>
public sealed record UplinkChange(
    string Uplink,
    UplinkState OldState,
    UplinkState NewState,
    UplinkOverride Override,
    bool WasPreferred,
    bool Preferred,
    string Reason,
    DateTimeOffset At)
{
    /// <summary>Whether the RA content changes (RFC 8475: the prefix's preferred lifetime goes to or from 0).</summary>
    public bool PreferredChanged => WasPreferred != Preferred;
}

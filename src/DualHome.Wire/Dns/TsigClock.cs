namespace DualHome.Wire.Dns;

/// <summary>
/// The boards have no RTC: until NTP sets the clock they boot near 1970 (or the image's build time), and a TSIG
/// made then is BADTIME at the server (RFC 8945 §5.2.3) and shows the wrong time in its logs. Signing is refused
/// while the clock reads earlier than <see cref="EarliestPlausible"/>, a date before this code existed, so any
/// earlier reading is certainly wrong.
/// </summary>
public static class TsigClock
{
    /// <summary>2025-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset EarliestPlausible = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>True when <paramref name="now"/> can be the real time: not before <see cref="EarliestPlausible"/>
    /// and within TSIG's 48-bit Time Signed (RFC 8945 §4.2).</summary>
    public static bool IsPlausible(DateTimeOffset now) =>
        now >= EarliestPlausible && now.ToUnixTimeSeconds() <= TsigRecordFormat.MaxTime;
}

namespace DualHome.ControlPlane.Uplinks;

/// <summary>Time elapsed since construction, from <see cref="TimeProvider.GetTimestamp"/>. Probe schedules and
/// hold-downs use it rather than the wall clock: a board without an RTC boots in 1970 and NTP then steps the
/// wall clock by decades, which must neither stop probing nor expire a hold-down.</summary>
internal sealed class MonotonicClock(TimeProvider time)
{
    private readonly long _origin = time.GetTimestamp();

    public TimeSpan Now => time.GetElapsedTime(_origin);
}

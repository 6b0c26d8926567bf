using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>One instant in the client's three clocks: its monotonic time since start (deadlines), a
/// <see cref="TimeProvider"/> timestamp (for <see cref="Delegation"/>) and the wall clock (for people).</summary>
internal readonly record struct Moment(TimeSpan Now, long Timestamp, DateTimeOffset Utc)
{
    /// <summary>A deadline that never comes: infinite lifetimes and T1/T2 (§7.7: 0xffffffff = infinity).</summary>
    public static readonly TimeSpan Never = TimeSpan.MaxValue;

    /// <summary>The deadline <paramref name="seconds"/> from now, or <see cref="Never"/> for infinity.</summary>
    public TimeSpan After(uint seconds) => seconds == Dhcpv6Constants.Infinity ? Never : Now + TimeSpan.FromSeconds(seconds);

    public TimeSpan After(double seconds) => double.IsPositiveInfinity(seconds) ? Never : Now + TimeSpan.FromSeconds(seconds);
}

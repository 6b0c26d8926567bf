namespace DualHome.DataPlane.Icmp;

/// <summary>
/// The token bucket RFC 4443 §2.4 (f) recommends for ICMPv6 errors: an average of <c>rate</c> per second with
/// bursts of up to <c>burst</c>, starting full. Kept as its equivalent "theoretical arrival time" (GCRA) in one
/// <see cref="long"/>, so <see cref="TryAcquire"/> is a lock-free compare-and-swap shared by all workers, with no
/// allocation and no clock of its own: the caller passes monotonic ticks (e.g. <c>Stopwatch.GetTimestamp()</c>).
/// </summary>
public sealed class IcmpRateLimiter
{
    private readonly long _interval;  // ticks per token
    private readonly long _tolerance; // how far ahead of now the schedule may run: (burst - 1) tokens
    private long _theoreticalArrival = long.MinValue;

    /// <param name="ratePerSecond">Average errors per second (N); must be positive.</param>
    /// <param name="burst">Errors allowed back to back (B); at least 1.</param>
    /// <param name="ticksPerSecond">The unit of the timestamps passed to <see cref="TryAcquire"/>.</param>
    public IcmpRateLimiter(double ratePerSecond, int burst, long ticksPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSecond);
        _interval = Math.Max(1, (long)(ticksPerSecond / ratePerSecond));
        _tolerance = checked(_interval * (burst - 1));
    }

    /// <summary>Takes a token if one is available at <paramref name="now"/>. A clock that steps back only delays
    /// the next tokens; it never grants extra ones.</summary>
    public bool TryAcquire(long now)
    {
        while (true)
        {
            long arrival = Volatile.Read(ref _theoreticalArrival);
            long start = Math.Max(arrival, now);
            if (start - now > _tolerance)
                return false; // bucket empty
            if (Interlocked.CompareExchange(ref _theoreticalArrival, start + _interval, arrival) == arrival)
                return true;
        }
    }
}

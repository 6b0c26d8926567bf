namespace DualHome.Testbed;

/// <summary>
/// Real-time polling for integration tests (the kernel and the daemon run on their own clocks here; unit
/// tests elsewhere use a fake TimeProvider instead).
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>For conditions read from memory or a local file (no process spawned per look): timing resolution.</summary>
    public static readonly TimeSpan Fine = TimeSpan.FromMilliseconds(5);

    /// <summary>Polls until <paramref name="probe"/> returns non-null; returns it, or throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what,
        TimeSpan? interval = null, CancellationToken cancel = default) where T : class
    {
        var result = await TryForAsync(probe, timeout, interval, cancel);
        return result ?? throw new TimeoutException($"timed out after {timeout.TotalSeconds:0.#} s waiting for {what}");
    }

    /// <summary>Polls until <paramref name="probe"/> returns non-null or the timeout passes (then null).</summary>
    public static async Task<T?> TryForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout,
        TimeSpan? interval = null, CancellationToken cancel = default) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow >= deadline) return null;
            await Task.Delay(interval ?? DefaultInterval, cancel);
        }
    }

    /// <summary>Polls a condition; throws <see cref="TimeoutException"/> naming <paramref name="what"/> if it never holds.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what,
        TimeSpan? interval = null, CancellationToken cancel = default)
    {
        if (!await TryUntilAsync(condition, timeout, interval, cancel))
            throw new TimeoutException($"timed out after {timeout.TotalSeconds:0.#} s waiting for {what}");
    }

    /// <summary>Polls a condition; true as soon as it holds, false when the timeout passes.</summary>
    public static async Task<bool> TryUntilAsync(Func<Task<bool>> condition, TimeSpan timeout,
        TimeSpan? interval = null, CancellationToken cancel = default) =>
        await TryForAsync(async () => await condition() ? "" : null, timeout, interval, cancel) is not null;
}

namespace DualHome.ControlPlane.Uplinks;

/// <summary>Delivers events one at a time, in the order they were produced, and never under the producer's lock,
/// so a subscriber may call back into any monitor (read a snapshot, set an override) without deadlock.</summary>
/// <remarks>The producer calls <see cref="Enqueue"/> while it holds its own lock (that fixes the order) and
/// <see cref="DeliverPending"/> after releasing it. Whichever thread finds nobody delivering drains the queue; the
/// others return at once, so an event raised from inside a subscriber is delivered after that subscriber returns.
/// Subscribers must not throw: an exception stops this delivery and reaches the producer's thread.</remarks>
internal sealed class OrderedDispatcher<T>(Action<T> deliver)
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _pending = new();
    private bool _delivering;

    public void Enqueue(T item)
    {
        lock (_gate) _pending.Enqueue(item);
    }

    public void DeliverPending()
    {
        lock (_gate)
        {
            if (_delivering) return;
            _delivering = true;
        }
        try
        {
            while (TryTake(out var item)) deliver(item);
        }
        catch
        {
            lock (_gate) _delivering = false;
            throw;
        }
    }

    /// <summary>Takes the next item, or, atomically with finding the queue empty, stops delivering: an item
    /// enqueued a moment later finds nobody delivering and its producer delivers it.</summary>
    private bool TryTake(out T item)
    {
        lock (_gate)
        {
            if (_pending.TryDequeue(out item!)) return true;
            _delivering = false;
            return false;
        }
    }
}

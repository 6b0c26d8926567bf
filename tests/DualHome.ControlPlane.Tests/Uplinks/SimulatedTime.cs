using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Uplinks;

/// <summary>A <see cref="FakeTimeProvider"/> that <see cref="Run"/>s like a discrete-event simulation: it steps the
/// clock from one timer's due time to the next, so each callback sees its own due time and a timer re-armed inside
/// its callback is scheduled from there. (<see cref="FakeTimeProvider.Advance"/> sets the clock to the end first
/// and then fires what is due, so a periodic prober would fire once per call.)</summary>
internal sealed class SimulatedTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly HashSet<TrackedTimer> _timers = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(s => { tracked.Fired(); callback(s); }, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers.Add(tracked);
        tracked.Change(dueTime, period);
        return tracked;
    }

    /// <summary>Runs the simulation for <paramref name="duration"/>, firing every timer at its exact due time.</summary>
    public void Run(TimeSpan duration)
    {
        var end = GetUtcNow() + duration;
        while (NextDue() is { } due && due <= end)
            Advance(due - GetUtcNow());
        Advance(end - GetUtcNow());
    }

    private DateTimeOffset? NextDue()
    {
        DateTimeOffset? next = null;
        foreach (var t in _timers)
            if (t.Due is { } due && (next is null || due < next)) next = due;
        return next;
    }

    private sealed class TrackedTimer(SimulatedTime time) : ITimer
    {
        private TimeSpan _period;
        public ITimer Inner { get; set; } = null!;
        public DateTimeOffset? Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : time.GetUtcNow() + dueTime;
            return Inner.Change(dueTime, period);
        }

        public void Fired() => Due = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? Due + _period : null;

        public void Dispose()
        {
            time._timers.Remove(this);
            Due = null;
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

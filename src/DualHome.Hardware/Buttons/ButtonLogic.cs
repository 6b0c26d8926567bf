using Microsoft.Extensions.Logging;
using DualHome.Hardware.Status;

namespace DualHome.Hardware.Buttons;

/// <summary>Turns raw button edges into <see cref="ButtonEvent"/>s, with time only from the
/// <see cref="TimeProvider"/> (no sleeps, no wall clock): a level counts once it has held for the debounce time,
/// and then from the moment the contact settled; while held, crossing 3 s and 10 s raises
/// <see cref="FeedbackChanged"/> so the system LED can tell what releasing now would do; the event itself is
/// decided on release, by how long the button was held.</summary>
/// <remarks>One state per press (<see cref="ButtonFeedback"/>: None → Hold3 → Hold10), one timer for the debounce
/// and one for the thresholds. Events are raised outside the lock, in order.</remarks>
public sealed class ButtonLogic : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ButtonTiming _timing;
    private readonly ILogger _log;
    private readonly long _origin;
    private readonly Lock _gate = new();
    private readonly ITimer _debounce;
    private readonly ITimer _hold;
    private readonly Queue<Action> _pending = new();
    private bool _raw, _stable;
    private TimeSpan _rawSince, _pressedAt;
    private ButtonFeedback _feedback;

    public ButtonLogic(TimeProvider time, ILogger log, ButtonTiming? timing = null)
    {
        (_time, _log, _timing) = (time, log, timing ?? ButtonTiming.Default);
        _origin = time.GetTimestamp();
        _debounce = time.CreateTimer(_ => OnDebounced(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _hold = time.CreateTimer(_ => OnHoldTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A press decided on release.</summary>
    public event Action<ButtonEvent>? Pressed;

    /// <summary>A threshold crossed while held (Hold3, Hold10), and None on release after one.</summary>
    public event Action<ButtonFeedback>? FeedbackChanged;

    public bool IsPressed
    {
        get
        {
            lock (_gate) return _stable;
        }
    }

    /// <summary>An edge as the hardware reports it, bounces included. Safe from any thread.</summary>
    public void OnRawEdge(bool pressed)
    {
        lock (_gate)
        {
            _raw = pressed;
            _rawSince = Now;
            _debounce.Change(_timing.Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _debounce.Dispose();
        _hold.Dispose();
    }

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    /// <summary>The raw level has held for the debounce time: it is the new stable level, since it settled.</summary>
    private void OnDebounced()
    {
        lock (_gate)
        {
            if (_raw == _stable) return; // a glitch shorter than the debounce time
            _stable = _raw;
            if (_stable) Press(_rawSince);
            else Release(_rawSince);
        }
        RaisePending();
    }

    private void Press(TimeSpan at)
    {
        _pressedAt = at;
        _feedback = ButtonFeedback.None;
        ArmHold(_timing.Hold3);
    }

    private void Release(TimeSpan at)
    {
        _hold.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var held = at - _pressedAt;
        if (_feedback != ButtonFeedback.None) SetFeedback(ButtonFeedback.None);
        if (Classify(held) is { } e)
        {
            HardwareLog.ButtonPressed(_log, e.Name(), held.TotalMilliseconds);
            _pending.Enqueue(() => Pressed?.Invoke(e));
        }
        else HardwareLog.ButtonIgnored(_log, held.TotalMilliseconds);
    }

    private ButtonEvent? Classify(TimeSpan held) =>
        held >= _timing.Hold10 ? ButtonEvent.Hold10
        : held >= _timing.Hold3 ? ButtonEvent.Hold3
        : held < _timing.ShortMax ? ButtonEvent.Short
        : null;

    private void OnHoldTimer()
    {
        lock (_gate)
        {
            if (!_stable) return;
            if (!_raw)
            {
                // A release (or a bounce) is being debounced: decide once it has settled.
                _hold.Change(_timing.Debounce, Timeout.InfiniteTimeSpan);
                return;
            }
            if (_feedback == ButtonFeedback.None)
            {
                SetFeedback(ButtonFeedback.Hold3);
                ArmHold(_timing.Hold10);
            }
            else if (_feedback == ButtonFeedback.Hold3) SetFeedback(ButtonFeedback.Hold10);
        }
        RaisePending();
    }

    /// <summary>Arms the threshold timer for <paramref name="threshold"/> after the press settled.</summary>
    private void ArmHold(TimeSpan threshold)
    {
        var due = _pressedAt + threshold - Now;
        _hold.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void SetFeedback(ButtonFeedback feedback)
    {
        _feedback = feedback;
        _pending.Enqueue(() => FeedbackChanged?.Invoke(feedback));
    }

    /// <summary>Delivers what the last input decided, outside the lock (handlers may set overrides, set LEDs).</summary>
    private void RaisePending()
    {
        while (true)
        {
            Action? next;
            lock (_gate)
            {
                if (!_pending.TryDequeue(out next)) return;
            }
            next();
        }
    }
}

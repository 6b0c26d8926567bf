namespace DualHome.Hardware.Leds;

/// <summary>Blinks every software-driven LED (GPIO lines, LED class entries without the timer trigger) from one
/// <see cref="ITimer"/>: each tick writes the LEDs whose level changed and re-arms the timer for the nearest next
/// change. All LEDs share one origin, so LEDs with the same pattern blink in step. Solid patterns arm nothing, so
/// a panel without blinking LEDs costs no wake-ups.</summary>
public sealed class LedBlinker : IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly Dictionary<IBlinkOutput, Driven> _outputs = new(ReferenceEqualityComparer.Instance);
    private bool _disposed;

    public LedBlinker(TimeProvider time)
    {
        _time = time;
        _origin = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Shows <paramref name="pattern"/> on <paramref name="output"/> from now on; writes its level at once.</summary>
    public void Set(IBlinkOutput output, LedPattern pattern)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _outputs[output] = new Driven(pattern);
            Update();
        }
    }

    /// <summary>Stops driving <paramref name="output"/> (it keeps its last level).</summary>
    public void Remove(IBlinkOutput output)
    {
        lock (_gate)
        {
            if (_outputs.Remove(output) && !_disposed) Update();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _outputs.Clear();
        }
        _timer.Dispose();
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (!_disposed) Update();
        }
    }

    private void Update()
    {
        var elapsed = _time.GetElapsedTime(_origin);
        var next = Timeout.InfiniteTimeSpan;
        foreach (var (output, driven) in _outputs)
        {
            var (on, remaining) = LedPatterns.At(driven.Pattern, elapsed);
            if (driven.Level != on)
            {
                driven.Level = on;
                output.Write(on);
            }
            if (remaining != Timeout.InfiniteTimeSpan && (next == Timeout.InfiniteTimeSpan || remaining < next))
                next = remaining;
        }
        _timer.Change(next, Timeout.InfiniteTimeSpan);
    }

    private sealed class Driven(LedPattern pattern)
    {
        public LedPattern Pattern { get; } = pattern;
        public bool? Level { get; set; }
    }
}

namespace DualHome.Hardware.Leds;

/// <summary>An LED in memory: the demo's terminal panel and the tests read <see cref="Pattern"/>.</summary>
public sealed class MemoryLedSink(string name) : ILedSink
{
    private volatile int _pattern;

    public string Name { get; } = name;

    public LedPattern Pattern => (LedPattern)_pattern;

    /// <summary>Every pattern set, in order (for tests and the demo's timeline).</summary>
    public event Action<MemoryLedSink, LedPattern>? Changed;

    public void Set(LedPattern pattern)
    {
        if (Interlocked.Exchange(ref _pattern, (int)pattern) == (int)pattern) return;
        Changed?.Invoke(this, pattern);
    }

    /// <summary>A glyph for a terminal panel: ● on, ○ off, and a letter for the blinking patterns.</summary>
    public static string Glyph(LedPattern pattern) => pattern switch
    {
        LedPattern.On => "●",
        LedPattern.BlinkSlow => "◐ slow",
        LedPattern.BlinkFast => "◑ fast",
        LedPattern.Heartbeat => "♥",
        LedPattern.Flash => "✦ flash",
        _ => "○",
    };

    public void Dispose()
    {
    }
}

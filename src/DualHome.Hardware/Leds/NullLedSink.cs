namespace DualHome.Hardware.Leds;

/// <summary>An LED that is missing (no such LED class entry, no libgpiod, profile "none"): does nothing.</summary>
public sealed class NullLedSink(string name) : ILedSink
{
    public string Name { get; } = name;

    public void Set(LedPattern pattern)
    {
    }

    public void Dispose()
    {
    }
}

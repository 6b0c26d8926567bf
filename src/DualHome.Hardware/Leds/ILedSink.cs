namespace DualHome.Hardware.Leds;

/// <summary>One physical (or simulated) LED. <see cref="Set"/> never throws: a back end that fails logs once and
/// keeps going, so an LED can never stop the router.</summary>
public interface ILedSink : IDisposable
{
    /// <summary>A name for logs: the LED class name, "gpiochip0:17", "memory:wan-a".</summary>
    string Name { get; }

    void Set(LedPattern pattern);
}

/// <summary>An LED that is only switched on or off; <see cref="LedBlinker"/> drives its blinking.</summary>
public interface IBlinkOutput
{
    void Write(bool on);
}

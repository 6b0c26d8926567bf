namespace DualHome.Hardware.Leds;

/// <summary>What one LED shows. The meanings (README "LEDs") are assigned by <see cref="Status.StatusModel"/>;
/// the timings are in <see cref="LedPatterns"/>, one place for every back end.</summary>
public enum LedPattern
{
    Off,
    /// <summary>Solid. Uplink: online and preferred. System: the 10 s button threshold was crossed.</summary>
    On,
    /// <summary>1 Hz. Uplink: online but standby (deprecated by hand). System: starting.</summary>
    BlinkSlow,
    /// <summary>4 Hz. Uplink: carrier but the ISP does not answer (or still probing). System: every uplink down.</summary>
    BlinkFast,
    /// <summary>Two short flashes a second. System: running and at least one uplink online and preferred.</summary>
    Heartbeat,
    /// <summary>10 Hz strobe. System: the 3 s button threshold was crossed.</summary>
    Flash,
}

/// <summary>One step of a pattern's cycle: the LED is on or off for <see cref="Duration"/>.</summary>
public readonly record struct LedStep(bool On, TimeSpan Duration);

/// <summary>Each pattern as a repeating cycle of steps. Solid patterns have one step and never change.</summary>
public static class LedPatterns
{
    private static readonly LedStep[] OffCycle = [new(false, TimeSpan.MaxValue)];
    private static readonly LedStep[] OnCycle = [new(true, TimeSpan.MaxValue)];
    private static readonly LedStep[] SlowCycle = Blink(500, 500);
    private static readonly LedStep[] FastCycle = Blink(125, 125);
    private static readonly LedStep[] FlashCycle = Blink(50, 50);

    /// <summary>Like the kernel's heartbeat trigger at rest: a beat, a shorter second beat, a long pause.</summary>
    private static readonly LedStep[] HeartbeatCycle =
        [new(true, Ms(70)), new(false, Ms(180)), new(true, Ms(70)), new(false, Ms(680))];

    public static IReadOnlyList<LedStep> Cycle(LedPattern pattern) => pattern switch
    {
        LedPattern.On => OnCycle,
        LedPattern.BlinkSlow => SlowCycle,
        LedPattern.BlinkFast => FastCycle,
        LedPattern.Heartbeat => HeartbeatCycle,
        LedPattern.Flash => FlashCycle,
        _ => OffCycle,
    };

    public static bool IsSolid(LedPattern pattern) => pattern is LedPattern.Off or LedPattern.On;

    /// <summary>For a plain on/off blink: the on and off times (the kernel timer trigger's delay_on/delay_off).
    /// Null for solid patterns and the heartbeat.</summary>
    public static (TimeSpan On, TimeSpan Off)? BlinkTimes(LedPattern pattern) =>
        pattern is LedPattern.BlinkSlow or LedPattern.BlinkFast or LedPattern.Flash
            ? (Cycle(pattern)[0].Duration, Cycle(pattern)[1].Duration)
            : null;

    /// <summary>Whether a cyclic pattern is on at <paramref name="elapsed"/> since a common origin, and how long
    /// that lasts. Every LED uses the same origin, so LEDs with the same pattern blink in step.</summary>
    public static (bool On, TimeSpan Remaining) At(LedPattern pattern, TimeSpan elapsed)
    {
        var cycle = Cycle(pattern);
        if (cycle.Count == 1) return (cycle[0].On, Timeout.InfiniteTimeSpan);
        long period = 0;
        foreach (var step in cycle) period += step.Duration.Ticks;
        long t = elapsed.Ticks % period;
        foreach (var step in cycle)
        {
            if (t < step.Duration.Ticks) return (step.On, TimeSpan.FromTicks(step.Duration.Ticks - t));
            t -= step.Duration.Ticks;
        }
        return (cycle[^1].On, TimeSpan.FromTicks(1)); // unreachable: t < period
    }

    private static LedStep[] Blink(int onMs, int offMs) => [new(true, Ms(onMs)), new(false, Ms(offMs))];

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);
}

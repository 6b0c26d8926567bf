namespace DualHome.Hardware.Buttons;

/// <summary>The button's time rules. A contact bounces for a few ms (the kernel's gpio-keys uses 5–50 ms); a level
/// must hold for <see cref="Debounce"/> to count. The gap between <see cref="ShortMax"/> and <see cref="Hold3"/> is
/// deliberate: a press of 1–3 s is ambiguous and does nothing.</summary>
public sealed record ButtonTiming(TimeSpan Debounce, TimeSpan ShortMax, TimeSpan Hold3, TimeSpan Hold10)
{
    public static readonly ButtonTiming Default = new(
        TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
}

namespace DualHome.Hardware.Buttons;

/// <summary>What a press of the button means, decided on release (<see cref="ButtonLogic"/>).</summary>
public enum ButtonEvent
{
    /// <summary>Released within 1 s: manual switch, or back to automatic if already switched.</summary>
    Short,
    /// <summary>Released after 3 s (and before 10 s): every uplink back to automatic.</summary>
    Hold3,
    /// <summary>Released after 10 s: factory reset of the configuration (logs are kept).</summary>
    Hold10,
}

public static class ButtonEvents
{
    /// <summary>The names used by <c>dualhomed ctl button short|hold3|hold10</c>.</summary>
    public static string Name(this ButtonEvent e) => e switch
    {
        ButtonEvent.Hold3 => "hold3",
        ButtonEvent.Hold10 => "hold10",
        _ => "short",
    };

    public static bool TryParse(string text, out ButtonEvent e)
    {
        foreach (var candidate in Enum.GetValues<ButtonEvent>())
        {
            if (!string.Equals(candidate.Name(), text, StringComparison.OrdinalIgnoreCase)) continue;
            e = candidate;
            return true;
        }
        e = ButtonEvent.Short;
        return false;
    }
}

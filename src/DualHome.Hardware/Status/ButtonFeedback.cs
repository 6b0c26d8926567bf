namespace DualHome.Hardware.Status;

/// <summary>What the system LED tells the person holding the button: which action releasing it now would do.</summary>
public enum ButtonFeedback
{
    None,
    /// <summary>Held past 3 s: releasing now returns every uplink to automatic.</summary>
    Hold3,
    /// <summary>Held past 10 s: releasing now resets the configuration.</summary>
    Hold10,
}

namespace DualHome.ControlPlane.Uplinks;

/// <summary>The operator's word on an uplink (button, console): it decides what is advertised, never what the
/// health machine believes, so returning to <see cref="Auto"/> uses the live state at once.</summary>
public enum UplinkOverride
{
    Auto,
    ForceDown,
    ForceUp,
}

/// <summary>How an override and the health state combine into what the RA says about the uplink's prefix.</summary>
public static class UplinkOverrides
{
    /// <summary>Whether the uplink's prefix is advertised as preferred. RFC 8475 conditional RAs: a prefix is
    /// preferred only while its ISP is known to work (so <see cref="UplinkState.Starting"/> is not: until the first
    /// rounds are answered nothing says the ISP works, and RFC 7084 G-4 likewise waits for a working WAN).</summary>
    public static bool Preferred(this UplinkOverride mode, UplinkState state) => mode switch
    {
        UplinkOverride.ForceDown => false,
        UplinkOverride.ForceUp => true,
        _ => state == UplinkState.Up,
    };

    /// <summary>The name used on the control interface and the console: auto, force-down, force-up.</summary>
    public static string Name(this UplinkOverride mode) => mode switch
    {
        UplinkOverride.ForceDown => "force-down",
        UplinkOverride.ForceUp => "force-up",
        _ => "auto",
    };

    public static bool TryParse(string text, out UplinkOverride mode)
    {
        foreach (var candidate in Enum.GetValues<UplinkOverride>())
        {
            if (!string.Equals(candidate.Name(), text, StringComparison.OrdinalIgnoreCase)) continue;
            mode = candidate;
            return true;
        }
        mode = UplinkOverride.Auto;
        return false;
    }
}

namespace DualHome.ControlPlane.Uplinks;

/// <summary>What the monitor knows about an uplink's ISP. Kept to three states, as BFD's session states are few
/// (RFC 5880 §6.2): everything else (why it is down, the hold-down) is data of the state, not a state.</summary>
public enum UplinkState
{
    /// <summary>Just started: no evidence yet either way. Not advertised as preferred (see <see cref="UplinkOverrides"/>).</summary>
    Starting,
    /// <summary>Probes beyond the ISP are answered: hosts may use this ISP's prefix for new connections.</summary>
    Up,
    /// <summary>Carrier lost, gateway unreachable, or DownAfter silent probe rounds: the prefix is deprecated.</summary>
    Down,
}

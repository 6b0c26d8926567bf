namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>States of the prefix-delegation client of one uplink (RFC 8415 §18.2). The leases and their timers
/// are data of the state, not states.</summary>
public enum Dhcpv6ClientState
{
    /// <summary>Not started, stopped, or done releasing: sends nothing.</summary>
    Idle,
    /// <summary>Sending Solicit, collecting Advertise messages (§18.2.1, §18.2.9).</summary>
    Soliciting,
    /// <summary>Sending Request to the chosen server (§18.2.2), or again after NoBinding (§18.2.10.1).</summary>
    Requesting,
    /// <summary>Holding a delegation; waiting for T1 (§18.2.4).</summary>
    Bound,
    /// <summary>Past T1: sending Renew to the server that delegated (§18.2.4).</summary>
    Renewing,
    /// <summary>Past T2: sending Rebind to any server (§18.2.5).</summary>
    Rebinding,
    /// <summary>Told to release: sending Release (§18.2.7); the prefix is no longer used.</summary>
    Releasing,
}

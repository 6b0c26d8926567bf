namespace DualHome.Wire.Dhcpv6;

/// <summary>DHCPv6 option codes this library reads or writes (RFC 8415 §21, IANA "Option Codes").</summary>
public enum Dhcpv6OptionCode : ushort
{
    /// <summary>§21.2.</summary>
    ClientId = 1,
    /// <summary>§21.3.</summary>
    ServerId = 2,
    /// <summary>§21.7.</summary>
    OptionRequest = 6,
    /// <summary>§21.8.</summary>
    Preference = 7,
    /// <summary>§21.9.</summary>
    ElapsedTime = 8,
    /// <summary>§21.11.</summary>
    Authentication = 11,
    /// <summary>§21.13.</summary>
    StatusCode = 13,
    /// <summary>§21.14.</summary>
    RapidCommit = 14,
    /// <summary>§21.19.</summary>
    ReconfigureMessage = 19,
    /// <summary>§21.20.</summary>
    ReconfigureAccept = 20,
    /// <summary>RFC 3646 §3 (recursive DNS servers); read as an unknown option, only requested.</summary>
    DnsServers = 23,
    /// <summary>§21.21.</summary>
    IaPd = 25,
    /// <summary>§21.22.</summary>
    IaPrefix = 26,
    /// <summary>§21.24.</summary>
    SolMaxRt = 82,
    /// <summary>§21.25.</summary>
    InfMaxRt = 83,
}

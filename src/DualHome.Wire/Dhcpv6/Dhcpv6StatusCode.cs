namespace DualHome.Wire.Dhcpv6;

/// <summary>Status codes of the Status Code option, RFC 8415 §21.13 (and IANA "Status Codes").</summary>
public enum Dhcpv6StatusCode : ushort
{
    Success = 0,
    /// <summary>Failure, reason unspecified.</summary>
    UnspecFail = 1,
    /// <summary>No addresses available for the IA(s).</summary>
    NoAddrsAvail = 2,
    /// <summary>The client's binding (IA) is unavailable (§18.2.10.1: Request again).</summary>
    NoBinding = 3,
    /// <summary>The prefix of the address is not appropriate for the link.</summary>
    NotOnLink = 4,
    /// <summary>The client must send to All_DHCP_Relay_Agents_and_Servers.</summary>
    UseMulticast = 5,
    /// <summary>No prefixes available for the IA_PD(s).</summary>
    NoPrefixAvail = 6,
}

/// <summary>The Status Code option's contents (§21.13): a code and a UTF-8 message for people.</summary>
public sealed record Dhcpv6Status(Dhcpv6StatusCode Code, string Message = "")
{
    public bool IsSuccess => Code == Dhcpv6StatusCode.Success;
}

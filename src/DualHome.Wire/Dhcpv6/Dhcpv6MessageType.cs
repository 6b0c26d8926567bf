namespace DualHome.Wire.Dhcpv6;

/// <summary>DHCPv6 message types, RFC 8415 §7.3.</summary>
public enum Dhcpv6MessageType : byte
{
    Solicit = 1,
    Advertise = 2,
    Request = 3,
    Confirm = 4,
    Renew = 5,
    Rebind = 6,
    Reply = 7,
    Release = 8,
    Decline = 9,
    Reconfigure = 10,
    InformationRequest = 11,
    /// <summary>§9: relay messages have a different header and never reach a client.</summary>
    RelayForward = 12,
    /// <summary>§9: relay messages have a different header and never reach a client.</summary>
    RelayReply = 13,
}

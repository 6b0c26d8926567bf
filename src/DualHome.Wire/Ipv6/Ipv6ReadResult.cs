namespace DualHome.Wire.Ipv6;

/// <summary>Why <see cref="Ipv6Header.TryRead(ReadOnlySpan{byte}, bool, out Ipv6Header)"/> refused a packet.
/// Values are stable: counters key on them.</summary>
public enum Ipv6ReadResult : byte
{
    Ok = 0,
    /// <summary>Shorter than the 40-byte fixed header (RFC 8200 §3).</summary>
    TooShort = 1,
    /// <summary>Version field is not 6 (RFC 8200 §3), e.g. an IPv4 header behind EtherType 0x86dd.</summary>
    BadVersion = 2,
    /// <summary>Payload Length claims more bytes than the packet holds (RFC 8200 §3).</summary>
    PayloadLengthTooLong = 3,
    /// <summary>Bytes follow the payload that link-layer padding cannot explain (RFC 8200 §3, RFC 2464 §3).</summary>
    PayloadLengthTooShort = 4,
}

namespace DualHome.Wire.Dns;

/// <summary>The 4-bit header OPCODE (RFC 1035 §4.1.1).</summary>
public enum DnsOpcode : byte
{
    /// <summary>RFC 1035 §4.1.1: a standard query.</summary>
    Query = 0,
    /// <summary>RFC 2136 §2.2: UPDATE.</summary>
    Update = 5,
}
